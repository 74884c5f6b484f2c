import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.management.ThreadMXBean;
import org.oihkb.engine.OihEngine;
import org.oihkb.json.AssessmentJson;
import org.oihkb.json.RecordJson;
import org.oihkb.model.Assessment;
import org.oihkb.model.PatientRecord;

/**
 * Where one record's time and allocation go, in one JVM and one thread: reading the JSON line, assessing it and
 * writing the assessment, each as thread CPU time and bytes allocated per record, round after round over the
 * same records (the later rounds are the steady state). Run by bench/stages.sh; not part of the build.
 */
public final class Stages {
    private Stages() {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<String> lines = new ArrayList<>(n);
        try (var in = Files.newBufferedReader(input)) {
            for (String l = in.readLine(); l != null && lines.size() < n; l = in.readLine()) {
                lines.add(l);
            }
        }
        n = lines.size();
        OihEngine engine = OihEngine.create();
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        System.out.printf("%d records, %d rounds; per record: thread CPU (us) and allocation (KB)%n", n, rounds);
        System.out.println("| round | read us | read KB | assess us | assess KB | write us | write KB | JSON out KB |");
        System.out.println("|-------|---------|---------|-----------|-----------|----------|----------|-------------|");
        for (int r = 1; r <= rounds; r++) {
            long a0 = mx.getThreadAllocatedBytes(tid);
            long c0 = mx.getCurrentThreadCpuTime();
            List<PatientRecord> records = new ArrayList<>(n);
            for (String l : lines) {
                records.add(RecordJson.reader().read(l).record());
            }
            long a1 = mx.getThreadAllocatedBytes(tid);
            long c1 = mx.getCurrentThreadCpuTime();
            List<Assessment> assessments = new ArrayList<>(n);
            for (PatientRecord p : records) {
                assessments.add(engine.assess(p));
            }
            long a2 = mx.getThreadAllocatedBytes(tid);
            long c2 = mx.getCurrentThreadCpuTime();
            long chars = 0;
            for (Assessment a : assessments) {
                chars += AssessmentJson.toJsonLine(a).length();
            }
            long a3 = mx.getThreadAllocatedBytes(tid);
            long c3 = mx.getCurrentThreadCpuTime();
            System.out.printf("| %5d | %7.0f | %7.1f | %9.0f | %9.1f | %8.0f | %8.1f | %11.1f |%n", r,
                    (c1 - c0) / 1e3 / n, (a1 - a0) / 1024.0 / n, (c2 - c1) / 1e3 / n, (a2 - a1) / 1024.0 / n,
                    (c3 - c2) / 1e3 / n, (a3 - a2) / 1024.0 / n, chars / 1024.0 / n);
        }
    }
}
