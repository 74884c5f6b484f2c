package org.oihkb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.oihkb.model.Assessment;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Route;

/** One engine shared by threads gives exactly the assessments it gives on one thread, in any fact order. */
class OihEngineConcurrencyTest {
    private static final OihEngine ENGINE = OihEngine.create();

    private static List<PatientRecord> records(int n, long seed) {
        Random rnd = new Random(seed);
        Drug[] drugs = {Drug.OXYCODONE, Drug.MORPHINE, Drug.HYDROMORPHONE, Drug.METHADONE, Drug.TRAMADOL};
        List<PatientRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PatientRecord.Builder b = Records.record().id("r" + i);
            int doses = 1 + rnd.nextInt(6);
            for (int d = 0; d < doses; d++) {
                Drug drug = drugs[rnd.nextInt(drugs.length)];
                int start = -rnd.nextInt(400);
                b.dose(Records.oral(drug, 5 + rnd.nextInt(120), start));
            }
            if (rnd.nextBoolean()) {
                b.dose(DoseEvent.builder().drug(Drug.FENTANYL).route(Route.TRANSDERMAL).dailyDose(12.5 * (1 + rnd.nextInt(6)))
                        .unit(DoseUnit.MCG_PER_HOUR).start(Records.day(-rnd.nextInt(200))).build());
            }
            b.dose(DoseEvent.builder().drug(Drug.MORPHINE).route(Route.INTRAVENOUS).dailyDose(10)
                    .unit(DoseUnit.MG).start(Records.day(-1)).build());
            out.add(b.build());
        }
        return out;
    }

    @Test
    void sharedEngineOnFourThreadsMatchesSequential() throws Exception {
        List<PatientRecord> records = records(400, 42);
        List<Assessment> sequential = records.stream().map(ENGINE::assess).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Assessment>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (PatientRecord r : records) {
                    futures.add(pool.submit(() -> ENGINE.assess(r)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % records.size()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sequential).anySatisfy(a -> assertThat(a.firedIds()).contains("EXP-090"));
        assertThat(sequential).anySatisfy(a -> assertThat(a.firedIds()).doesNotContain("EXP-050"));
    }

    @Test
    void factOrderDoesNotChangeTheAssessment() {
        Random rnd = new Random(7);
        for (PatientRecord r : records(100, 9)) {
            List<DoseEvent> shuffled = new ArrayList<>(r.doses());
            Collections.shuffle(shuffled, rnd);
            PatientRecord reordered = new PatientRecord(r.format(), r.id(), r.asOf(), r.patient(), r.conditions(),
                    r.medications(), r.observations(), shuffled, r.symptoms());
            assertThat(ENGINE.assess(reordered)).isEqualTo(ENGINE.assess(r));
        }
    }
}
