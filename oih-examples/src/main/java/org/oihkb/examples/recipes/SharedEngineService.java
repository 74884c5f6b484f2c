package org.oihkb.examples.recipes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.oihkb.engine.OihEngine;
import org.oihkb.model.Assessment;
import org.oihkb.model.PatientRecord;

/**
 * Recipe: a long-lived service (a CDS Hooks endpoint, a message consumer) builds one engine at start-up and
 * shares it across request threads. The engine is immutable and holds no per-call state.
 */
public final class SharedEngineService implements AutoCloseable {

    private final OihEngine engine = OihEngine.create();
    private final ExecutorService workers;

    /** A service with {@code threads} request threads. */
    public SharedEngineService(int threads) {
        this.workers = Executors.newFixedThreadPool(threads);
    }

    /** Assesses records concurrently; results come back in the order given. */
    public List<Assessment> assessAll(List<PatientRecord> records) throws Exception {
        List<Future<Assessment>> futures = new ArrayList<>();
        for (PatientRecord r : records) {
            futures.add(workers.submit(() -> engine.assess(r)));
        }
        List<Assessment> out = new ArrayList<>();
        for (Future<Assessment> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    @Override
    public void close() {
        workers.shutdown();
    }
}
