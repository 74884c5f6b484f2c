package org.oihkb.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.oihkb.engine.OihEngine;
import org.oihkb.model.Assessment;
import org.oihkb.model.PatientRecord;

/** Writing assessments as JSON (docs/contract.md section 2): shape, number formatting and determinism. */
class AssessmentJsonTest {

    private static final OihEngine ENGINE = OihEngine.create();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Oxycodone 60 mg/day by mouth since 100 days before asOf: 90 MME/day, long-term. */
    private static final String OXYCODONE_60 = """
            {
              "format": 1,
              "id": "rec-json-1",
              "asOf": "2025-03-01",
              "patient": { "id": "p-json" },
              "doses": [
                { "id": "d1", "drug": "oxycodone", "route": "oral", "dailyDose": 60, "unit": "mg",
                  "start": "2024-11-21" }
              ]
            }
            """;

    /** A record with every kind of fact and no ids (so every id is derived from content). */
    private static final String[] CONDITIONS = {
        "{\"code\": \"chronic-pain\", \"onset\": \"2023-05-01\"}",
        "{\"code\": \"disease-progression\", \"status\": \"refuted\"}",
        "{\"code\": \"renal-impairment\"}",
    };
    private static final String[] MEDICATIONS = {
        "{\"class\": \"benzodiazepine\", \"name\": \"lorazepam\"}",
        "{\"class\": \"nsaid\"}",
    };
    private static final String[] OBSERVATIONS = {
        "{\"code\": \"egfr\", \"value\": 25, \"date\": \"2025-02-01\"}",
        "{\"code\": \"qtc-ms\", \"value\": 480, \"date\": \"2025-01-15\"}",
    };
    private static final String[] DOSES = {
        "{\"drug\": \"oxycodone\", \"route\": \"oral\", \"dailyDose\": 40, \"unit\": \"mg\", \"start\": \"2024-06-01\","
                + " \"end\": \"2024-12-31\"}",
        "{\"drug\": \"oxycodone\", \"route\": \"oral\", \"dailyDose\": 90, \"unit\": \"mg\", \"start\": \"2025-01-01\"}",
        "{\"drug\": \"methadone\", \"route\": \"oral\", \"dailyDose\": 10, \"unit\": \"mg\", \"start\": \"2025-01-01\"}",
        "{\"drug\": \"morphine\", \"route\": \"intravenous\", \"dailyDose\": 10, \"unit\": \"mg\","
                + " \"start\": \"2025-02-25\"}",
    };
    private static final String[] SYMPTOMS = {
        "{\"date\": \"2024-11-01\", \"kind\": \"pain\", \"intensity\": 5, \"sites\": [\"lower-back\"]}",
        "{\"date\": \"2024-12-15\", \"kind\": \"pain\", \"intensity\": 5, \"sites\": [\"lower-back\"]}",
        "{\"date\": \"2025-02-20\", \"kind\": \"pain\", \"intensity\": 8, \"sites\": [\"widespread\"],"
                + " \"quality\": [\"burning\"]}",
        "{\"date\": \"2025-02-20\", \"kind\": \"allodynia\", \"sites\": [\"left-arm\", \"right-leg\"]}",
        "{\"date\": \"2025-02-20\", \"kind\": \"withdrawal\", \"present\": false}",
    };

    private static String manyFacts(boolean reversed) {
        return "{\"format\": 1, \"id\": \"rec-many\", \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"p-many\"},"
                + " \"conditions\": [" + join(CONDITIONS, reversed) + "],"
                + " \"medications\": [" + join(MEDICATIONS, reversed) + "],"
                + " \"observations\": [" + join(OBSERVATIONS, reversed) + "],"
                + " \"doses\": [" + join(DOSES, reversed) + "],"
                + " \"symptoms\": [" + join(SYMPTOMS, reversed) + "]}";
    }

    private static String join(String[] items, boolean reversed) {
        List<String> list = new ArrayList<>(List.of(items));
        if (reversed) {
            Collections.reverse(list);
        }
        return String.join(", ", list);
    }

