package org.oihkb.model;

import java.util.List;
import java.util.Objects;

/**
 * What could not be used, and why: a dose without an MME factor, a missing pain score window, an unknown
 * field in the input. Never silence: what the knowledge base could not judge is said here.
 *
 * @param id stable id of the check that produced it
 * @param summary one sentence saying what is missing or unusable and what would help
 * @param evidence ids of the input facts concerned, possibly empty
 */
public record DataQualityNote(String id, String summary, List<String> evidence) {

    /** Copies the list. */
    public DataQualityNote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
    }
}
