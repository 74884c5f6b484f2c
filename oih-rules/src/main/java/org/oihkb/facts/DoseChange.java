package org.oihkb.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * A day on which the regimen of pain doses changed significantly, inside the look-back (docs/definitions.md §2):
 * judged on the total MME when every pain dose of both days has one, and per dose series in its own unit
 * otherwise. Derived once per assessment from the dose series.
 *
 * @param id {@code change-YYYY-MM-DD}
 * @param day the first day of the new regimen (C)
 * @param kind how the change is classified with the configured fractions
 * @param basis {@code mme} when judged on the total MME, {@code series} when per series
 * @param mmeBefore total MME/day on C-1 when judged in MME; otherwise {@code null}
 * @param mmeAfter total MME/day on C when judged in MME; otherwise {@code null}
 * @param text what changed, in words: "40 to 80 MME/day (+100%)", "hydromorphone subcutaneous 10 to 20 mg/day
 *             (+100%)", "switch from morphine oral to hydromorphone subcutaneous"
 * @param fraction the relative change: the rise of an escalation, the fall of a reduction (1 for a stop)
 * @param withdrawalWindowDays for a reduction or stop, its withdrawal window (longer after methadone,
 *                             extended-release or transdermal doses); otherwise 0
 * @param doseIds the dose periods that start or end around the change
 */
public record DoseChange(String id, LocalDate day, Kind kind, String basis, Double mmeBefore, Double mmeAfter,
                         String text, double fraction, int withdrawalWindowDays, List<String> doseIds) {

    /** The classes of dose change. */
    public enum Kind {
        /** The regimen rose by at least the escalation fraction from a regimen above zero (Hayes 2020: 20%). */
        ESCALATION,
        /** The regimen fell by at least the reduction fraction, not to zero. */
        REDUCTION,
        /** No pain dose runs from this day on. */
        STOP,
        /** The first day of an exposure episode: never an escalation. */
        INITIATION,
        /** Without a complete MME, one series replaced or moved against another: a rotation or route change. */
        SWITCH,
        /** A change smaller than both fractions, or a resumption inside an episode. */
        OTHER
    }

    /** Copies the ids. */
    public DoseChange {
        doseIds = List.copyOf(doseIds);
    }

    /** Whether it is significant: it closes the after window of an earlier change. */
    public boolean significant() {
        return kind != Kind.OTHER;
    }

    /** A reduction or a stop. */
    public boolean reduction() {
        return kind == Kind.REDUCTION || kind == Kind.STOP;
    }

    /** The relative change in whole percent, signed (for sentences). */
    public long percentChange() {
        return Math.round((kind == Kind.ESCALATION ? fraction : -fraction) * 100);
    }
}
