package org.oihkb.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void numbersReadAsAClinicianWritesThem() {
        assertThat(Text.num(60.0)).isEqualTo("60");
        assertThat(Text.num(37.5)).isEqualTo("37.5");
        assertThat(Text.num(281.25)).isEqualTo("281.3");
        assertThat(Text.mme(89.85)).isEqualTo("89.9 MME/day");
        assertThat(Text.num(4.35)).isEqualTo("4.4");
        assertThat(Text.num(-0.0)).isEqualTo("0");
        assertThat(Text.num(-12.0)).isEqualTo("-12");
        assertThat(Text.num(0.04)).isEqualTo("0");
        assertThat(Text.num(1e16)).isEqualTo("10000000000000000");
    }

    @Test
    void wholeNumbersPrintAsTheDecimalRoundingWouldPrintThem() {
        for (long n = -1_000; n <= 100_000; n += 7) {
            assertThat(Text.num(n)).isEqualTo(java.math.BigDecimal.valueOf(n).toPlainString());
        }
    }

    @Test
    void cowsBandsFollowWessonAndLing() {
        assertThat(Text.cowsBand(4)).isEqualTo("below the withdrawal range");
        assertThat(Text.cowsBand(5)).isEqualTo("mild");
        assertThat(Text.cowsBand(12)).isEqualTo("mild");
        assertThat(Text.cowsBand(13)).isEqualTo("moderate");
        assertThat(Text.cowsBand(25)).isEqualTo("moderately severe");
        assertThat(Text.cowsBand(36)).isEqualTo("moderately severe");
        assertThat(Text.cowsBand(37)).isEqualTo("severe");
    }
}
