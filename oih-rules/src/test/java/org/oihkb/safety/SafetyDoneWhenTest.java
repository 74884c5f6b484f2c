package org.oihkb.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oihkb.engine.OihEngine;
import org.oihkb.model.Assessment;
import org.oihkb.model.BodySite;
import org.oihkb.model.Condition;
import org.oihkb.model.ConditionCode;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DosePurpose;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.Finding;
import org.oihkb.model.Medication;
import org.oihkb.model.MedicationClass;
import org.oihkb.model.Observation;
import org.oihkb.model.ObservationCode;
import org.oihkb.model.Option;
import org.oihkb.model.PainQuality;
import org.oihkb.model.Patient;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.RecordCheck;
import org.oihkb.model.Route;
import org.oihkb.model.Symptom;
import org.oihkb.model.SymptomKind;
import org.oihkb.model.WithheldOption;

/** The records named in issue 13's "done when", each with the exact outcome a prescriber must see. */
class SafetyDoneWhenTest {

    private static final OihEngine ENGINE = OihEngine.create();
    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 1);

    @Test
    void anOpioidWithABenzodiazepineAndAGabapentinoidGivesBothRegimenWarningsWithNothingElseConcluded() {
        PatientRecord r = PatientRecord.builder(AS_OF, Patient.of("p1"))
                .dose(oxycodone("d1", 20, -300, null))
                .medication(new Medication("m1", MedicationClass.BENZODIAZEPINE, "alprazolam", AS_OF.minusDays(200), null, null))
                .medication(new Medication("m2", MedicationClass.GABAPENTINOID, "pregabalin", AS_OF.minusDays(200), null, null))
                .build();
        Assessment a = ENGINE.assess(r);

        assertThat(a.options()).isEmpty();
        assertThat(a.findings()).extracting(Finding::id).doesNotContain("OIH-010", "OIH-020", "OIH-030");
        assertThat(a.finding("REG-010").orElseThrow().summary()).isEqualTo("Concurrent benzodiazepine (alprazolam) "
                + "with opioids (oxycodone 20 mg/day oral (d1)): the combination raises the risk of fatal overdose; "
                + "use caution and reassess whether both are needed.");
        assertThat(a.finding("REG-010").orElseThrow().evidence()).containsExactly("d1", "m1");
        assertThat(a.finding("REG-020").orElseThrow().summary()).isEqualTo("Concurrent gabapentinoid (pregabalin) "
                + "with opioids (oxycodone 20 mg/day oral (d1)): risk of serious respiratory depression; start low, "
                + "monitor, and reassess whether both are needed.");
        assertThat(a.finding("REG-030").orElseThrow().summary()).isEqualTo("Offer naloxone and teach the patient and "
                + "carers to use it: benzodiazepine (alprazolam) with opioids.");
    }

    @Test
    void methadoneWithAQtcAbove500IsNotOfferedAndTheAssessmentSaysWhy() {
        PatientRecord r = possibleOih(PatientRecord.builder(AS_OF, Patient.of("p2")))
                .observation(new Observation("o9", ObservationCode.QTC_MS, 530, LocalDate.of(2025, 2, 20), null))
                .build();
        Assessment a = ENGINE.assess(r);

        assertThat(a.finding("OIH-010")).isPresent();
        assertThat(a.option("OPT-021")).isEmpty();
        assertThat(a.withheldOptions()).hasSize(1);
        WithheldOption w = a.withheldOptions().get(0);
        assertThat(w.optionId()).isEqualTo("OPT-021");
        assertThat(w.cautionId()).isEqualTo("CAU-012");
        assertThat(w.reason()).isEqualTo("QTc 530 ms on 2025-02-20, above 500");
        assertThat(w.evidence()).containsExactly("o9");
        assertThat(w.indicator().code()).isEqualTo("critical");
    }

    @Test
    void ketamineOnARecordSilentAboutPsychosisBloodPressureAndLiverListsThoseChecks() {
        Assessment a = ENGINE.assess(possibleOih(PatientRecord.builder(AS_OF, Patient.of("p3"))).build());

        Option ketamine = a.option("OPT-031").orElseThrow();
        assertThat(ketamine.cautions()).isEmpty();
        assertThat(ketamine.checks()).extracting(RecordCheck::id)
                .containsExactly("CHK-030", "CHK-031", "CHK-032", "CHK-033", "CHK-034");
        assertThat(ketamine.checks()).extracting(RecordCheck::missing).containsExactly("psychosis",
                "uncontrolled-hypertension, cardiovascular-disease", "hepatic-impairment",
                "substance-use-disorder, opioid-use-disorder", "raised intracranial or intraocular pressure (no code)");
    }

    @Test
    void opioidUseDisorderWithPossibleOihOffersMoudPainCareAndSaysDetoxificationIsNotRecommended() {
        PatientRecord r = possibleOih(PatientRecord.builder(AS_OF, Patient.of("p4")))
                .condition(new Condition("c1", ConditionCode.OPIOID_USE_DISORDER, AS_OF.minusDays(900), null, null, null))
                .build();
        Assessment a = ENGINE.assess(r);

        assertThat(a.options()).extracting(Option::id)
                .containsExactly("OPT-010", "OPT-030", "OPT-031", "OPT-040", "OPT-060", "OPT-070");
        assertThat(a.option("OPT-070").orElseThrow().summary()).isEqualTo("Opioid use disorder with possible OIH: offer "
                + "buprenorphine or methadone first; reduce pain opioids only together with it.");
        assertThat(a.option("OPT-010").orElseThrow().cautions()).extracting(c -> c.id()).contains("CAU-005");
        Finding detox = a.finding("OUD-050").orElseThrow();
        assertThat(detox.summary()).startsWith("opioid-use-disorder: detoxification without medication for opioid use "
                + "disorder is not recommended, and neither is anaesthesia-assisted or accelerated rapid detoxification");
        assertThat(detox.sources()).anyMatch(s -> s.startsWith("Collins ED et al. JAMA 2005"))
                .anyMatch(s -> s.startsWith("CDC MMWR 2013")).contains("CDC 2022 Recommendation 12");
        assertThat(a.finding("OUD-020")).isPresent();
    }

    @Test
    void neurotoxicityOffersAPromptReductionOrRotationAndNeverAStopOfMoud() {
        PatientRecord r = PatientRecord.builder(AS_OF, Patient.of("p5"))
                .dose(DoseEvent.builder().id("d1").drug(Drug.HYDROMORPHONE).route(Route.SUBCUTANEOUS).dailyDose(24)
                        .unit(DoseUnit.MG).purpose(DosePurpose.PAIN).start(AS_OF.minusDays(10)).build())
                .dose(DoseEvent.builder().id("moud").drug(Drug.BUPRENORPHINE).route(Route.SUBLINGUAL).dailyDose(16)
                        .unit(DoseUnit.MG).purpose(DosePurpose.OUD_TREATMENT).start(AS_OF.minusDays(400)).build())
                .symptom(new Symptom("s1", AS_OF.minusDays(2), SymptomKind.DELIRIUM, true, null, List.of(), List.of(),
                        List.of(), List.of(), null))
                .build();
        Assessment a = ENGINE.assess(r);

        assertThat(a.finding("OIH-090").orElseThrow().indicator().code()).isEqualTo("critical");
        Option o = a.option("OPT-140").orElseThrow();
        assertThat(o.summary()).isEqualTo("Consider a prompt reduction of the opioid dose for pain, or rotation to "
                + "another opioid, under close supervision (hydromorphone 24 mg/day subcutaneous (d1)); with reduced "
                + "kidney function prefer an opioid without renally cleared active metabolites. For buprenorphine 16 "
                + "mg/day sublingual (moud, oud-treatment): urgent specialist review of the dose; do not stop "
                + "medication for opioid use disorder. Check kidney function and hydration, and look for other causes "
                + "of delirium.");
        assertThat(o.evidence()).containsExactly("OIH-090", "d1", "moud");
        assertThat(o.cautions()).as("no taper-rate or reduce-gradually caution with a prompt reduction").isEmpty();
    }

    private static PatientRecord.Builder possibleOih(PatientRecord.Builder b) {
        return b.dose(oxycodone("d1", 40, -300, -121)).dose(oxycodone("d2", 60, -120, null))
                .symptom(score("s1", -150, 5)).symptom(score("s2", -130, 5)).symptom(score("s3", -90, 7))
                .symptom(score("s4", -30, 7))
                .symptom(new Symptom("s5", AS_OF.minusDays(20), SymptomKind.ALLODYNIA, true, null,
                        List.of(BodySite.LOWER_BACK), List.of(), List.of(), List.of(), null));
    }

    private static DoseEvent oxycodone(String id, double mg, int start, Integer end) {
        return DoseEvent.builder().id(id).drug(Drug.OXYCODONE).route(Route.ORAL).dailyDose(mg).unit(DoseUnit.MG)
                .purpose(DosePurpose.PAIN).start(AS_OF.plusDays(start)).end(end == null ? null : AS_OF.plusDays(end))
                .build();
    }

    private static Symptom score(String id, int day, double intensity) {
        return new Symptom(id, AS_OF.plusDays(day), SymptomKind.PAIN, true, intensity, List.of(BodySite.LOWER_BACK),
                List.of(PainQuality.DULL), List.of(), List.of(), null);
    }
}
