package org.oihkb.facts;

import java.util.List;

/**
 * Pain scores timed at the end of a dosing interval or after a missed dose are at least the meaningful
 * change above the median of untimed scores within 7 days of it: a withdrawal pattern (docs/definitions.md).
 *
 * @param timedScoreIds the end-of-dose or missed-dose scores
 * @param comparedScoreIds the scores of the same week they were compared with
 * @param excess the largest difference in points
 * @param lastDate the latest timed score that shows the pattern
 */
public record InterdosePain(List<String> timedScoreIds, List<String> comparedScoreIds, double excess,
                            java.time.LocalDate lastDate) {

    /** Copies the ids. */
    public InterdosePain {
        timedScoreIds = List.copyOf(timedScoreIds);
        comparedScoreIds = List.copyOf(comparedScoreIds);
    }
}
