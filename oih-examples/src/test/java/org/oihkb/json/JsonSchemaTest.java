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
