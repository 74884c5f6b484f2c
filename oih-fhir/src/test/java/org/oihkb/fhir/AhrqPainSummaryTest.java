package org.oihkb.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oihkb.fhir.internal.RecordMapper;
import org.oihkb.model.Assessment;
import org.oihkb.model.MedicationClass;

/**
 * The AHRQ Pain Management Summary cases (CQL Testing Framework YAML, as of 2018-12-10): where our contract
 * has the concept (age, benzodiazepines, naloxone, MME from orders) the record says what their expected
 * output says. The YAML's shorthand resources are expanded to FHIR R4 JSON the way the framework does.
 */
class AhrqPainSummaryTest {

    static final LocalDate AS_OF = LocalDate.of(2018, 12, 10);
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"age_17_or_younger", "age_65_or_older", "brenda-jackson", "kitchen-sink"})
    void mapsAsTheExpectedOutputSays(String name) throws IOException {
        JsonNode test = YAML.readTree(TestData.path("cql-testing-framework-pain-r401/tests/" + name + ".yaml").toFile());
        String bundle = bundle(test.get("data"));
        FhirMapping m = CdcMmeCalculatorTest.FHIR.read(bundle, AS_OF);
        Assessment a = CdcMmeCalculatorTest.ENGINE.assess(m.record()).withDataQuality(m.notes());
        JsonNode summary = test.path("results").path("Summary");

        assertThat(m.record().patient().ageOn(AS_OF)).isEqualTo(summary.path("Patient").path("Age").asInt());
        expectMedicines(m, summary.path("RiskConsiderations").path("BenzodiazepineMedications"),
                MedicationClass.BENZODIAZEPINE);
        expectMedicines(m, summary.path("RiskConsiderations").path("NaloxoneMedications"), MedicationClass.NALOXONE);
        // Their orders carry no dosage: no MME can come from them, and each opioid order says why
        assertThat(a.exposure().trace()).isEmpty();
        for (JsonNode r : test.get("data")) {
            if (r.path("resourceType").asText().startsWith("Medication") && r.path("code").asText().contains("RXNORM#")
                    && org.oihkb.fhir.internal.RxNormTable.get().product(code(r.path("code").asText())[1]) != null) {
                assertThat(m.notes()).anySatisfy(n -> {
                    assertThat(n.id()).isIn(RecordMapper.NO_DOSE, RecordMapper.AFTER_AS_OF);
                    assertThat(n.evidence()).containsExactly(r.path("resourceType").asText() + "/" + r.path("id").asText());
                });
            }
        }
    }

    /** Every listed medicine that started by asOf is in the record with that class; later ones are noted. */
    private static void expectMedicines(FhirMapping m, JsonNode expected, MedicationClass cls) {
        List<String> names = new ArrayList<>();
        int later = 0;
        for (JsonNode e : expected) {
            LocalDate start = LocalDate.parse(e.path("Start").asText().substring(0, 10));
            if (start.isAfter(AS_OF)) {
                later++;
            } else {
                names.add(e.path("Name").asText());
            }
        }
        List<org.oihkb.model.Medication> ours = m.record().medications().stream()
                .filter(x -> x.medicationClass() == cls).toList();
        assertThat(ours.stream().map(org.oihkb.model.Medication::name).toList()).containsAll(names);
        // The summary looks back over a recent window; the record also keeps older open orders, with their start
        assertThat(ours.stream().filter(x -> !names.contains(x.name())))
                .allSatisfy(x -> assertThat(x.start()).isBefore(AS_OF.minusYears(1)));
        assertThat(m.notes().stream().filter(n -> n.id().equals(RecordMapper.AFTER_AS_OF)).count())
                .isGreaterThanOrEqualTo(later);
    }

    /** Expands the framework's shorthand (code: SYSTEM#code display) into a FHIR collection Bundle. */
    static String bundle(JsonNode data) {
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        int n = 0;
        for (JsonNode item : data) {
            ObjectNode in = (ObjectNode) item;
            String type = in.path("resourceType").asText();
            String id = type.toLowerCase() + "-" + (++n);
            in.put("id", id);
            ObjectNode r = JSON.createObjectNode().put("resourceType", type).put("id", id);
            switch (type) {
                case "Patient" -> {
                    copy(in, r, "gender");
                    copy(in, r, "birthDate");
                }
                case "MedicationRequest" -> {
                    r.put("status", in.path("status").asText("active")).put("intent", "order");
                    r.set("medicationCodeableConcept", concept(in.path("code").asText()));
                    copy(in, r, "authoredOn");
                    r.putObject("subject").put("reference", "Patient/patient-1");
                }
                case "MedicationStatement" -> {
                    r.put("status", in.path("status").asText("active"));
                    r.set("medicationCodeableConcept", concept(in.path("code").asText()));
                    copy(in, r, "effectiveDateTime");
                    r.putObject("subject").put("reference", "Patient/patient-1");
                }
                case "Condition" -> {
                    r.set("code", concept(in.path("code").asText()));
                    copy(in, r, "onsetDateTime");
                    copy(in, r, "recordedDate");
                    r.putObject("subject").put("reference", "Patient/patient-1");
                }
                case "Observation" -> {
                    r.put("status", "final");
                    r.set("code", concept(in.path("code").asText()));
                    copy(in, r, "effectiveDateTime");
                    copy(in, r, "issued");
                    if (in.has("valueQuantity")) {
                        r.putObject("valueQuantity").put("value", in.get("valueQuantity").asDouble());
                    }
                    if (in.has("component")) {
                        ArrayNode comps = r.putArray("component");
                        for (JsonNode c : in.get("component")) {
                            ObjectNode oc = comps.addObject();
                            oc.set("code", concept(c.path("code").asText()));
                            if (c.has("valueQuantity")) {
                                oc.putObject("valueQuantity").put("value", c.get("valueQuantity").asDouble());
                            }
                        }
                    }
                    r.putObject("subject").put("reference", "Patient/patient-1");
                }
                default -> {
                    // Encounters, procedures, service requests: the type is all our contract could use
                }
            }
            entries.addObject().set("resource", r);
        }
        return bundle.toString();
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.put(field, from.get(field).asText());
        }
    }

    static String[] code(String shorthand) {
        int hash = shorthand.indexOf('#');
        int space = shorthand.indexOf(' ', hash);
        String system = shorthand.substring(0, hash);
        String code = space < 0 ? shorthand.substring(hash + 1) : shorthand.substring(hash + 1, space);
        String display = space < 0 ? null : shorthand.substring(space + 1);
        return new String[] {system, code, display};
    }

    private static ObjectNode concept(String shorthand) {
        String[] c = code(shorthand);
        Map<String, String> systems = Map.of("RXNORM", "http://www.nlm.nih.gov/research/umls/rxnorm",
                "SNOMED", "http://snomed.info/sct", "LOINC", "http://loinc.org",
                "ICD10", "http://hl7.org/fhir/sid/icd-10-cm");
        ObjectNode cc = JSON.createObjectNode();
        ObjectNode coding = cc.putArray("coding").addObject().put("system", systems.getOrDefault(c[0], c[0]))
                .put("code", c[1]);
        if (c[2] != null) {
            coding.put("display", c[2]);
        }
        return cc;
    }

}
