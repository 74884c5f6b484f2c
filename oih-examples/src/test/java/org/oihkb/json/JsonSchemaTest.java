package org.oihkb.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.oihkb.engine.OihEngine;

/** The published schemas describe what the reader accepts and the writer writes; every example validates. */
class JsonSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema RECORD = schema("record.schema.json");
    private static final JsonSchema ASSESSMENT = schema("assessment.schema.json");
    private static final OihEngine ENGINE = OihEngine.create();

    private static JsonSchema schema(String name) {
        try (InputStream in = RecordJson.class.getResourceAsStream("/org/oihkb/json/" + name)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> examples() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyExampleAndItsAssessmentValidate() throws Exception {
        assertThat(examples()).hasSizeGreaterThanOrEqualTo(6);
        for (Path example : examples()) {
            JsonNode record = JSON.readTree(example.toFile());
            assertThat(RECORD.validate(record)).as(example.toString()).isEmpty();
            String assessment = AssessmentJson.toPrettyJson(ENGINE.assess(RecordJson.reader().read(record).record()));
            assertThat(ASSESSMENT.validate(JSON.readTree(assessment))).as(example + " assessment").isEmpty();
        }
    }

    @Test
    void theSafetyExtensionsValidate() throws Exception {
        // a withheld option with checks on the options offered; the other edition with a null figure in that edition
        String withheld = "{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"p1\"}, \"doses\": ["
                + "{\"id\": \"d1\", \"drug\": \"oxycodone\", \"route\": \"oral\", \"dailyDose\": 40, \"unit\": \"mg\","
                + " \"start\": \"2024-05-05\", \"end\": \"2024-10-31\"},"
                + "{\"id\": \"d2\", \"drug\": \"oxycodone\", \"route\": \"oral\", \"dailyDose\": 60, \"unit\": \"mg\","
                + " \"start\": \"2024-11-01\"}],"
                + "\"observations\": [{\"id\": \"o9\", \"code\": \"qtc-ms\", \"value\": 530, \"date\": \"2025-02-20\"}],"
                + "\"symptoms\": ["
                + "{\"id\": \"s1\", \"date\": \"2024-10-02\", \"kind\": \"pain\", \"intensity\": 5, \"sites\": [\"lower-back\"]},"
                + "{\"id\": \"s2\", \"date\": \"2024-10-22\", \"kind\": \"pain\", \"intensity\": 5, \"sites\": [\"lower-back\"]},"
                + "{\"id\": \"s3\", \"date\": \"2024-12-01\", \"kind\": \"pain\", \"intensity\": 7, \"sites\": [\"lower-back\"]},"
                + "{\"id\": \"s4\", \"date\": \"2025-01-30\", \"kind\": \"pain\", \"intensity\": 7, \"sites\": [\"lower-back\"]},"
                + "{\"id\": \"s5\", \"date\": \"2025-02-09\", \"kind\": \"allodynia\"}]}";
        String tapentadol = "{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"p2\"}, \"doses\": ["
                + "{\"id\": \"d1\", \"drug\": \"tapentadol\", \"route\": \"oral\", \"dailyDose\": 200, \"unit\": \"mg\","
                + " \"start\": \"2024-08-13\"}]}";
        for (String record : List.of(withheld, tapentadol)) {
            JsonNode assessment = JSON.readTree(AssessmentJson.toPrettyJson(ENGINE.assess(RecordJson.reader().read(record)
                    .record())));
            if (record == withheld) {
                assertThat(assessment.get("withheldOptions").get(0).get("optionId").asText()).isEqualTo("OPT-021");
                assertThat(assessment.get("options").findValues("checks")).anyMatch(c -> c.size() > 0);
            } else {
                assertThat(assessment.get("exposure").get("otherEdition").get("currentMmePerDay").isNull()).isTrue();
            }
            assertThat(ASSESSMENT.validate(assessment)).as(assessment.toString()).isEmpty();
        }
    }

    @Test
    void generatedRecordsOfEverySizeValidate() throws Exception {
        for (org.oihkb.examples.SyntheticPopulation.Size size : org.oihkb.examples.SyntheticPopulation.Size.values()) {
            org.oihkb.examples.SyntheticPopulation pop = new org.oihkb.examples.SyntheticPopulation(1, size);
            for (int i = 0; i < 12; i++) {
                JsonNode record = JSON.readTree(RecordJson.reader().toJsonLine(pop.record(i)));
                assertThat(RECORD.validate(record)).as(size + " " + i).isEmpty();
                assertThat(RecordJson.reader().read(record).record()).isEqualTo(pop.record(i));
            }
        }
    }

    @Test
    void invalidRecordsFailTheSchema() throws Exception {
        ObjectNode base = (ObjectNode) JSON.readTree(Path.of("examples", "possible-oih.json").toFile());
        ObjectNode noAsOf = base.deepCopy();
        noAsOf.remove("asOf");
        ObjectNode badDrug = base.deepCopy();
        ((ObjectNode) badDrug.get("doses").get(0)).put("drug", "heroin");
        ObjectNode negative = base.deepCopy();
        ((ObjectNode) negative.get("doses").get(0)).put("dailyDose", -5);
        for (ObjectNode bad : List.of(noAsOf, badDrug, negative)) {
            Set<ValidationMessage> errors = RECORD.validate(bad);
            assertThat(errors).isNotEmpty();
        }
    }

    @Test
    void anAssessmentWithAnUnknownIndicatorFailsTheSchema() throws Exception {
        ObjectNode a = (ObjectNode) JSON.readTree(AssessmentJson.toPrettyJson(ENGINE.assess(
                RecordJson.reader().read(Path.of("examples", "possible-oih.json")).record())));
        ((ObjectNode) a.get("findings").get(0)).put("indicator", "urgent");
        assertThat(ASSESSMENT.validate(a)).isNotEmpty();
    }
}
