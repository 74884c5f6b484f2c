package org.oihkb.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oihkb.json.RecordJson;
import org.oihkb.model.Assessment;
import org.oihkb.model.PatientRecord;

class CardBuilderTest {

    static final CardBuilder BUILDER = new CardBuilder(id -> new CardBuilder.RuleLink("title of " + id,
            "https://cds.test/rules/" + id));

    static PatientRecord record(String name) throws IOException {
        try (InputStream in = CardBuilderTest.class.getResourceAsStream("/records/" + name + ".json")) {
            return RecordJson.reader().read(in).record();
        }
    }

    static List<Map<String, Object>> cards(String name, String hook) throws IOException {
        PatientRecord r = record(name);
        Assessment a = TestService.ENGINE.assess(r);
        return BUILDER.cards(a, r, new CardBuilder.Context(hook, "the draft order's authoredOn", List.of(), false, List.of(),
                List.of("MedicationRequest/draft-1")));
    }

    @Test
    void orderSignWithPossibleOihAndAnEscalatingDraftSaysDoNotAnswerWithAHigherDose() throws IOException {
        List<Map<String, Object>> cards = cards("possible-oih-draft-escalation", "order-sign");
        Map<String, Object> card = cards.get(0);
        assertThat(card.get("summary")).isEqualTo(CardBuilder.DO_NOT_ESCALATE);
        assertThat(card.get("indicator")).isEqualTo("warning");
        assertThat(card.get("selectionBehavior")).isEqualTo("at-most-one");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> suggestions = (List<Map<String, Object>>) card.get("suggestions");
        assertThat(suggestions).hasSize(1);
        assertThat(suggestions.get(0).get("actions")).isEqualTo(List.of(Map.of("type", "delete",
                "description", "Remove the draft order that raises the opioid dose",
                "resourceId", List.of("MedicationRequest/draft-1"))));
        String detail = (String) card.get("detail");
        assertThat(detail).contains("proposed from 2025-03-01: oxycodone oral 130 mg/day (195 MME/day)");
        assertThat(detail).contains("2025-02-22: allodynia");
        assertThat(detail).contains("**Options to consider**");
        assertThat(detail).contains("Assessed as of 2025-03-01 (the draft order's authoredOn)");
        // possible OIH is said once: folded into the do-not-escalate card, which takes the id of the rules' own
        // proposed-escalation finding (REG-100) now that the rules have it
        assertThat(cards).filteredOn(c -> ((String) c.get("uuid")).startsWith("REG-100:")).hasSize(1);
        assertThat(cards).filteredOn(c -> ((String) c.get("uuid")).startsWith("OIH-010:")).isEmpty();
    }

    @Test
    void theSameDraftWithATolerancePatternGetsNoDoNotEscalateCard() throws IOException {
        List<Map<String, Object>> cards = cards("tolerance-draft-escalation", "order-sign");
        assertThat(cards).extracting(c -> c.get("summary")).doesNotContain(CardBuilder.DO_NOT_ESCALATE);
        assertThat(cards).allSatisfy(c -> assertThat(c).doesNotContainKey("suggestions"));
    }

    @Test
    void patientViewShowsPossibleOihWithoutTheOrderCard() throws IOException {
        List<Map<String, Object>> cards = cards("possible-oih-draft-escalation", "patient-view");
        assertThat(cards).extracting(c -> c.get("summary")).doesNotContain(CardBuilder.DO_NOT_ESCALATE);
        assertThat(cards).extracting(c -> ((String) c.get("uuid")).split(":")[0]).contains("OIH-010");
    }

    @Test
    void everyCardIsValidCdsHooks() throws IOException {
        for (String name : List.of("possible-oih-draft-escalation", "tolerance-draft-escalation")) {
            for (String hook : List.of("patient-view", "order-select", "order-sign")) {
                for (Map<String, Object> c : cards(name, hook)) {
                    assertThat((String) c.get("summary")).hasSizeLessThanOrEqualTo(CardBuilder.MAX_SUMMARY);
                    assertThat(c.get("indicator")).isIn("info", "warning", "critical");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> source = (Map<String, Object>) c.get("source");
                    assertThat((String) source.get("label")).isNotBlank();
                    assertThat((String) source.get("url")).startsWith("https://cds.test/rules/");
                    assertThat((List<?>) c.get("overrideReasons")).hasSize(4);
                }
            }
        }
    }

    @Test
    void cardIdsAreRuleIdsAndAPatientHashThatNamesNoOne() {
        String id = CardBuilder.cardId("OIH-010", "demo-001");
        assertThat(id).matches("OIH-010:[0-9a-f]{16}").doesNotContain("demo");
        assertThat(CardBuilder.cardId("OIH-010", "demo-001")).isEqualTo(id);
        assertThat(CardBuilder.cardId("OIH-010", "demo-002")).isNotEqualTo(id);
        assertThat(CardBuilder.cardType(id)).isEqualTo("OIH-010");
    }

    @Test
    void patientTextCannotBecomeMarkup() {
        assertThat(CardBuilder.esc("<img src=x> [link](http://x) *b*"))
                .isEqualTo("&lt;img src=x&gt; \\[link\\](http://x) \\*b\\*");
    }
}
