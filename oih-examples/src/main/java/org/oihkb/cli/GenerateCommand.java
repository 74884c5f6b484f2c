package org.oihkb.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.oihkb.examples.SyntheticPopulation;
import org.oihkb.json.RecordJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code oih generate N}: a deterministic synthetic population as JSON Lines, for screening and benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write N synthetic patient records (JSON Lines); the same seed always gives the same file.")
final class GenerateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "N", description = "how many records")
    long count;

    @Option(names = "--seed", defaultValue = "1", description = "population seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--size", defaultValue = "TYPICAL", description = "SMALL, TYPICAL (default) or LONG records")
    SyntheticPopulation.Size size;

    @Option(names = "--malformed-every", defaultValue = "0", paramLabel = "K",
            description = "make every K-th line invalid (100 gives 1%%); 0 for none")
    int malformedEvery;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path out;

    private static final String[] BROKEN = {
        "{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"x\"}, \"doses\": [",
        "{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"x\"}, \"doses\": [{\"drug\": \"oxycodone\","
            + " \"route\": \"oral\", \"dailyDose\": -5, \"unit\": \"mg\", \"start\": \"2025-01-01\"}]}",
        "{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"x\"}, \"doses\": [{\"drug\": \"heroin\","
            + " \"route\": \"oral\", \"dailyDose\": 5, \"unit\": \"mg\", \"start\": \"2025-01-01\"}]}",
        "{\"format\": 1, \"patient\": {\"id\": \"x\"}}"
    };

    @Override
    public Integer call() throws Exception {
        SyntheticPopulation population = new SyntheticPopulation(seed, size);
        try (Writer w = out == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (long i = 0; i < count; i++) {
                if (malformedEvery > 0 && i % malformedEvery == malformedEvery - 1) {
                    w.write(BROKEN[(int) ((i / malformedEvery) % BROKEN.length)]);
                } else {
                    w.write(RecordJson.reader().toJsonLine(population.record(i)));
                }
                w.write('\n');
            }
        }
        return 0;
    }
}
