package org.oihkb.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.oihkb.engine.Config;
import org.oihkb.model.InvalidRecordException;

/** The configuration as the exposure calculation reads it: documented defaults and range checks. */
class ConfigTest {

    @Test
    void defaultsAreTheDocumentedValues() {
        Config c = Config.defaults();
        assertThat(c.highDoseMme()).isEqualTo(50.0);
        assertThat(c.veryHighDoseMme()).isEqualTo(90.0);
        assertThat(c.supportiveDoseMme()).isEqualTo(75.0);
        assertThat(c.longTermWindowDays()).isEqualTo(90);
        assertThat(c.longTermMinDays()).isEqualTo(63);
        assertThat(c.peakLookbackDays()).isEqualTo(365);
        assertThat(c.lookbackDays()).isEqualTo(180);
        assertThat(c.escalationFraction()).isEqualTo(0.20);
        assertThat(c.reductionFraction()).isEqualTo(0.10);
        assertThat(c.painBeforeDays()).isEqualTo(30);
        assertThat(c.painBeforeFallbackDays()).isEqualTo(90);
        assertThat(c.painAfterDelayDays()).isEqualTo(7);
        assertThat(c.painAfterDays()).isEqualTo(90);
        assertThat(c.meaningfulPainChange()).isEqualTo(2.0);
        assertThat(c.meaningfulPainChangeFraction()).isEqualTo(0.30);
        assertThat(c.sustainedFromDays()).isEqualTo(28);
        assertThat(c.withdrawalWindowDays()).isEqualTo(14);
        assertThat(c.cowsWithdrawalScore()).isEqualTo(5.0);
        assertThat(c.qtcDiscussMs()).isEqualTo(450.0);
        assertThat(c.qtcContraindicatedMs()).isEqualTo(500.0);
        assertThat(c.nsaidAvoidCrClMlMin()).isEqualTo(30.0);
        assertThat(c.nsaidMonitorCrClMlMin()).isEqualTo(60.0);
        assertThat(c.olderAdultYears()).isEqualTo(65);
        assertThat(c.maxPlausibleMme()).isEqualTo(10000.0);
    }

    @Test
    void builderStartsFromTheDefaultsAndToBuilderRoundTrips() {
        assertThat(Config.builder().build()).isEqualTo(Config.defaults());
        Config strict = Config.builder().escalationFraction(0.30).longTermMinDays(45).build();
        assertThat(strict.escalationFraction()).isEqualTo(0.30);
        assertThat(strict.longTermMinDays()).isEqualTo(45);
        assertThat(strict.highDoseMme()).isEqualTo(50.0);
        assertThat(strict.toBuilder().build()).isEqualTo(strict);
    }

    @Test
    void anIntegerOutOfRangeNamesTheSettingAndTheRange() {
        assertThatThrownBy(() -> Config.builder().longTermMinDays(0).build())
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("config.longTermMinDays must be between 1 and 365, was 0");
        assertThatThrownBy(() -> Config.builder().peakLookbackDays(4000).build())
                .hasMessage("config.peakLookbackDays must be between 1 and 3650, was 4000");
        assertThatThrownBy(() -> Config.builder().longTermWindowDays(27).build())
                .hasMessage("config.longTermWindowDays must be between 28 and 365, was 27");
    }

    @Test
    void aFractionOutOfRangeNamesTheSettingAndTheRange() {
        assertThatThrownBy(() -> Config.builder().escalationFraction(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("config.escalationFraction must be between 0.01 and 10, was 0");
        assertThatThrownBy(() -> Config.builder().reductionFraction(1.5).build())
                .hasMessage("config.reductionFraction must be between 0.01 and 1, was 1.5");
    }

    @Test
    void notANumberIsOutOfRange() {
        assertThatThrownBy(() -> Config.builder().maxPlausibleMme(Double.NaN).build())
                .hasMessage("config.maxPlausibleMme must be between 100 and 100000, was NaN");
        assertThatThrownBy(() -> Config.builder().highDoseMme(Double.POSITIVE_INFINITY).build())
                .hasMessageStartingWith("config.highDoseMme must be between 1 and 1000, was ");
    }

    @Test
    void rangeBoundsAreInclusive() {
        assertThat(Config.builder().longTermWindowDays(28).longTermMinDays(1).build().longTermWindowDays())
                .isEqualTo(28);
        assertThat(Config.builder().maxPlausibleMme(100).build().maxPlausibleMme()).isEqualTo(100.0);
    }

    @Test
    void inconsistentPairsNameTheSettingAndItsPartner() {
        InvalidRecordException e = (InvalidRecordException) org.assertj.core.api.Assertions.catchThrowable(
                () -> Config.builder().longTermMinDays(100).longTermWindowDays(90).build());
        assertThat(e.field()).isEqualTo("config.longTermMinDays");
        assertThat(e).hasMessage("config.longTermMinDays must be <= longTermWindowDays (90), was 100");
        assertThatThrownBy(() -> Config.builder().highDoseMme(100).build())
                .hasMessage("config.veryHighDoseMme must be >= highDoseMme (100.0), was 90.0");
    }
}