    /**
     * A record on which OIH is possible and options with cautions are offered (the shape of the
     * possible-OIH example).
     */
    private static final String POSSIBLE_OIH = """
            {
              "format": 1, "id": "rec-oih", "asOf": "2025-03-01",
              "patient": { "id": "p-oih", "birthDate": "1968-04-12", "sex": "female" },
              "conditions": [
                { "id": "c1", "code": "chronic-pain", "onset": "2022-05-01" },
                { "id": "c2", "code": "disease-progression", "status": "refuted", "onset": "2025-02-15" }
              ],
              "doses": [
                { "id": "d1", "drug": "oxycodone", "route": "oral", "dailyDose": 40, "unit": "mg",
                  "start": "2024-01-26", "end": "2024-10-01" },
                { "id": "d2", "drug": "oxycodone", "route": "oral", "dailyDose": 60, "unit": "mg",
                  "start": "2024-10-02", "end": "2024-12-30" },
                { "id": "d3", "drug": "oxycodone", "route": "oral", "dailyDose": 90, "unit": "mg",
                  "start": "2024-12-31" }
              ],
              "symptoms": [
                { "id": "s1", "date": "2024-08-13", "kind": "pain", "intensity": 5, "sites": ["lower-back"],
                  "quality": ["dull", "aching"] },
                { "id": "s2", "date": "2024-09-12", "kind": "pain", "intensity": 5, "sites": ["lower-back"],
                  "quality": ["dull"] },
                { "id": "s3", "date": "2024-11-01", "kind": "pain", "intensity": 6,
                  "sites": ["lower-back", "upper-back"], "quality": ["aching"] },
                { "id": "s4", "date": "2024-12-11", "kind": "pain", "intensity": 6,
                  "sites": ["lower-back", "left-leg"], "quality": ["aching"] },
                { "id": "s5", "date": "2025-01-30", "kind": "pain", "intensity": 8,
                  "sites": ["lower-back", "left-leg", "right-leg", "left-arm"], "quality": ["burning", "aching"] },
                { "id": "s6", "date": "2025-02-22", "kind": "pain", "intensity": 8, "sites": ["widespread"],
                  "quality": ["burning"] },
                { "id": "s7", "date": "2025-02-22", "kind": "allodynia", "sites": ["left-arm", "right-leg"] },
                { "id": "s8", "date": "2025-02-22", "kind": "withdrawal", "present": false }
              ]
            }
            """;

    private static PatientRecord read(String json) {
        return RecordJson.reader().read(json).record();
    }

    private static Assessment assess(String json) {
        return ENGINE.assess(read(json));
    }

