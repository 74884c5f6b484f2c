package org.oihkb.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** What every card must be: valid CDS Hooks 2.0, within our limits, and never recommending escalation. */
final class CardShape {
    private CardShape() {
    }

    static void assertValid(JsonNode c, String where) {
        assertThat(c.path("uuid").asText()).as(where).matches("[A-Z]+-[0-9]{3}:[0-9a-f]{16}");
        assertThat(c.path("summary").asText()).as(where).isNotBlank().hasSizeLessThanOrEqualTo(CardBuilder.MAX_SUMMARY);
        assertThat(c.path("indicator").asText()).as(where).isIn("info", "warning", "critical");
        assertThat(c.path("source").path("label").asText()).as(where).isNotBlank();
        assertThat(c.path("source").path("url").asText()).as(where).contains("/rules/");
        assertThat(c.path("detail").asText()).as(where).contains("Assessed as of ");
        assertThat(c.path("overrideReasons").size()).as(where).isEqualTo(4);
        for (JsonNode s : c.path("suggestions")) {
            assertThat(c.path("selectionBehavior").asText()).as(where).isEqualTo("at-most-one");
            assertThat(s.path("label").asText()).as(where).isNotBlank();
            for (JsonNode a : s.path("actions")) {
                assertThat(a.path("type").asText()).as(where + ": only removing orders").isEqualTo("delete");
            }
        }
        String text = (c.path("summary").asText() + " " + c.path("detail").asText()).toLowerCase(Locale.ROOT);
        assertThat(text).as(where).doesNotContain("increase the dose", "escalate the dose", "consider escalating",
                "naltrexone implant", "consider rapid detox");
    }
}
