package org.oihkb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.oihkb.engine.OihEngine;

class EmbeddingExampleTest {

    @Test
    void assessesTheBuiltRecordWithItsOwnNumbers() {
        String out = EmbeddingExample.run(OihEngine.create(), LocalDate.of(2025, 3, 1));
        assertThat(out).startsWith("current 135 MME/day (cdc-2022)")
                .contains("warning EXP-050", "warning EXP-090", "info EXP-010")
                .contains("135 MME/day");
    }
}
