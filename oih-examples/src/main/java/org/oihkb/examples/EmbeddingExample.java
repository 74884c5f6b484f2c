package org.oihkb.examples;

import java.time.LocalDate;

import org.oihkb.engine.OihEngine;
import org.oihkb.model.Assessment;
import org.oihkb.model.BodySite;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.Patient;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Route;
import org.oihkb.model.Symptom;

/**
 * The smallest embedding: build a record in Java (no JSON), assess it, read the explained result.
 * A host maps its own data (EHR rows, FHIR resources) to these facts the same way.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /** Builds a record of escalating oxycodone and rising back pain as of {@code asOf}. */
    public static PatientRecord exampleRecord(LocalDate asOf) {
        return PatientRecord.builder(asOf, Patient.of("example-1"))
                .dose(oxycodone(40, asOf.minusDays(270), asOf.minusDays(181)))
                .dose(oxycodone(60, asOf.minusDays(180), asOf.minusDays(91)))
                .dose(oxycodone(90, asOf.minusDays(90), null))
                .symptom(Symptom.pain(asOf.minusDays(200), 5, BodySite.LOWER_BACK))
                .symptom(Symptom.pain(asOf.minusDays(120), 6, BodySite.LOWER_BACK))
                .symptom(Symptom.pain(asOf.minusDays(10), 8, BodySite.WIDESPREAD))
                .build();
    }

    private static DoseEvent oxycodone(double mgPerDay, LocalDate start, LocalDate end) {
        return DoseEvent.builder().drug(Drug.OXYCODONE).route(Route.ORAL).dailyDose(mgPerDay).unit(DoseUnit.MG)
                .start(start).end(end).build();
    }

    /** Assesses the example record and returns one line per finding. */
    public static String run(OihEngine engine, LocalDate asOf) {
        Assessment a = engine.assess(exampleRecord(asOf));
        StringBuilder out = new StringBuilder();
        out.append("current ").append(org.oihkb.facts.Text.currentMme(a.exposure())).append(" (")
                .append(a.exposure().mmeEdition()).append(")\n");
        a.findings().forEach(f -> out.append(f.indicator().code()).append(' ').append(f.id()).append(": ")
                .append(f.summary()).append('\n'));
        return out.toString();
    }

    /** Prints the assessment of the example record as of 2025-03-01. */
    public static void main(String[] args) {
        System.out.print(run(OihEngine.create(), LocalDate.of(2025, 3, 1)));
    }
}
