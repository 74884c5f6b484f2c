package org.oihkb.bench.peer;

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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JVM start to first result: each fork is a fresh JVM that reads the FHIR files, builds everything it needs
 * (HAPI context; CQL translation, or the OIH rule base) and computes one patient's result, timed once.
 * The JVM's own boot and JMH's harness start-up (about 0.1-0.3 s, the same for both) are not in the figure.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 3, jvmArgs = {"-Xmx2g"})
public class FirstResultBenchmark {

    private static final String PATIENT = "patient-mme-greater-than-fifty";

    @Benchmark
    public Double cqlFirstResult() {
        FhirRecords fhir = FhirRecords.create();
        List<IBaseResource> rs = Patients.resources(fhir, PATIENT);
        String id = Patients.patientId(rs);
        return new CqlPeer(Map.of(id, rs)).totalMme(id);
    }

    @Benchmark
    public Assessment oihFirstResult() {
        FhirRecords fhir = FhirRecords.create();
        List<IBaseResource> rs = Patients.resources(fhir, PATIENT);
        FhirMapping m = fhir.fromResources(rs, Patients.CASES.get(PATIENT));
        return OihEngine.create().assess(m.record()).withDataQuality(m.notes());
    }
}
