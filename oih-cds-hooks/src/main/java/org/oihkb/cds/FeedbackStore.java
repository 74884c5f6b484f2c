package org.oihkb.cds;

import java.util.List;

/**
 * Where card feedback is kept, so a site can put it in its own database. The built-in one is
 * {@link SqliteFeedbackStore}. Implementations must be thread-safe and durable once {@link #save} returns.
 * Free-text comments are never passed in: they may name the patient.
 */
public interface FeedbackStore extends AutoCloseable {

    /**
     * One clinician's answer to one card (CDS Hooks 2.0 feedback).
     *
     * @param serviceId the service the card came from
     * @param cardId the card's {@code uuid}
     * @param cardType the rule id the card stands for, from the card id
     * @param outcome {@code accepted} or {@code overridden}
     * @param overrideReason the override reason's code, or {@code null}
     * @param acceptedSuggestions how many suggestions were accepted
     * @param outcomeTimestamp when the clinician acted, as the EHR sent it
     */
    record Feedback(String serviceId, String cardId, String cardType, String outcome, String overrideReason,
                    int acceptedSuggestions, String outcomeTimestamp) {
    }

    /**
     * One line of the summary: how often cards of one type had one outcome for one reason.
     *
     * @param serviceId the service
     * @param cardType the rule id
     * @param outcome {@code accepted} or {@code overridden}
     * @param overrideReason the reason code, or {@code null}
     * @param count how many
     */
    record Count(String serviceId, String cardType, String outcome, String overrideReason, long count) {
    }

    /** Stores every entry, all or none. */
    void save(List<Feedback> entries);

    /** Counts per service, card type, outcome and reason, sorted by those. */
    List<Count> summary();

    /** Releases the database. */
    @Override
    void close();

    /** The store failed; the message says what it was doing. */
    final class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param message what failed */
        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
