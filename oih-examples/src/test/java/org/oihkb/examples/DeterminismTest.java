package org.oihkb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.oihkb.engine.OihEngine;
import org.oihkb.model.Assessment;
import org.oihkb.model.PatientRecord;

/**
 * The same record gives an equal assessment whatever the order of its facts and on whichever thread,
 * over realistic synthetic records of every pattern (rules that retract each other's conclusions included).
 */
class DeterminismTest {

    private static final OihEngine ENGINE = OihEngine.create();

    private static <T> List<T> shuffled(List<T> list, Random rnd) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, rnd);
        return copy;
    }

    @Test
    void anyFactOrderAnyThreadSameAssessment() throws Exception {
        SyntheticPopulation population = new SyntheticPopulation(3, SyntheticPopulation.Size.TYPICAL);
        List<PatientRecord> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            records.add(population.record(i));
        }
        List<Assessment> expected = records.stream().map(ENGINE::assess).toList();
        Random rnd = new Random(11);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Assessment>> futures = new ArrayList<>();
            for (PatientRecord r : records) {
                PatientRecord reordered = new PatientRecord(r.format(), r.id(), r.asOf(), r.patient(),
                        shuffled(r.conditions(), rnd), shuffled(r.medications(), rnd), shuffled(r.observations(), rnd),
                        shuffled(r.doses(), rnd), shuffled(r.symptoms(), rnd));
                futures.add(pool.submit(() -> ENGINE.assess(reordered)));
            }
            for (int i = 0; i < records.size(); i++) {
                assertThat(futures.get(i).get()).as("record " + i).isEqualTo(expected.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).anySatisfy(a -> assertThat(a.firedIds()).contains("OIH-010"));
        assertThat(expected).anySatisfy(a -> assertThat(a.firedIds()).contains("OIH-050"));
    }
}
