package org.oihkb.examples.recipes;

import java.time.LocalDate;
import java.util.List;

import org.oihkb.model.BodySite;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.InvalidRecordException;
import org.oihkb.model.Patient;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Route;
import org.oihkb.model.Symptom;
import org.oihkb.model.SymptomKind;

/**
 * Recipe: map a host system's own objects (here, simplified EHR rows) to the facts. Codes go through the
 * vocabularies' {@code fromCode}, which rejects unknown codes with the accepted list; {@code source} keeps a
 * reference back to the host's row, and it is echoed in evidence.
 */
public final class HostMapping {
    private HostMapping() {
    }

    /** A host's medication order row. */
    public record OrderRow(String orderId, String drugName, String routeName, double mgPerDay, LocalDate start,
                           LocalDate stop) {
    }

    /** A host's pain assessment row (numeric rating scale). */
    public record PainRow(String rowId, LocalDate taken, int nrs, String site) {
    }

    /**
     * Builds a record from the host's rows.
     *
     * @throws InvalidRecordException naming the row's field and value when a row does not fit
     */
    public static PatientRecord toRecord(String patientId, LocalDate asOf, List<OrderRow> orders, List<PainRow> pain) {
        PatientRecord.Builder b = PatientRecord.builder(asOf, Patient.of(patientId));
        for (OrderRow o : orders) {
            b.dose(DoseEvent.builder()
                    .drug(Drug.fromCode("order " + o.orderId() + " drug", o.drugName().toLowerCase(java.util.Locale.ROOT)))
                    .route(Route.fromCode("order " + o.orderId() + " route", o.routeName().toLowerCase(java.util.Locale.ROOT)))
                    .dailyDose(o.mgPerDay()).unit(DoseUnit.MG).start(o.start()).end(o.stop())
                    .source("Order/" + o.orderId()).build());
        }
        for (PainRow p : pain) {
            b.symptom(new Symptom(null, p.taken(), SymptomKind.PAIN, true, (double) p.nrs(),
                    List.of(BodySite.fromCode("pain row " + p.rowId() + " site", p.site())), List.of(), List.of(),
                    List.of(), "PainAssessment/" + p.rowId()));
        }
        return b.build();
    }
}