    private static JsonNode parse(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.textValue()));
        return out;
    }

    /** The shape every finding, option and caution shares. */
    private static void assertCardShape(JsonNode card) {
        assertThat(card.path("id").isTextual()).as("id of %s", card).isTrue();
        assertThat(card.path("id").textValue()).matches("[A-Z]+-[0-9]{3}");
        assertThat(card.path("title").isTextual()).isTrue();
        assertThat(card.path("title").textValue()).isNotBlank();
        assertThat(card.path("indicator").textValue()).isIn("info", "warning", "critical");
        assertThat(card.path("summary").isTextual()).isTrue();
        assertThat(card.path("summary").textValue()).isNotBlank();
        assertThat(card.path("evidence").isArray()).isTrue();
        card.path("evidence").forEach(e -> assertThat(e.isTextual()).isTrue());
        assertThat(card.path("sources").isArray()).isTrue();
        assertThat(card.path("sources")).isNotEmpty();
        card.path("sources").forEach(s -> assertThat(s.isTextual()).isTrue());
        assertThat(card.path("evidenceGrade").isTextual()).isTrue();
        assertThat(card.path("evidenceGrade").textValue()).isNotBlank();
    }

    // ---------------------------------------------------------------------------------------------------
    // shape

    @Test
    void writesTheHeaderOfTheContract() throws IOException {
        JsonNode root = parse(AssessmentJson.toPrettyJson(assess(OXYCODONE_60)));

        assertThat(fieldNames(root)).containsExactly("format", "recordId", "patientId", "asOf", "knowledgeBase",
                "exposure", "findings", "options", "withheldOptions", "dataQuality");
        assertThat(root.path("format").isInt()).isTrue();
        assertThat(root.path("format").intValue()).isEqualTo(1).isEqualTo(AssessmentJson.FORMAT);
        assertThat(root.path("recordId").textValue()).isEqualTo("rec-json-1");
        assertThat(root.path("patientId").textValue()).isEqualTo("p-json");
        assertThat(root.path("asOf").textValue()).isEqualTo("2025-03-01");
    }

    @Test
    void writesTheKnowledgeBaseNameVersionAndEdition() throws IOException {
        JsonNode kb = parse(AssessmentJson.toPrettyJson(assess(OXYCODONE_60))).path("knowledgeBase");

        assertThat(fieldNames(kb)).containsExactly("name", "version", "mmeEdition");
        assertThat(kb.path("name").textValue()).isEqualTo("oih-kb").isEqualTo(OihEngine.NAME);
        assertThat(kb.path("version").textValue()).isNotBlank().isEqualTo(ENGINE.knowledgeBase().version());
        assertThat(kb.path("mmeEdition").textValue()).isEqualTo("cdc-2022");
    }

    @Test
    void writesTheExposureWithWholeMmeAsIntegers() throws IOException {
        Assessment a = assess(OXYCODONE_60);
        String line = AssessmentJson.toJsonLine(a);
        JsonNode exposure = parse(line).path("exposure");

        assertThat(exposure.path("mmeEdition").textValue()).isEqualTo("cdc-2022");
        assertThat(exposure.path("currentMmePerDay").isIntegralNumber()).isTrue();
        assertThat(exposure.path("currentMmePerDay").intValue()).isEqualTo(90);
        assertThat(exposure.path("peakMmePerDay").isIntegralNumber()).isTrue();
        assertThat(exposure.path("peakMmePerDay").intValue()).isEqualTo(90);
        assertThat(line).contains("\"currentMmePerDay\":90,").doesNotContain("90.0");
        assertThat(exposure.path("complete").booleanValue()).isTrue();
        assertThat(exposure.path("complete").isBoolean()).isTrue();
        assertThat(exposure.path("notComputedDoseIds").isArray()).isTrue();
        assertThat(exposure.path("notComputedDoseIds")).isEmpty();
        assertThat(exposure.path("daysOnOpioids").isInt()).isTrue();
        assertThat(exposure.path("daysOnOpioids").intValue()).isEqualTo(a.exposure().daysOnOpioids()).isPositive();
        assertThat(exposure.path("longTermTherapy").isBoolean()).isTrue();
        assertThat(exposure.path("longTermTherapy").booleanValue()).isTrue();
    }

    @Test
    void writesTheMmeTraceWithTheFactorUsed() throws IOException {
        String line = AssessmentJson.toJsonLine(assess(OXYCODONE_60));
        JsonNode trace = parse(line).path("exposure").path("trace");

        assertThat(trace).hasSize(1);
        JsonNode t = trace.get(0);
        assertThat(fieldNames(t)).containsExactly("doseId", "drug", "route", "purpose", "from", "dailyDose", "unit",
                "factor", "mmePerDay", "countsForThresholds");
        assertThat(t.path("doseId").textValue()).isEqualTo("d1");
        assertThat(t.path("drug").textValue()).isEqualTo("oxycodone");
        assertThat(t.path("route").textValue()).isEqualTo("oral");
        assertThat(t.path("purpose").textValue()).isEqualTo("pain");
        assertThat(t.path("from").textValue()).isEqualTo("2024-11-21");
        assertThat(t.has("to")).as("a running dose has no end").isFalse();
        assertThat(t.path("dailyDose").isIntegralNumber()).isTrue();
        assertThat(t.path("dailyDose").intValue()).isEqualTo(60);
        assertThat(t.path("unit").textValue()).isEqualTo("mg");
        assertThat(t.path("factor").isFloatingPointNumber()).isTrue();
        assertThat(t.path("factor").doubleValue()).isEqualTo(1.5);
        assertThat(t.path("mmePerDay").isIntegralNumber()).isTrue();
        assertThat(t.path("mmePerDay").intValue()).isEqualTo(90);
        assertThat(t.path("countsForThresholds").booleanValue()).isTrue();
        assertThat(t.has("note")).isFalse();
        assertThat(line).contains("\"factor\":1.5,\"mmePerDay\":90,");
    }

    @Test
    void writesFractionalMmeAsDecimalsAndRoundedProductsWithoutFloatingPointNoise() throws IOException {
        String oxycodone45 = OXYCODONE_60.replace("\"dailyDose\": 60", "\"dailyDose\": 45");
        String tramadol150 = OXYCODONE_60.replace("\"drug\": \"oxycodone\"", "\"drug\": \"tramadol\"")
                .replace("\"dailyDose\": 60", "\"dailyDose\": 150");

        String fractional = AssessmentJson.toJsonLine(assess(oxycodone45));
        String tramadol = AssessmentJson.toJsonLine(assess(tramadol150));

        assertThat(fractional).contains("\"currentMmePerDay\":67.5,", "\"factor\":1.5,\"mmePerDay\":67.5,");
        assertThat(parse(fractional).path("exposure").path("currentMmePerDay").doubleValue()).isEqualTo(67.5);
        // 150 x 0.2 is 30.000000000000004 in binary floating point
        assertThat(tramadol).contains("\"currentMmePerDay\":30,", "\"factor\":0.2,\"mmePerDay\":30,")
                .doesNotContain("30.0000");
    }

    @Test
    void writesFindingsInTheContractShapeSortedById() throws IOException {
        JsonNode findings = parse(AssessmentJson.toPrettyJson(assess(OXYCODONE_60))).path("findings");

        assertThat(findings.isArray()).isTrue();
        assertThat(findings).isNotEmpty();
        findings.forEach(AssessmentJsonTest::assertCardShape);
        List<String> ids = new ArrayList<>();
        findings.forEach(f -> ids.add(f.path("id").textValue()));
        assertThat(ids).isSorted().contains("EXP-010", "EXP-050", "EXP-090");
        JsonNode exp050 = findings.get(ids.indexOf("EXP-050"));
        assertThat(fieldNames(exp050)).startsWith("id", "title", "indicator", "summary", "evidence", "sources",
                "evidenceGrade");
        assertThat(exp050.path("indicator").textValue()).isEqualTo("warning");
        assertThat(exp050.path("summary").textValue()).contains("90 MME/day");
        assertThat(texts(exp050.path("evidence"))).contains("d1");
        assertThat(texts(exp050.path("sources"))).contains("CDC 2022 Recommendation 8");
    }

    @Test
    void writesEmptyOptionsAndDataQualityAsEmptyLists() throws IOException {
        String line = AssessmentJson.toJsonLine(assess(OXYCODONE_60));
        JsonNode root = parse(line);

        assertThat(root.path("options").isArray()).isTrue();
        assertThat(root.path("options")).isEmpty();
        assertThat(root.path("dataQuality").isArray()).isTrue();
        assertThat(root.path("dataQuality")).isEmpty();
        assertThat(line).contains("\"options\":[]", "\"dataQuality\":[]");
    }

    @Test
    void writesOptionsWithTheirCautions() throws IOException {
        JsonNode options = parse(AssessmentJson.toPrettyJson(assess(POSSIBLE_OIH))).path("options");

        assertThat(options).isNotEmpty();
        List<String> optionIds = new ArrayList<>();
        for (JsonNode o : options) {
            assertCardShape(o);
            optionIds.add(o.path("id").textValue());
            assertThat(fieldNames(o)).containsExactly("id", "title", "indicator", "summary", "evidence", "sources",
                    "evidenceGrade", "cautions", "checks");
            assertThat(o.path("cautions").isArray()).isTrue();
            List<String> cautionIds = new ArrayList<>();
            for (JsonNode c : o.path("cautions")) {
                assertCardShape(c);
                assertThat(fieldNames(c)).containsExactly("id", "title", "indicator", "summary", "evidence",
                        "sources", "evidenceGrade");
                cautionIds.add(c.path("id").textValue());
            }
            assertThat(cautionIds).isSorted();
        }
        assertThat(optionIds).isSorted();
    }

    @Test
    void writesDataQualityNotesWithIdSummaryAndEvidence() throws IOException {
        String methadone = OXYCODONE_60.replace("\"drug\": \"oxycodone\"", "\"drug\": \"methadone\"")
                .replace("\"dailyDose\": 60", "\"dailyDose\": 10");

        JsonNode root = parse(AssessmentJson.toPrettyJson(assess(methadone)));

        JsonNode notes = root.path("dataQuality");
        assertThat(notes).isNotEmpty();
        for (JsonNode n : notes) {
            assertThat(fieldNames(n)).containsExactly("id", "summary", "evidence");
            assertThat(n.path("summary").textValue()).isNotBlank();
        }
        assertThat(notes).anySatisfy(n -> {
            assertThat(n.path("id").textValue()).isEqualTo("DQ-011");
            assertThat(texts(n.path("evidence"))).containsExactly("d1");
        });
        JsonNode trace = root.path("exposure").path("trace").get(0);
        assertThat(trace.path("purpose").textValue()).isEqualTo("unknown");
        assertThat(trace.path("countsForThresholds").booleanValue()).isFalse();
        assertThat(trace.path("note").textValue()).isNotBlank();
    }

    @Test
    void writesADoseWithoutAnMmeFactorWithoutFactorAndAsIncomplete() throws IOException {
        String intravenous = OXYCODONE_60.replace("\"drug\": \"oxycodone\", \"route\": \"oral\"",
                "\"drug\": \"morphine\", \"route\": \"intravenous\"");

        JsonNode exposure = parse(AssessmentJson.toPrettyJson(assess(intravenous))).path("exposure");

        assertThat(exposure.path("complete").booleanValue()).isFalse();
        assertThat(texts(exposure.path("notComputedDoseIds"))).containsExactly("d1");
        assertThat(exposure.path("currentMmePerDay").isNull()).as("not computable is null, not 0").isTrue();
        assertThat(exposure.path("peakMmePerDay").isNull()).isTrue();
        assertThat(exposure.path("notComputableReason").asText()).isEqualTo("route intravenous is not in the cdc-2022 table");
        assertThat(exposure.path("bands").get(0).path("status").asText()).isEqualTo("not-assessable");
        JsonNode t = exposure.path("trace").get(0);
        assertThat(t.has("factor")).isFalse();
        assertThat(t.has("mmePerDay")).isFalse();
        assertThat(t.path("note").textValue()).isNotBlank();
    }

    @Test
    void inputWarningsAddedToTheAssessmentAreWrittenAsDataQualityNotes() throws IOException {
        RecordJson.ReadResult read = RecordJson.reader().read(
                OXYCODONE_60.replace("\"start\": \"2024-11-21\"", "\"start\": \"2024-11-21\", \"foo\": 1"));

        Assessment a = ENGINE.assess(read.record()).withDataQuality(read.warnings());
        JsonNode notes = parse(AssessmentJson.toJsonLine(a)).path("dataQuality");

        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).path("id").textValue()).isEqualTo(RecordJson.UNKNOWN_FIELD);
        assertThat(notes.get(0).path("summary").textValue())
                .isEqualTo("Unknown field 'doses[0].foo' was ignored (format 1 does not define it).");
        assertThat(notes.get(0).path("evidence")).isEmpty();
    }

    @Test
    void writesANullRecordIdWhenTheRecordHasNone() throws IOException {
        JsonNode root = parse(AssessmentJson.toJsonLine(assess(OXYCODONE_60.replace("\"id\": \"rec-json-1\",", ""))));

        assertThat(root.has("recordId")).isTrue();
        assertThat(root.path("recordId").isNull()).isTrue();
        assertThat(root.path("patientId").textValue()).isEqualTo("p-json");
    }

    // ---------------------------------------------------------------------------------------------------
    // pretty versus line

    @Test
    void aJsonLineHasNoLineBreak() {
        String line = AssessmentJson.toJsonLine(assess(POSSIBLE_OIH));

        assertThat(line).doesNotContain("\n").doesNotContain("\r").startsWith("{\"format\":1,").endsWith("}");
    }

    @Test
    void prettyJsonIsIndentedAndHoldsTheSameContentAsTheLine() throws IOException {
        Assessment a = assess(POSSIBLE_OIH);

        String pretty = AssessmentJson.toPrettyJson(a);
        String line = AssessmentJson.toJsonLine(a);

        assertThat(pretty).startsWith("{\n  \"format\" : 1,\n  \"recordId\" : \"rec-oih\",");
        assertThat(pretty.lines()).hasSizeGreaterThan(10);
        assertThat(parse(pretty)).isEqualTo(parse(line));
    }

    @Test
    void writingToAWriterGivesTheSameTextAndLeavesTheWriterOpen() throws IOException {
        Assessment a = assess(OXYCODONE_60);
        StringWriter out = new StringWriter();

        AssessmentJson.write(a, out, false);
        out.write("\n");
        AssessmentJson.write(a, out, true);

        assertThat(out.toString()).isEqualTo(AssessmentJson.toJsonLine(a) + "\n" + AssessmentJson.toPrettyJson(a));
    }

    // ---------------------------------------------------------------------------------------------------
    // determinism

    @Test
    void equalAssessmentsGiveByteIdenticalJson() {
        Assessment first = assess(POSSIBLE_OIH);
        Assessment second = assess(POSSIBLE_OIH);

        assertThat(second).isEqualTo(first);
        assertThat(AssessmentJson.toPrettyJson(second)).isEqualTo(AssessmentJson.toPrettyJson(first));
        assertThat(AssessmentJson.toJsonLine(second)).isEqualTo(AssessmentJson.toJsonLine(first));
    }

    @Test
    void aRecordWithItsFactsInAnotherOrderGivesIdenticalJson() {
        Assessment inOrder = assess(manyFacts(false));
        Assessment reversed = assess(manyFacts(true));

        assertThat(AssessmentJson.toPrettyJson(reversed)).isEqualTo(AssessmentJson.toPrettyJson(inOrder));
        assertThat(AssessmentJson.toJsonLine(reversed)).isEqualTo(AssessmentJson.toJsonLine(inOrder));
    }

    @Test
    void aRecordWithIdsInAnotherOrderGivesIdenticalJson() {
        PatientRecord r = read(POSSIBLE_OIH);
        PatientRecord.Builder b = PatientRecord.builder(r.asOf(), r.patient()).id(r.id());
        reversed(r.conditions()).forEach(b::condition);
        reversed(r.doses()).forEach(b::dose);
        reversed(r.symptoms()).forEach(b::symptom);

        assertThat(AssessmentJson.toJsonLine(ENGINE.assess(b.build())))
                .isEqualTo(AssessmentJson.toJsonLine(ENGINE.assess(r)));
    }

    @Test
    void theRecordWithManyFactsFillsEverySection() throws IOException {
        JsonNode root = parse(AssessmentJson.toJsonLine(assess(manyFacts(false))));

        assertThat(root.path("findings")).isNotEmpty();
        assertThat(root.path("dataQuality")).isNotEmpty();
        assertThat(root.path("exposure").path("trace")).hasSize(DOSES.length);
        assertThat(root.path("exposure").path("complete").booleanValue()).isFalse();
    }

    private static <T> List<T> reversed(List<T> items) {
        List<T> list = new ArrayList<>(items);
        Collections.reverse(list);
        return list;
    }
}
