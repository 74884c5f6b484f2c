package org.oihkb.model;

import java.util.List;
import java.util.Objects;

/**
 * What the other MME edition would give, present only when it changes the current or peak MME or a
 * high-dose band (edition sensitivity): the editions differ for methadone, hydromorphone, tramadol and
 * others, so a figure near a threshold can depend on the table.
 *
 * @param mmeEdition the other edition, for example {@code cdc-2016}
 * @param currentMmePerDay its band dose on {@code asOf}; {@code null} when not computable in that edition
 * @param peakMmePerDay its highest non-null band dose in the peak window; {@code null} when none is computable
 * @param complete {@code false} when a current pain dose has no MME in that edition
 * @param peakComplete {@code false} when a pain day in the peak window was incomplete or not computable
 * @param bands each high-dose band in that edition
 */
public record OtherEdition(String mmeEdition, Double currentMmePerDay, Double peakMmePerDay, boolean complete,
                           boolean peakComplete, List<Band> bands) {

    /**
     * One high-dose band judged on the current MME.
     *
     * @param thresholdMmePerDay the band's lower limit, for example 50
     * @param status {@code holds}, {@code no}, or {@code not-assessable} (a lower bound below the threshold, or no MME)
     */
    public record Band(double thresholdMmePerDay, String status) {

        /** The status is required. */
        public Band {
            Objects.requireNonNull(status, "status");
        }
    }

    /** Copies the bands. */
    public OtherEdition {
        Objects.requireNonNull(mmeEdition, "mmeEdition");
        bands = List.copyOf(bands);
    }
}
