package org.oihkb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oihkb.json.AssessmentJson;
import org.oihkb.model.Assessment;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DosePurpose;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.OtherEdition;
import org.oihkb.model.Patient;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Route;

/** exposure.otherEdition: said only when the other edition changes the current or peak MME or a band. */
class EditionSensitivityTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 1);
    private static final OihEngine CDC_2022 = OihEngine.create();
    private static final OihEngine CDC_2016 = OihEngine.builder().edition(MmeEdition.CDC_2016).build();

    private static PatientRecord one(Drug drug, double mg) {
        return PatientRecord.builder(AS_OF, Patient.of("p")).dose(DoseEvent.builder().id("d1").drug(drug)
                .route(Route.ORAL).dailyDose(mg).unit(DoseUnit.MG).purpose(DosePurpose.PAIN)
                .start(AS_OF.minusDays(200)).build()).build();
    }

    @Test
    void hydromorphone12MgIs60Mme2022And48Mme2016SoThe50BandDependsOnTheEdition() {
        Assessment a = CDC_2022.assess(one(Drug.HYDROMORPHONE, 12));
        assertThat(a.exposure().currentMmePerDay()).isEqualTo(60.0);
        OtherEdition o = a.otherEdition();
        assertThat(o.mmeEdition()).isEqualTo("cdc-2016");
        assertThat(o.currentMmePerDay()).isEqualTo(48.0);
        assertThat(o.peakMmePerDay()).isEqualTo(48.0);
        assertThat(o.complete()).isTrue();
        assertThat(o.bands()).containsExactly(new OtherEdition.Band(50, "no"), new OtherEdition.Band(90, "no"));
        assertThat(AssessmentJson.toJsonLine(a)).contains("\"otherEdition\":{\"mmeEdition\":\"cdc-2016\","
                + "\"currentMmePerDay\":48,\"peakMmePerDay\":48,\"complete\":true,\"peakComplete\":true,"
                + "\"bands\":[{\"thresholdMmePerDay\":50,"
                + "\"status\":\"no\"},{\"thresholdMmePerDay\":90,\"status\":\"no\"}]}");

        OtherEdition back = CDC_2016.assess(one(Drug.HYDROMORPHONE, 12)).otherEdition();
        assertThat(back.mmeEdition()).isEqualTo("cdc-2022");
        assertThat(back.currentMmePerDay()).isEqualTo(60.0);
        assertThat(back.bands()).containsExactly(new OtherEdition.Band(50, "holds"), new OtherEdition.Band(90, "no"));
    }

    @Test
    void methadoneForPainDiffersInFigureEvenWhenEveryBandAgrees() {
        OtherEdition o = CDC_2022.assess(one(Drug.METHADONE, 30)).otherEdition();
        assertThat(o.currentMmePerDay()).as("2016: 30 mg x 8").isEqualTo(240.0);
        assertThat(o.bands()).extracting(OtherEdition.Band::status).containsExactly("holds", "holds");
    }

    @Test
    void tapentadolHasNoCdc2016FactorSoTheOtherEditionIsNullNeverZero() {
        Assessment a = CDC_2022.assess(one(Drug.TAPENTADOL, 200));
        assertThat(a.exposure().currentMmePerDay()).as("2022: 200 mg x 0.4").isEqualTo(80.0);
        OtherEdition o = a.otherEdition();
        assertThat(o.mmeEdition()).isEqualTo("cdc-2016");
        assertThat(o.currentMmePerDay()).isNull();
        assertThat(o.peakMmePerDay()).isNull();
        assertThat(o.complete()).isFalse();
        assertThat(o.bands()).extracting(OtherEdition.Band::status).containsExactly("not-assessable", "not-assessable");
        assertThat(AssessmentJson.toJsonLine(a)).contains("\"otherEdition\":{\"mmeEdition\":\"cdc-2016\","
                + "\"currentMmePerDay\":null,\"peakMmePerDay\":null,\"complete\":false,\"peakComplete\":false,");
    }

    @Test
    void oxycodoneHasOneFactorInBothEditionsSoNothingIsSaid() {
        Assessment a = CDC_2022.assess(one(Drug.OXYCODONE, 40));
        assertThat(a.otherEdition()).isNull();
        assertThat(AssessmentJson.toJsonLine(a)).doesNotContain("otherEdition");
        assertThat(List.of(a.exposure().currentMmePerDay())).containsExactly(60.0);
    }
}
