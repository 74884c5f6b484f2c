import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import org.oihkb.cli.OihCli;
import org.oihkb.engine.OihEngine;
import org.oihkb.json.AssessmentJson;
import org.oihkb.json.RecordJson;
import org.oihkb.model.Assessment;
import org.oihkb.model.PatientRecord;
import picocli.CommandLine;

/**
 * Where the first printed assessment's time goes, in a fresh JVM started as the oih launcher starts one: the
 * JVM's own start to main, then picocli's model of the commands, loading the engine, reading the record,
 * assessing it and writing it, each the first time it runs. Prints one line of milliseconds. Run by
 * bench/startup.sh, compiled beside oih.jar's class path; not part of the build.
 */
public final class StartupParts {
    private StartupParts() {
    }

    public static void main(String[] args) throws Exception {
        long main = ManagementFactory.getRuntimeMXBean().getUptime();
        long t0 = System.nanoTime();
        new CommandLine(new OihCli());
        long t1 = System.nanoTime();
        OihEngine engine = OihEngine.create();
        long t2 = System.nanoTime();
        PatientRecord record = RecordJson.reader().read(Files.readString(Path.of(args[0]))).record();
        long t3 = System.nanoTime();
        Assessment a = engine.assess(record);
        long t4 = System.nanoTime();
        int chars = AssessmentJson.toPrettyJson(a).length();
        long t5 = System.nanoTime();
        System.out.printf("%d %d %d %d %d %d %d%n", main, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000, chars);
    }
}
