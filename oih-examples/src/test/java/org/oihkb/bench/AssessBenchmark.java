package org.oihkb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.oihkb.engine.OihEngine;
import org.oihkb.examples.SyntheticPopulation;
import org.oihkb.json.RecordJson;
import org.oihkb.model.Assessment;
import org.oihkb.model.PatientRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of one assessment over deterministic synthetic populations of three record sizes, and the cost
 * of reading (parsing and validating) the JSON of the same records on its own. One engine shared by all
 * benchmark threads, as in production. Run with {@code bench/run.sh}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AssessBenchmark {

    /** The shared engine and a population of records of one size. */
    @State(Scope.Benchmark)
    public static class Population {
        @Param({"SMALL", "TYPICAL", "LONG"})
        public String size;

        OihEngine engine;
        List<PatientRecord> records;
        List<String> json;

        @Setup(Level.Trial)
        public void setUp() {
            engine = OihEngine.create();
            SyntheticPopulation population = new SyntheticPopulation(42, SyntheticPopulation.Size.valueOf(size));
            records = new ArrayList<>();
            json = new ArrayList<>();
            for (int i = 0; i < 1024; i++) {
                PatientRecord r = population.record(i);
                records.add(r);
                json.add(RecordJson.reader().toJsonLine(r));
            }
        }
    }

    /** Where each thread is in the population. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    /** One assessment of one record, rules and exposure arithmetic included. */
    @Benchmark
    public Assessment assess(Population p, Cursor c) {
        return p.engine.assess(p.records.get(c.next++ & 1023));
    }

    /** Reading the JSON of one record: parse, map and validate, no assessment. */
    @Benchmark
    public PatientRecord readJson(Population p, Cursor c) {
        return RecordJson.reader().read(p.json.get(c.next++ & 1023)).record();
    }
}
