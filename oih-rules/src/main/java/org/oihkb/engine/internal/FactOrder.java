package org.oihkb.engine.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.oihkb.model.Condition;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.Medication;
import org.oihkb.model.Observation;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Symptom;

/**
 * One order for the facts of a record, whatever order its lists came in: each list sorted by id (ids are unique
 * across a record). The same record must give the same assessment in any fact order; with the facts in one order
 * a calculation or a rule that takes "the first" of several matching facts can no longer depend on the order a
 * record was written or mapped in.
 */
public final class FactOrder {

    private FactOrder() {
    }

    /** The record itself when every list is already in id order, else a copy with the lists sorted by id. */
    public static PatientRecord canonical(PatientRecord r) {
        if (sorted(r.conditions(), Condition::id) && sorted(r.medications(), Medication::id)
                && sorted(r.observations(), Observation::id) && sorted(r.doses(), DoseEvent::id)
                && sorted(r.symptoms(), Symptom::id)) {
            return r;
        }
        return new PatientRecord(r.format(), r.id(), r.asOf(), r.patient(), byId(r.conditions(), Condition::id),
                byId(r.medications(), Medication::id), byId(r.observations(), Observation::id),
                byId(r.doses(), DoseEvent::id), byId(r.symptoms(), Symptom::id));
    }

    private static <T> boolean sorted(List<T> list, Function<T, String> id) {
        for (int i = 1; i < list.size(); i++) {
            if (id.apply(list.get(i - 1)).compareTo(id.apply(list.get(i))) > 0) {
                return false;
            }
        }
        return true;
    }

    private static <T> List<T> byId(List<T> list, Function<T, String> id) {
        List<T> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparing(id));
        return copy;
    }
}
