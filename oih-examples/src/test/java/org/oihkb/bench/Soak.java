package org.oihkb.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.oihkb.engine.OihEngine;
import org.oihkb.examples.SyntheticPopulation;
import org.oihkb.model.PatientRecord;

/**
 * Soak run: N assessments (default 1,000,000) on all cores with one shared engine, printing the used heap
 * after a full GC every 10% so a leak shows as a rising line. Run with {@code bench/soak.sh}, never in the
 * unit tests.
 */
public final class Soak {
    private Soak() {
    }

    /** {@code args[0]}: how many assessments; {@code args[1]}: record size. */
    public static void main(String[] args) throws Exception {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        SyntheticPopulation.Size size = SyntheticPopulation.Size.valueOf(args.length > 1 ? args[1] : "TYPICAL");
        SyntheticPopulation pop = new SyntheticPopulation(7, size);
        List<PatientRecord> records = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            records.add(pop.record(i));
        }
        OihEngine engine = OihEngine.create();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long step = total / 10;
        long start = System.nanoTime();
        for (int tenth = 1; tenth <= 10; tenth++) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int offset = t;
                futures.add(pool.submit(() -> {
                    for (long i = offset; i < step; i += threads) {
                        engine.assess(records.get((int) ((i + done.get()) & 4095)));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            done.addAndGet(step);
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf("%,d assessments, %.0f s, %.0f/s, heap used after GC %.1f MiB%n", done.get(), secs,
                    done.get() / secs, used / 1048576.0);
        }
        pool.shutdown();
    }
}
