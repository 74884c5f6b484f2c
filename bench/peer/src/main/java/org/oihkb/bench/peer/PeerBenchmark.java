package org.oihkb.bench.peer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.oihkb.engine.OihEngine;
import org.oihkb.fhir.FhirMapping;
import org.oihkb.fhir.FhirRecords;
import org.oihkb.model.Assessment;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Per-patient warm time: the CDC MME calculator (CQL) computing TotalMME, against oih-fhir mapping the same
 * parsed FHIR resources plus the full OIH assessment (MME, findings, options). One operation covers the four
 * calculator patients in turn and counts as four, so the figure is the mean per patient. Both sides start
 * from parsed HAPI resources; CQL translation and the OIH rule base are built once per fork, untimed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class PeerBenchmark {

    /** The four patients, parsed once. */
    @State(Scope.Benchmark)
    public static class Cases {
        final FhirRecords fhir = FhirRecords.create();
        final Map<String, List<IBaseResource>> byPatientId = new LinkedHashMap<>();
        final List<LocalDate> asOf = new ArrayList<>();

        public Cases() {
            Patients.CASES.forEach((folder, date) -> {
                List<IBaseResource> rs = Patients.resources(fhir, folder);
                byPatientId.put(Patients.patientId(rs), rs);
                asOf.add(date);
            });
        }
    }

    /** The peer, translated once per JVM with SignatureLevel Overloads. */
    @State(Scope.Benchmark)
    public static class Peer {
        CqlPeer peer;
        List<String> ids;

        @Setup
        public void setup(Cases cases) {
            peer = new CqlPeer(cases.byPatientId);
            ids = List.copyOf(cases.byPatientId.keySet());
        }
    }

    /** OIH's rule base, built once per JVM. */
    @State(Scope.Benchmark)
    public static class Oih {
        OihEngine engine;

        @Setup
        public void setup() {
            engine = OihEngine.create();
        }
    }

    /** The peer: TotalMME of each patient, a new CqlEngine per evaluation over the shared Environment. */
    @Benchmark
    @OperationsPerInvocation(4)
    public void cqlTotalMme(Peer p, Blackhole bh) {
        for (String id : p.ids) {
            bh.consume(p.peer.totalMme(id));
        }
    }

    /** oih-fhir maps each patient's resources, then the full OIH assessment runs. */
    @Benchmark
    @OperationsPerInvocation(4)
    public void oihFhirAndAssessment(Cases cases, Oih oih, Blackhole bh) {
        int i = 0;
        for (List<IBaseResource> rs : cases.byPatientId.values()) {
            FhirMapping m = cases.fhir.fromResources(rs, cases.asOf.get(i++));
            Assessment a = oih.engine.assess(m.record()).withDataQuality(m.notes());
            bh.consume(a);
        }
    }
}
