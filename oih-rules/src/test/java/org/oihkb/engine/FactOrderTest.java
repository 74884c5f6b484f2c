package org.oihkb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oihkb.engine.Records.day;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oihkb.engine.internal.FactOrder;
import org.oihkb.model.Assessment;
import org.oihkb.model.BodySite;
import org.oihkb.model.Condition;
import org.oihkb.model.ConditionCode;
import org.oihkb.model.ConditionStatus;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.Finding;
import org.oihkb.model.PainQuality;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Route;
import org.oihkb.model.Symptom;
import org.oihkb.model.SymptomKind;

/**
 * The same record gives the same assessment in any fact order. A generated patient (gen-31049 of the property
 * run) once did not: with two refuted injuries, possible OIH named whichever came first in the record.
 */
class FactOrderTest {

    private static final OihEngine ENGINE = OihEngine.create();

    /** Possible OIH (dull pain turning sharp after an escalation) beside two injuries assessed and refuted. */
    private static PatientRecord possibleOihWithTwoRefutedInjuries() {
        PatientRecord.Builder b = Records.record();
        b.condition(new Condition("c3", ConditionCode.NEW_INJURY_OR_SURGERY, day(-44), null, ConditionStatus.REFUTED, null));
        b.condition(new Condition("c1", ConditionCode.NEW_INJURY_OR_SURGERY, null, null, ConditionStatus.REFUTED, null));
        b.dose(Records.dose(Drug.OXYCODONE, Route.ORAL, 40, DoseUnit.MG, -300).id("d1")
                .end(day(-121)).build());
        b.dose(Records.dose(Drug.OXYCODONE, Route.ORAL, 60, DoseUnit.MG, -120).id("d2")
                .build());
        int[][] scores = {{-150, 5}, {-130, 5}, {-90, 6}, {-30, 6}};
        for (int i = 0; i < scores.length; i++) {
            b.symptom(new Symptom("s" + (i + 1), day(scores[i][0]), SymptomKind.PAIN, true, (double) scores[i][1],
                    List.of(BodySite.LOWER_BACK), List.of(i < 2 ? PainQuality.DULL : PainQuality.SHARP), List.of(),
                    List.of(), null));
        }
        return b.build();
    }

    private static PatientRecord reversed(PatientRecord r) {
        return new PatientRecord(r.format(), r.id(), r.asOf(), r.patient(), reverse(r.conditions()),
                reverse(r.medications()), reverse(r.observations()), reverse(r.doses()), reverse(r.symptoms()));
    }

    private static <T> List<T> reverse(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    @Test
    void twoRefutedInjuriesGiveTheSameAssessmentInEitherOrder() {
        PatientRecord r = possibleOihWithTwoRefutedInjuries();
        assertThat(ENGINE.assess(reversed(r))).isEqualTo(ENGINE.assess(r));
    }

    @Test
    void possibleOihNamesEveryRefutedInjuryInIdOrder() {
        Assessment a = ENGINE.assess(possibleOihWithTwoRefutedInjuries());
        Finding oih = a.findings().stream().filter(f -> f.id().equals("OIH-010")).findFirst().orElseThrow();
        assertThat(oih.criteriaMet()).anySatisfy(c -> assertThat(c).startsWith("(4) ")
                .endsWith("(assessed and refuted: c1, c3)"));
    }

    @Test
    void aRecordAlreadyInIdOrderIsAssessedAsIs() {
        PatientRecord r = possibleOihWithTwoRefutedInjuries();
        PatientRecord sorted = new PatientRecord(r.format(), r.id(), r.asOf(), r.patient(), reverse(r.conditions()),
                r.medications(), r.observations(), r.doses(), r.symptoms());
        assertThat(FactOrder.canonical(sorted)).isSameAs(sorted);
        assertThat(FactOrder.canonical(r).conditions()).extracting(Condition::id)
                .containsExactly("c1", "c3");
    }
}
