package org.oihkb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.oihkb.model.Assessment;
import org.oihkb.model.PatientRecord;
import org.oihkb.scenario.Scenario;
import org.oihkb.scenario.ScenarioRunner;

/**
 * The engine reuses working memories from a pool (each call takes one and hands it back reset): nothing of one
 * record may reach the next. Every scenario record, assessed after a different predecessor on another engine,
 * gives the assessment it gives first thing on a fresh engine.
 */
class PooledSessionTest {
    private static final Path SCENARIOS = Path.of("src/main/resources/org/oihkb/knowledge/scenarios");

    @Test
    void noRecordLeaksIntoTheNextThroughThePooledMemory() {
        List<PatientRecord> records = new ArrayList<>();
        for (Path file : ScenarioRunner.find(SCENARIOS)) {
            records.add(Scenario.read(file).record());
        }
        assertThat(records).hasSizeGreaterThan(150);
        OihEngine first = OihEngine.create();
        List<Assessment> inOrder = records.stream().map(first::assess).toList();

        OihEngine second = OihEngine.create();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(11));
        int compared = 0;
        for (int i : order) {
            assertThat(second.assess(records.get(i))).as(records.get(i).id()).isEqualTo(inOrder.get(i));
            compared++;
        }
        assertThat(compared).isEqualTo(records.size());
        // the records differ in what they conclude, so a leaked conclusion would change some assessment
        assertThat(inOrder.stream().map(Assessment::firedIds).distinct().count()).isGreaterThan(50);
    }
}
