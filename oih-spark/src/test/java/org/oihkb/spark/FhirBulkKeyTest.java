package org.oihkb.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which patient a bulk export line belongs to, without Spark. */
class FhirBulkKeyTest {

    private static String key(String json) {
        return FhirBulk.key(new FhirBulk.Line("Observation.ndjson", 7, json));
    }

    @Test
    void aLineBelongsToThePatientItsSubjectOrPatientReferenceNames() {
        assertThat(key("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")).isEqualTo("P:p1");
        assertThat(key("{\"resourceType\":\"Observation\",\"subject\":{\"reference\":\"Patient/p1\"}}"))
                .isEqualTo("P:p1");
        assertThat(key("{\"resourceType\":\"AllergyIntolerance\",\"patient\":{\"reference\":\"Patient/p2\"}}"))
                .isEqualTo("P:p2");
        assertThat(key("{\"resourceType\":\"Condition\",\"subject\":{\"reference\":"
                + "\"https://ehr.example/fhir/Patient/p3/_history/4\"}}")).isEqualTo("P:p3");
    }

    @Test
    void aLineNamingNoPatientIsAloneInItsGroup() {
        assertThat(key("{\"resourceType\":\"Observation\",\"id\": ")).isEqualTo("L:Observation.ndjson:7");
        assertThat(key("[1, 2]")).isEqualTo("L:Observation.ndjson:7");
        assertThat(key("{\"resourceType\":\"Patient\"}")).isEqualTo("L:Observation.ndjson:7");
        assertThat(key("{\"resourceType\":\"Observation\",\"subject\":{\"reference\":\"Group/g1\"}}"))
                .isEqualTo("L:Observation.ndjson:7");
        assertThat(key("{\"resourceType\":\"Medication\"}")).isEqualTo("L:Observation.ndjson:7");
        assertThat(FhirBulk.patientOf("NotPatient/x")).isNull();
        assertThat(key("{\"resourceType\":\"Medication\",\"id\":\"m1\"}")).isEqualTo("M:Medication/m1");
        assertThat(FhirBulk.medicationReferences("{\"medicationReference\":{\"reference\":\"Medication/m1\"}}"))
                .containsExactly("Medication/m1");
        assertThat(FhirBulk.medicationReferences("{\"medicationReference\":{\"reference\":\"#m1\"}}")).isEmpty();
        assertThat(FhirBulk.patientOf("Patient/")).isNull();
    }
}
