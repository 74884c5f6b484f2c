package org.oihkb.engine.internal;

import java.time.LocalDate;

import org.oihkb.engine.Config;
import org.oihkb.engine.MmeEdition;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.Patient;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Route;

/** Dose periods and records for the internal tests, dated relative to a fixed asOf. */
final class Doses {
    static final LocalDate AS_OF = LocalDate.of(2025, 3, 1);
    static final MmeTable TABLE = MmeTable.builtIn();

    private Doses() {
    }

    static LocalDate day(int offset) {
        return AS_OF.plusDays(offset);
    }

    static DoseEvent.Builder dose(String id, Drug drug, Route route, double daily, DoseUnit unit, int startDay) {
        return DoseEvent.builder().id(id).drug(drug).route(route).dailyDose(daily).unit(unit).start(day(startDay));
    }

    static DoseEvent.Builder oral(String id, Drug drug, double mgPerDay, int startDay) {
        return dose(id, drug, Route.ORAL, mgPerDay, DoseUnit.MG, startDay);
    }

    static PatientRecord record(DoseEvent... doses) {
        PatientRecord.Builder b = PatientRecord.builder(AS_OF, Patient.of("p"));
        for (DoseEvent d : doses) {
            b.dose(d);
        }
        return b.build();
    }

    static ExposureCalculator.Result compute(MmeEdition edition, DoseEvent... doses) {
        return new ExposureCalculator(TABLE, edition, Config.defaults()).compute(record(doses));
    }

    static ExposureCalculator.Result compute(DoseEvent... doses) {
        return compute(MmeEdition.CDC_2022, doses);
    }
}
