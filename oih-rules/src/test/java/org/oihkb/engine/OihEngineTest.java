package org.oihkb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oihkb.engine.Records.dose;
import static org.oihkb.engine.Records.oral;
import static org.oihkb.engine.Records.withDoses;

import org.junit.jupiter.api.Test;
import org.oihkb.model.Assessment;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.Indicator;
import org.oihkb.model.Route;

class OihEngineTest {
    private static final OihEngine ENGINE = OihEngine.create();

    @Test
    void oxycodone60mgIs90MmeAndFiresBothBands() {
        Assessment a = ENGINE.assess(withDoses(oral(Drug.OXYCODONE, 60, -100)));
        assertThat(a.exposure().currentMmePerDay()).isEqualTo(90.0);
        assertThat(a.firedIds()).contains("EXP-050", "EXP-090", "EXP-010");
        assertThat(a.finding("EXP-050").orElseThrow().indicator()).isEqualTo(Indicator.WARNING);
        assertThat(a.finding("EXP-050").orElseThrow().summary()).contains("90 MME/day", "cdc-2022");
        assertThat(a.finding("EXP-050").orElseThrow().sources()).containsExactly("CDC 2022 Recommendation 8",
                "CDC 2016 Recommendation 5");
    }

    @Test
    void fentanylPatch25IsSixtyMme() {
        Assessment a = ENGINE.assess(withDoses(dose(Drug.FENTANYL, Route.TRANSDERMAL, 25, DoseUnit.MCG_PER_HOUR, -10)
                .build()));
        assertThat(a.exposure().currentMmePerDay()).isEqualTo(60.0);
        assertThat(a.firedIds()).contains("EXP-050").doesNotContain("EXP-090", "EXP-010");
    }

    @Test
    void injectableOpioidHasNoMmeAndANote() {
        Assessment a = ENGINE.assess(withDoses(dose(Drug.MORPHINE, Route.INTRAVENOUS, 20, DoseUnit.MG, -3).build()));
        assertThat(a.exposure().currentMmePerDay()).isNull();
        assertThat(a.exposure().notComputableReason()).isEqualTo("route intravenous is not in the cdc-2022 table");
        assertThat(a.exposure().complete()).isFalse();
        assertThat(a.firedIds()).contains("DQ-010");
        assertThat(a.dataQuality().get(0).summary()).contains("intravenous route has no factor");
    }

    @Test
    void listsEveryRuleWithItsMetadata() {
        assertThat(ENGINE.rules()).extracting(RuleInfo::id).contains("EXP-010", "EXP-050", "EXP-090", "DQ-010",
                "DQ-011");
        assertThat(ENGINE.rules()).allSatisfy(r -> assertThat(r.sources()).isNotEmpty());
    }

    private static Assessment assessJson(String members) {
        return ENGINE.assess(org.oihkb.json.RecordJson.reader().read("{\"format\": 1, \"asOf\": \"2025-03-01\", "
                + "\"patient\": {\"id\": \"p1\"}, " + members + "}").record());
    }

    @Test
    void outsideTheCdcScopeEveryCdcSourcedFindingSaysItIsShownForReference() {
        Assessment a = assessJson("\"conditions\": [{\"id\": \"c1\", \"code\": \"palliative-care\"}, "
                + "{\"id\": \"c2\", \"code\": \"active-cancer\"}], \"doses\": [{\"id\": \"d1\", \"drug\": \"oxycodone\", "
                + "\"route\": \"oral\", \"dailyDose\": 60, \"unit\": \"mg\", \"start\": \"2024-10-01\"}]");
        assertThat(a.findings().stream().filter(f -> f.id().equals("OIH-070")).count()).as("one context finding")
                .isEqualTo(1);
        assertThat(a.finding("OIH-070").orElseThrow().summary()).startsWith("Context: active-cancer, palliative-care.");
        assertThat(a.finding("EXP-050").orElseThrow().summary())
                .endsWith("CDC 2022 scope excludes this patient; shown for reference.");
    }

    @Test
    void neurotoxicityWithDeliriumIsCritical() {
        Assessment a = assessJson("\"doses\": [{\"id\": \"d1\", \"drug\": \"hydromorphone\", \"route\": \"subcutaneous\", "
                + "\"dailyDose\": 24, \"unit\": \"mg\", \"start\": \"2025-01-01\"}], \"conditions\": [{\"id\": \"c1\", "
                + "\"code\": \"dehydration\"}], \"symptoms\": [{\"id\": \"s1\", \"date\": \"2025-02-27\", \"kind\": \"delirium\"}]");
        var f = a.finding("OIH-090").orElseThrow();
        assertThat(f.indicator()).isEqualTo(Indicator.CRITICAL);
        assertThat(f.summary()).contains("delirium", "parenteral or neuraxial pain dose (hydromorphone subcutaneous)",
                "dehydration");
    }

