package org.oihkb.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PrefetchTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ExecutorService POOL = Executors.newCachedThreadPool();

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    static ObjectNode request(String prefetch) throws Exception {
        return (ObjectNode) JSON.readTree("{\"hook\": \"patient-view\", \"fhirServer\": \"https://ehr.test/fhir\", "
                + "\"fhirAuthorization\": {\"access_token\": \"tok-1\", \"token_type\": \"Bearer\"}, "
                + "\"context\": {\"patientId\": \"p-1\"}, \"prefetch\": " + prefetch + "}");
    }

    @Test
    void fetchesEveryMissingTemplateWithTheTokenAndThePatient() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        Prefetch p = new Prefetch((server, token, query) -> {
            calls.add(server + " " + token + " " + query);
            return JSON.readTree("{\"resourceType\": \"Bundle\", \"type\": \"searchset\"}");
        }, List.of(), 2_000, POOL);
        Prefetch.Completed c = p.complete(request("{\"patient\": {\"resourceType\": \"Patient\", \"id\": \"p-1\"}}"),
                "p-1", JSON);
        assertThat(calls).containsExactlyInAnyOrder(
                "https://ehr.test/fhir tok-1 MedicationRequest?patient=p-1",
                "https://ehr.test/fhir tok-1 MedicationStatement?patient=p-1",
                "https://ehr.test/fhir tok-1 Observation?patient=p-1",
                "https://ehr.test/fhir tok-1 Condition?patient=p-1");
        assertThat(c.missing()).isEmpty();
        assertThat(c.request().get("prefetch").fieldNames()).toIterable()
                .containsExactly("patient", "medicationRequests", "medicationStatements", "observations", "conditions");
    }

    @Test
    void aResourceTypeSentUnderAnotherKeyIsNotFetchedAgain() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        Prefetch p = new Prefetch((server, token, query) -> {
            calls.add(query);
            return JSON.readTree("{\"resourceType\": \"Bundle\", \"type\": \"searchset\"}");
        }, List.of(), 2_000, POOL);
        p.complete(request("{\"item1\": {\"response\": {\"status\": \"200 OK\"}, \"resource\": {\"resourceType\": "
                + "\"Patient\", \"id\": \"p-1\"}}, \"item2\": {\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": "
                + "{\"resourceType\": \"MedicationRequest\", \"id\": \"m\"}}]}, \"item3\": null}"), "p-1", JSON);
        assertThat(calls).containsExactlyInAnyOrder("MedicationStatement?patient=p-1", "Observation?patient=p-1",
                "Condition?patient=p-1");
    }

    @Test
    void aSlowServerIsCutOffAndNamedInTheMissingList() throws Exception {
        Prefetch p = new Prefetch((server, token, query) -> {
            Thread.sleep(5_000);
            return null;
        }, List.of(), 200, POOL);
        long t0 = System.nanoTime();
        Prefetch.Completed c = p.complete(request("{\"patient\": {\"resourceType\": \"Patient\", \"id\": \"p-1\"}}"),
                "p-1", JSON);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2_000);
        assertThat(c.missing()).containsExactly(
                "Medication orders (opioids and co-medication) (MedicationRequest): the FHIR server did not answer within 200 ms",
                "Medication statements (MedicationStatement): the FHIR server did not answer within 200 ms",
                "Observations (pain scores, QTc, kidney function) (Observation): the FHIR server did not answer within 200 ms",
                "Conditions (Condition): the FHIR server did not answer within 200 ms");
        assertThat(c.essentialMissing()).isTrue();
    }

    @Test
    void aServerOutsideTheAllowListIsNeverCalled() throws Exception {
        Prefetch p = new Prefetch((server, token, query) -> {
            throw new AssertionError("called " + server);
        }, List.of("https://other.test/"), 2_000, POOL);
        Prefetch.Completed c = p.complete(request("{\"patient\": {\"resourceType\": \"Patient\", \"id\": \"p-1\"}, "
                + "\"medicationRequests\": {\"resourceType\": \"Bundle\"}, \"observations\": {\"resourceType\": "
                + "\"Bundle\"}}"), "p-1", JSON);
        assertThat(c.missing()).containsExactly(
                "Medication statements (MedicationStatement): not sent and not fetched, its fhirServer is not in this "
                        + "service's allowedFhirServers",
                "Conditions (Condition): not sent and not fetched, its fhirServer is not in this service's "
                        + "allowedFhirServers");
        assertThat(c.essentialMissing()).isFalse();
    }

    @Test
    void aFailedFetchNamesTheFailureButNotTheServersAnswer() throws Exception {
        Prefetch p = new Prefetch((server, token, query) -> {
            throw new java.net.ConnectException("Connection refused");
        }, List.of(), 2_000, POOL);
        Prefetch.Completed c = p.complete(request("{\"patient\": {\"resourceType\": \"Patient\", \"id\": \"p-1\"}, "
                + "\"medicationRequests\": {\"resourceType\": \"Bundle\"}, \"medicationStatements\": {}, "
                + "\"conditions\": {}}"), "p-1", JSON);
        assertThat(c.missing()).containsExactly(
                "Observations (pain scores, QTc, kidney function) (Observation): fetch failed, ConnectException");
    }
}
