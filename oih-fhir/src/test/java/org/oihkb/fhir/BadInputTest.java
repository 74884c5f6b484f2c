package org.oihkb.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Input that cannot be read at all: one typed exception with one line naming the path and the value. */
class BadInputTest {

    static final LocalDate AS_OF = LocalDate.of(2023, 5, 1);
    static final FhirRecords FHIR = CdcMmeCalculatorTest.FHIR;

    static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"birthDate\":\"1970-01-01\"}";

    @Test
    void notJson() {
        assertThatThrownBy(() -> FHIR.read("this is not json", AS_OF))
                .isInstanceOf(FhirInputException.class)
                .hasMessageStartingWith("input: is not JSON")
                .hasMessageNotContaining("\n");
    }

    @Test
    void notFhir() {
        assertThatThrownBy(() -> FHIR.read("{\"name\":\"x\"}", AS_OF))
                .isInstanceOf(FhirInputException.class)
                .hasMessage("resourceType: is missing: the input is neither a FHIR resource nor a CDS Hooks request");
    }

    @Test
    void wrongResourceType() {
        assertThatThrownBy(() -> FHIR.read("{\"resourceType\":\"Banana\",\"id\":\"b\"}", AS_OF))
                .isInstanceOf(FhirInputException.class)
                .hasMessage("resource.resourceType: is not a FHIR R4 resource type (found 'Banana')");
    }

    @Test
    void aBundleOf100000EntriesIsRefusedBeforeItIsParsed() {
        StringBuilder b = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < 100_000; i++) {
            b.append(i == 0 ? "" : ",").append("{\"resource\":{\"resourceType\":\"Basic\",\"id\":\"b").append(i)
                    .append("\"}}");
        }
        b.append("]}");

        assertThatThrownBy(() -> FHIR.read(b.toString(), AS_OF))
                .isInstanceOf(FhirInputException.class)
                .hasMessage("Bundle.entry: one input may hold at most 20000 resources (found 100000 resources)");
    }

    @Test
    void aDoseOfMinusFiveTablets() {
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":" + PATIENT
                + "},{\"resource\":{\"resourceType\":\"MedicationRequest\",\"id\":\"m1\",\"status\":\"active\","
                + "\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/p1\"},\"authoredOn\":\"2023-04-01\","
                + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\","
                + "\"code\":\"1049683\"}]},\"dosageInstruction\":[{\"timing\":{\"repeat\":{\"frequency\":4,"
                + "\"period\":1,\"periodUnit\":\"d\"}},\"doseAndRate\":[{\"doseQuantity\":{\"value\":-5,"
                + "\"unit\":\"tablet\"}}]}]}}]}";

        assertThatThrownBy(() -> FHIR.read(bundle, AS_OF))
                .isInstanceOf(FhirInputException.class)
                .hasMessage("MedicationRequest/m1.dosageInstruction[0].doseAndRate[0].doseQuantity.value: "
                        + "a dose must be > 0 (found -5 tablet)");
    }

    @Test
    void invalidFhirInsideAKnownType() {
        assertThatThrownBy(() -> FHIR.read("{\"resourceType\":\"Patient\",\"id\":\"p1\",\"birthDate\":\"yesterday\"}",
                AS_OF))
                .isInstanceOf(FhirInputException.class)
                .hasMessageStartingWith("resource: is not valid FHIR R4 JSON");
    }

    @Test
    void aBundleWithoutTimestampNeedsAnAsOf() {
        assertThatThrownBy(() -> FHIR.read("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + PATIENT + "}]}", null))
                .isInstanceOf(FhirInputException.class)
                .hasMessage("asOf: is required: the Bundle has no timestamp to take it from");
    }

    @Test
    void aBundleTimestampIsItsDate() {
        FhirMapping m = FHIR.read("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"timestamp\":"
                + "\"2024-02-03T10:00:00Z\",\"entry\":[{\"resource\":" + PATIENT + "}]}", null);

        assertThat(m.record().asOf()).isEqualTo(LocalDate.of(2024, 2, 3));
    }

    @Test
    void twoPatientsAreNotOneRecord() {
        String two = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":" + PATIENT
                + "},{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p2\"}}]}";

        assertThatThrownBy(() -> FHIR.read(two, AS_OF))
                .isInstanceOf(FhirInputException.class)
                .hasMessage("Patient: one record is one patient, but the input holds more than one Patient resource "
                        + "(found p1, p2)");
    }

    @Test
    void aCdsHooksRequestWithoutDateNeedsAnAsOf() {
        String request = "{\"hook\":\"patient-view\",\"hookInstance\":\"h1\",\"context\":{\"patientId\":\"p1\"},"
                + "\"prefetch\":{\"patient\":" + PATIENT + "}}";

        assertThatThrownBy(() -> FHIR.fromCdsHooksRequest(request, null))
                .isInstanceOf(FhirInputException.class)
                .hasMessageStartingWith("asOf: is required: the CDS Hooks request carries no date");
        assertThat(FHIR.fromCdsHooksRequest(request, AS_OF).record().patient().id()).isEqualTo("p1");
    }
}
