package org.oihkb.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AsOfTest {

    static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    static final String DRAFT = "{\"context\": {\"draftOrders\": {\"resourceType\": \"Bundle\", \"entry\": ["
            + "{\"resource\": {\"resourceType\": \"MedicationRequest\", \"authoredOn\": \"2023-04-30\"}},"
            + "{\"resource\": {\"resourceType\": \"MedicationRequest\", \"authoredOn\": \"2023-05-01T09:30:00Z\"}}]}},"
            + "\"prefetch\": {\"o\": {\"resourceType\": \"Observation\", \"effectiveDateTime\": \"2023-06-01\"}}";

    @Test
    void theExtensionWins() throws Exception {
        AsOf a = AsOf.of(json(DRAFT + ", \"extension\": {\"org.oihkb.asOf\": \"2024-01-02\"}}"), LocalDate.of(2020, 1, 1));
        assertThat(a).isEqualTo(new AsOf(LocalDate.of(2024, 1, 2), "the request's org.oihkb.asOf extension"));
    }

    @Test
    void thenTheConfiguredDate() throws Exception {
        assertThat(AsOf.of(json(DRAFT + "}"), LocalDate.of(2020, 1, 1)).source())
                .isEqualTo("the service's configured asOf");
    }

    @Test
    void thenTheLatestDraftOrderAuthoredOnNotThePrefetch() throws Exception {
        assertThat(AsOf.of(json(DRAFT + "}"), null))
                .isEqualTo(new AsOf(LocalDate.of(2023, 5, 1), "the draft order's authoredOn"));
    }

    @Test
    void thenTheNewestClinicalDateOfThePrefetch() throws Exception {
        assertThat(AsOf.of(json("{\"prefetch\": {\"b\": {\"resourceType\": \"Bundle\", \"entry\": ["
                + "{\"resource\": {\"effectiveDateTime\": \"2022-02-02\"}}, {\"resource\": {\"issued\": "
                + "\"2022-03-04T10:00:00.000Z\", \"meta\": {\"lastUpdated\": \"2030-01-01\"}}}]}}}"), null))
                .isEqualTo(new AsOf(LocalDate.of(2022, 3, 4), "the newest clinical date in the record"));
    }

    @Test
    void noDateAnywhereIsABadRequest() throws Exception {
        assertThatThrownBy(() -> AsOf.of(json("{\"context\": {}}"), null)).isInstanceOf(BadRequest.class)
                .hasMessage("no assessment date: send extension.org.oihkb.asOf, draft orders with authoredOn, or "
                        + "dated resources in prefetch");
        assertThatThrownBy(() -> AsOf.of(json("{\"extension\": {\"org.oihkb.asOf\": \"soon\"}}"), null))
                .hasMessage("extension.org.oihkb.asOf must be a date (YYYY-MM-DD), was 'soon'");
    }
}
