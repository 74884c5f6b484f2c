package org.oihkb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DoseEventTest {
    private static final LocalDate START = LocalDate.of(2025, 1, 1);

    private static DoseEvent.Builder oxycodone() {
        return DoseEvent.builder().drug(Drug.OXYCODONE).route(Route.ORAL).dailyDose(40).unit(DoseUnit.MG).start(START);
    }

    @Test
    void rejectsNonPositiveAndNonFiniteDoses() {
        assertThatThrownBy(() -> oxycodone().dailyDose(-5).build()).isInstanceOf(InvalidRecordException.class)
                .hasMessage("dailyDose must be > 0, was -5");
        assertThatThrownBy(() -> oxycodone().dailyDose(0).build()).hasMessage("dailyDose must be > 0, was 0");
        assertThatThrownBy(() -> oxycodone().dailyDose(Double.NaN).build())
                .hasMessage("dailyDose must be a finite number, was NaN");
    }

    @Test
    void rejectsAUnitThatDoesNotFitTheRoute() {
        assertThatThrownBy(() -> oxycodone().drug(Drug.FENTANYL).route(Route.TRANSDERMAL).build())
                .hasMessage("unit must be mcg/h for a transdermal fentanyl dose, was mg");
        assertThatThrownBy(() -> oxycodone().unit(DoseUnit.MCG_PER_HOUR).build())
                .hasMessage("unit must be mg or mcg for the oral route (mcg/h is for transdermal patches), was mcg/h");
    }

    @Test
    void rejectsAnEndBeforeTheStartAndMissingFields() {
        assertThatThrownBy(() -> oxycodone().end(START.minusDays(1)).build())
                .hasMessage("end must be on or after start (2025-01-01), was 2024-12-31");
        assertThatThrownBy(() -> oxycodone().start(null).build()).hasMessage("start is required, was missing");
        assertThatThrownBy(() -> oxycodone().drug(Drug.OTHER).build())
                .hasMessage("name is required when drug is 'other', was missing");
    }

    @Test
    void prnTakenDoseMayNotExceedTheMaximum() {
        assertThatThrownBy(() -> oxycodone().prn(true).takenDailyDose(50.0).build())
                .hasMessage("takenDailyDose must be <= dailyDose (40), the PRN maximum, was 50");
        assertThat(oxycodone().prn(true).takenDailyDose(20.0).build().takenDailyDose()).isEqualTo(20.0);
    }

    @Test
    void purposeDefaultsToUnknownForMethadoneAndBuprenorphineOnly() {
        assertThat(oxycodone().build().purpose()).isEqualTo(DosePurpose.PAIN);
        assertThat(oxycodone().drug(Drug.METHADONE).build().purpose()).isEqualTo(DosePurpose.UNKNOWN);
        assertThat(oxycodone().drug(Drug.BUPRENORPHINE).route(Route.SUBLINGUAL).build().purpose())
                .isEqualTo(DosePurpose.UNKNOWN);
        assertThat(oxycodone().drug(Drug.METHADONE).purpose(DosePurpose.OUD_TREATMENT).build().forPain()).isFalse();
    }

    @Test
    void derivedIdsDependOnContentNotPosition() {
        assertThat(oxycodone().build().id()).isEqualTo(oxycodone().build().id()).startsWith("d-");
        assertThat(oxycodone().dailyDose(41).build().id()).isNotEqualTo(oxycodone().build().id());
        assertThat(oxycodone().id("mine").build().id()).isEqualTo("mine");
    }

    @Test
    void aProposedOrderStartsOnAsOf() {
        LocalDate asOf = LocalDate.of(2025, 3, 1);
        assertThat(oxycodone().status(DoseStatus.PROPOSED).start(asOf.plusDays(3)).build().effectiveStart(asOf))
                .isEqualTo(asOf);
        assertThat(oxycodone().build().effectiveStart(asOf)).isEqualTo(START);
    }
}
