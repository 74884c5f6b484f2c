package org.oihkb.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.oihkb.model.Condition;
import org.oihkb.model.DoseMme;
import org.oihkb.model.DosePurpose;
import org.oihkb.model.Exposure;
import org.oihkb.model.Medication;

/** Sentences of the regimen findings (regimen.drl): the doses concerned and every reason that holds. */
public final class Regimen {
    private Regimen() {
    }

    /** "methadone 80 mg/day oral (moud, oud-treatment); morphine ..." for the doses concerned, sorted by id. */
    public static String doses(Collection<?> doses) {
        List<String> parts = new ArrayList<>();
        for (Object o : doses) {
            DoseMme d = (DoseMme) o;
            parts.add(d.drug().code() + " " + Text.num(d.dailyDose()) + " " + d.unit().code()
                    + (d.unit().code().equals("mcg/h") ? "" : "/day") + " " + d.route().code() + " (" + d.doseId()
                    + (d.purpose() == DosePurpose.PAIN ? "" : ", " + d.purpose().code()) + ")");
        }
        parts.sort(null);
        return String.join("; ", parts);
    }

    /** The dose ids, sorted. */
    public static List<String> doseIds(Collection<?> doses) {
        TreeSet<String> ids = new TreeSet<>();
        for (Object o : doses) {
            ids.add(((DoseMme) o).doseId());
        }
        return List.copyOf(ids);
    }

    /** Whether any of the doses is given for opioid use disorder, or for a purpose not recorded. */
    public static boolean anyNotForPain(Collection<?> doses) {
        for (Object o : doses) {
            if (((DoseMme) o).purpose() != DosePurpose.PAIN) {
                return true;
            }
        }
        return false;
    }

    /** Whether the current MME is known (complete or a lower bound) and at or above {@code threshold}. */
    public static boolean atOrAbove(Exposure e, double threshold) {
        // boxed so that a current MME that cannot be computed (null) is simply below every threshold
        Double mme = e.currentMmePerDay();
        return mme != null && mme >= threshold;
    }

    /**
     * Every reason to offer naloxone that holds (CDC 2022 Recommendation 8), in a fixed order: the dose,
     * a benzodiazepine, the conditions, a recent stop or fast reduction.
     */
    public static String naloxoneReasons(Exposure e, boolean current, double highDose, Collection<?> benzodiazepines,
                                         Collection<?> conditions, Collection<?> losses) {
        List<String> reasons = new ArrayList<>();
        if (current && atOrAbove(e, highDose)) {
            reasons.add((e.complete() ? "current dose " : "current dose at least ") + Text.mme(e.currentMmePerDay())
                    + " (" + e.mmeEdition() + "), at or above " + Text.num(highDose));
        }
        if (current && !benzodiazepines.isEmpty()) {
            reasons.add(Triggers.text(benzodiazepines) + " with opioids");
        }
        if (current) {
            TreeSet<String> codes = new TreeSet<>();
            for (Object o : conditions) {
                codes.add(((Condition) o).code().code());
            }
            reasons.addAll(codes);
        }
        for (Object o : losses) {
            reasons.add(((ToleranceLoss) o).describe());
        }
        return String.join("; ", reasons);
    }

    /** "Naloxone on record since 2024-05-01: confirm ..." or "" when none is on record. */
    public static String naloxoneOnRecord(Collection<?> naloxone) {
        if (naloxone.isEmpty()) {
            return "";
        }
        Medication first = null;
        for (Object o : naloxone) {
            Medication m = (Medication) o;
            if (first == null || (m.start() != null && (first.start() == null || m.start().isBefore(first.start())))) {
                first = m;
            }
        }
        return " Naloxone on record" + (first.start() == null ? "" : " since " + first.start())
                + ": confirm it is at hand and that carers can use it.";
    }

    /** What a conclusion that a proposed escalation goes against says, in a clause. */
    public static String against(Collection<?> conclusions) {
        TreeSet<String> parts = new TreeSet<>();
        for (Object o : conclusions) {
            parts.add(switch (((Conclusion) o).ruleId()) {
                case "OIH-010" -> "possible OIH was found";
                case "OIH-020" -> "OIH cannot be excluded";
                case "OIH-030" -> "the pattern fits tolerance";
                case "OIH-035" -> "pain did not improve after the last escalation";
                default -> ((Conclusion) o).ruleId();
            });
        }
        return String.join(" and ", parts);
    }

    /** Ids of the conclusions. */
    public static List<String> ruleIds(Collection<?> conclusions) {
        TreeSet<String> ids = new TreeSet<>();
        for (Object o : conclusions) {
            ids.add(((Conclusion) o).ruleId());
        }
        return List.copyOf(ids);
    }
}
