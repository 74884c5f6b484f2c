package org.oihkb.engine;

import java.time.LocalDate;

import org.oihkb.model.DoseEvent;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.Patient;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Route;

/** Small records for tests, dated relative to a fixed asOf. */
final class Records {
    static final LocalDate AS_OF = LocalDate.of(2025, 3, 1);

    private Records() {
    }

    static LocalDate day(int offset) {
        return AS_OF.plusDays(offset);
    }

    static DoseEvent.Builder dose(Drug drug, Route route, double daily, DoseUnit unit, int startDay) {
        return DoseEvent.builder().drug(drug).route(route).dailyDose(daily).unit(unit).start(day(startDay));
    }

    static DoseEvent oral(Drug drug, double mgPerDay, int startDay) {
        return dose(drug, Route.ORAL, mgPerDay, DoseUnit.MG, startDay).build();
    }

    static PatientRecord.Builder record() {
        return PatientRecord.builder(AS_OF, Patient.of("p-test"));
    }

    static PatientRecord withDoses(DoseEvent... doses) {
        PatientRecord.Builder b = record();
        for (DoseEvent d : doses) {
            b.dose(d);
        }
        return b.build();
    }
}
