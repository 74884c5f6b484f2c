package org.oihkb.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.oihkb.engine.MmeEdition;

class OptionsTest {

    @Test
    void defaults() {
        OihSparkJob.Options o = OihSparkJob.Options.parse("--input", "in.jsonl", "--output", "out");
        assertThat(o).isEqualTo(new OihSparkJob.Options("in.jsonl", "out", OihSparkJob.Format.RECORDS, null, null,
                null, MmeEdition.CDC_2022, false));
    }

    @Test
    void everyOption() {
        OihSparkJob.Options o = OihSparkJob.Options.parse("--input", "export", "--output", "out", "--format", "fhir",
                "--as-of", "2025-03-01", "--master", "local[2]", "--partitions", "8", "--edition", "cdc-2016",
                "--overwrite");
        assertThat(o).isEqualTo(new OihSparkJob.Options("export", "out", OihSparkJob.Format.FHIR,
                LocalDate.of(2025, 3, 1), "local[2]", 8, MmeEdition.CDC_2016, true));
    }

    @Test
    void fhirNeedsAnAssessmentDate() {
        assertThatThrownBy(() -> OihSparkJob.Options.parse("--input", "e", "--output", "o", "--format", "fhir"))
                .hasMessage("--as-of is required with --format fhir: FHIR data has no assessment date of its own, "
                        + "and the wall clock is never used");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> OihSparkJob.Options.parse("--input", "e")).hasMessage(
                "--input and --output are required");
        assertThatThrownBy(() -> OihSparkJob.Options.parse("--input", "e", "--output", "o", "--partitions", "0"))
                .hasMessage("--partitions must be a whole number from 1 to 100000, was 0");
        assertThatThrownBy(() -> OihSparkJob.Options.parse("--input", "e", "--output", "o", "--partitions", "x"))
                .hasMessage("--partitions must be a whole number from 1 to 100000, was x");
        assertThatThrownBy(() -> OihSparkJob.Options.parse("--input", "e", "--output", "o", "--as-of", "1.3.2025"))
                .hasMessage("--as-of must be a date YYYY-MM-DD, was 1.3.2025");
        assertThatThrownBy(() -> OihSparkJob.Options.parse("--input", "e", "--output", "o", "--format", "csv"))
                .hasMessage("--format must be records or fhir, was csv");
        assertThatThrownBy(() -> OihSparkJob.Options.parse("--input", "e", "--output", "o", "--bogus"))
                .hasMessage("unknown argument: --bogus");
        assertThatThrownBy(() -> OihSparkJob.Options.parse("--input")).hasMessage("--input needs a value");
    }

    @Test
    void mmeBands() {
        assertThat(Summary.band(null)).isEqualTo("not computable");
        assertThat(Summary.band(0.0)).isEqualTo("0");
        assertThat(Summary.band(49.9)).isEqualTo("1-49");
        assertThat(Summary.band(50.0)).isEqualTo("50-89");
        assertThat(Summary.band(89.99)).isEqualTo("50-89");
        assertThat(Summary.band(90.0)).isEqualTo("90+");
    }
}
