package org.oihkb.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.oihkb.model.Condition;
import org.oihkb.model.DoseMme;
import org.oihkb.model.Medication;

/**
 * Describes the facts that triggered a caution with several possible triggers (a measurement, a coded
 * condition, a medicine; in the sentence also a current opioid dose, by its drug), for its sentence and its
 * evidence.
 */
public final class Triggers {
    private Triggers() {
    }

    /** "QTc 470 ms on 2025-01-10; qt-prolonging medicine (citalopram)". */
    public static String text(Collection<?>... groups) {
        List<String> parts = new ArrayList<>();
        for (Collection<?> group : groups) {
            for (Object o : group) {
                if (o instanceof Measurement m) {
                    parts.add(m.describe());
                } else if (o instanceof Condition c) {
                    parts.add(c.code().code());
                } else if (o instanceof Medication m) {
                    parts.add(m.medicationClass().code() + (m.name() == null ? "" : " (" + m.name() + ")"));
                } else if (o instanceof DoseMme d) {
                    parts.add(d.drug().code());
                }
            }
        }
        return String.join("; ", new TreeSet<>(parts));
    }

    /** The ids of the triggering input facts, sorted. */
    public static List<String> ids(Collection<?>... groups) {
        TreeSet<String> ids = new TreeSet<>();
        for (Collection<?> group : groups) {
            for (Object o : group) {
                if (o instanceof Measurement m) {
                    ids.add(m.observationId());
                } else if (o instanceof Condition c) {
                    ids.add(c.id());
                } else if (o instanceof Medication m) {
                    ids.add(m.id());
                }
            }
        }
        return List.copyOf(ids);
    }
}
