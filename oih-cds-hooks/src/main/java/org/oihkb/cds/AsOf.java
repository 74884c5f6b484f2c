package org.oihkb.cds;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The date a hook call is assessed for, taken from the request and never from the server's clock, so the
 * same request gives the same cards on any day (docs/cds-hooks.md, "The assessment date"). In order:
 * the request's {@code extension."org.oihkb.asOf"}; the service's configured {@code asOf}; the latest
 * {@code authoredOn} of the draft orders (the day the order is written is the day it would start); the
 * most recent clinical date in the prefetch (the chart as of its newest entry).
 *
 * @param date the date
 * @param source where it came from, as the cards say it
 */
record AsOf(LocalDate date, String source) {

    static final String EXTENSION = "org.oihkb.asOf";

    /** Point-in-time fields of the resources the service reads; periods' ends may lie in the future. */
    private static final Set<String> DATE_FIELDS = Set.of("authoredOn", "effectiveDateTime", "effectiveInstant",
            "issued", "recordedDate", "onsetDateTime", "dateAsserted", "whenHandedOver");

    /** @throws BadRequest when the extension holds no date or no date can be found at all */
    static AsOf of(JsonNode request, LocalDate configured) {
        JsonNode ext = request.path("extension").path(EXTENSION);
        if (!ext.isMissingNode() && !ext.isNull()) {
            LocalDate d = date(ext.asText());
            if (d == null) {
                throw new BadRequest("extension." + EXTENSION + " must be a date (YYYY-MM-DD), was '" + ext.asText()
                        + "'");
            }
            return new AsOf(d, "the request's " + EXTENSION + " extension");
        }
        if (configured != null) {
            return new AsOf(configured, "the service's configured asOf");
        }
        LocalDate drafted = latest(request.path("context").path("draftOrders"), Set.of("authoredOn"));
        if (drafted != null) {
            return new AsOf(drafted, "the draft order's authoredOn");
        }
        LocalDate charted = latest(request.path("prefetch"), DATE_FIELDS);
        if (charted != null) {
            return new AsOf(charted, "the newest clinical date in the record");
        }
        throw new BadRequest("no assessment date: send extension." + EXTENSION + ", draft orders with authoredOn, "
                + "or dated resources in prefetch");
    }

    private static LocalDate latest(JsonNode node, Set<String> fields) {
        LocalDate[] best = {null};
        walk(node, fields, best, 0);
        return best[0];
    }

    private static void walk(JsonNode node, Set<String> fields, LocalDate[] best, int depth) {
        if (depth > 64) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (fields.contains(e.getKey()) && e.getValue().isTextual()) {
                    LocalDate d = date(e.getValue().asText());
                    if (d != null && (best[0] == null || d.isAfter(best[0]))) {
                        best[0] = d;
                    }
                } else {
                    walk(e.getValue(), fields, best, depth + 1);
                }
            });
        } else if (node.isArray()) {
            node.forEach(v -> walk(v, fields, best, depth + 1));
        }
    }

    private static LocalDate date(String s) {
        if (s == null || s.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(s.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