    @Test
    void neurotoxicityWithMyoclonusOnlyIsAWarning() {
        Assessment a = assessJson("\"doses\": [{\"id\": \"d1\", \"drug\": \"morphine\", \"route\": \"oral\", "
                + "\"dailyDose\": 30, \"unit\": \"mg\", \"start\": \"2025-01-01\"}], "
                + "\"symptoms\": [{\"id\": \"s1\", \"date\": \"2025-02-27\", \"kind\": \"myoclonus\"}]");
        assertThat(a.finding("OIH-090").orElseThrow().indicator()).isEqualTo(Indicator.WARNING);
    }

    @Test
    void anOpioidStartedTodayWithPain8SaysWhatIsMissing() {
        Assessment a = assessJson("\"doses\": [{\"id\": \"d1\", \"drug\": \"oxycodone\", \"route\": \"oral\", "
                + "\"dailyDose\": 20, \"unit\": \"mg\", \"start\": \"2025-03-01\"}], "
                + "\"symptoms\": [{\"id\": \"s1\", \"date\": \"2025-03-01\", \"kind\": \"pain\", \"intensity\": 8}]");
        assertThat(a.finding("OIH-060").orElseThrow().summary()).isEqualTo("Not enough data to judge OIH or tolerance "
                + "(pain 8/10 on 2025-03-01): the record lacks a dose history with start dates and changes (the first "
                + "opioid dose for pain recorded starts on 2025-03-01); at least two pain scores; a pain score before "
                + "and one at least 7 days after a dose change; a sign examined (allodynia, spread of pain with its "
                + "sites, quality of pain).");
    }

    @Test
    void theHydromorphoneInfusionDoubledTwiceIsPossibleOihWithANullMme() {
        Assessment a = assessJson("\"doses\": ["
                + "{\"id\": \"d1\", \"drug\": \"hydromorphone\", \"route\": \"subcutaneous\", \"dailyDose\": 12, \"unit\": \"mg\", \"start\": \"2024-12-31\", \"end\": \"2025-02-18\"},"
                + "{\"id\": \"d2\", \"drug\": \"hydromorphone\", \"route\": \"subcutaneous\", \"dailyDose\": 24, \"unit\": \"mg\", \"start\": \"2025-02-19\", \"end\": \"2025-02-24\"},"
                + "{\"id\": \"d3\", \"drug\": \"hydromorphone\", \"route\": \"subcutaneous\", \"dailyDose\": 48, \"unit\": \"mg\", \"start\": \"2025-02-25\"}], "
                + "\"symptoms\": ["
                + "{\"id\": \"s1\", \"date\": \"2024-12-31\", \"kind\": \"pain\", \"intensity\": 6, \"sites\": [\"lower-back\"]},"
                + "{\"id\": \"s3\", \"date\": \"2025-02-19\", \"kind\": \"pain\", \"intensity\": 6, \"sites\": [\"lower-back\"]},"
                + "{\"id\": \"s4\", \"date\": \"2025-02-27\", \"kind\": \"pain\", \"intensity\": 8, \"sites\": [\"lower-back\", \"left-leg\", \"right-leg\"]},"
                + "{\"id\": \"s5\", \"date\": \"2025-02-28\", \"kind\": \"allodynia\"},"
                + "{\"id\": \"s6\", \"date\": \"2025-03-01\", \"kind\": \"pain\", \"intensity\": 9, \"sites\": [\"lower-back\", \"left-leg\", \"right-leg\"]}]");
        assertThat(a.exposure().currentMmePerDay()).isNull();
        assertThat(a.exposure().notComputableReason()).isEqualTo("route subcutaneous is not in the cdc-2022 table");
        assertThat(a.exposure().series()).singleElement().satisfies(s -> assertThat(s.values())
                .extracting(p -> p.value()).containsExactly(12.0, 24.0, 48.0));
        var f = a.finding("OIH-010").orElseThrow();
        assertThat(f.summary()).startsWith("Possible opioid-induced hyperalgesia (2 of 3 signs, pain worsened): pain "
                + "worsened after the titration from 2025-02-19 to 2025-02-25");
        assertThat(f.criteriaMet().get(0)).isEqualTo("(1) cumulative escalation, hydromorphone subcutaneous 12 on "
                + "2024-12-31 to 48 mg/day (+300%) since the start on 2024-12-31");
        assertThat(a.options()).isNotEmpty();
    }
}
