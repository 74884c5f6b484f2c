package org.oihkb.model;

import java.util.Objects;

/**
 * Something to check before acting on an option because the record does not say it (no usable value, no
 * coded condition): "not recorded" is never read as "no problem".
 *
 * @param id stable rule id, documented in the rule catalog
 * @param title short title from the rule's metadata
 * @param summary what to check, in one sentence
 * @param missing the fact the record lacks, for example {@code qtc-ms in the 90 days ending on asOf}
 */
public record RecordCheck(String id, String title, String summary, String missing) {

    /** Every field is required. */
    public RecordCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(missing, "missing");
    }
}
