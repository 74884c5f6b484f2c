package org.oihkb.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.oihkb.engine.AssessmentException;
import org.oihkb.engine.MmeEdition;
import org.oihkb.engine.OihEngine;
import org.oihkb.json.AssessmentJson;
import org.oihkb.json.RecordJson;
import org.oihkb.model.Assessment;
import org.oihkb.model.Finding;
import org.oihkb.model.InvalidRecordException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oih screen FILE.jsonl}: assesses a population, one record a line, on several threads sharing one
 * engine. Streams (never loads the file), writes results in input order, and reports every line it could
 * not assess with its number and reason while the run goes on.
 */
@Command(name = "screen", mixinStandardHelpOptions = true,
        description = "Assess one record per line (JSON Lines) on N threads; output in input order.")
final class ScreenCommand implements Callable<Integer> {

    /** Longest line accepted, in characters: the record reader's own limit. */
    static final int MAX_LINE_CHARS = (int) RecordJson.MAX_DOCUMENT_CHARS;

    @Parameters(index = "0", paramLabel = "FILE.jsonl", description = "one patient record per line")
    Path file;

    @Option(names = "--out", paramLabel = "FILE", description = "assessments, one per line (default: standard output)")
    Path out;

    @Option(names = "--errors", paramLabel = "FILE",
            description = "lines that could not be assessed, as JSON Lines with line number and reason "
                    + "(default: standard error)")
    Path errors;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    /** What each result line holds. */
    enum Format { full, summary }

    @Option(names = "--output", defaultValue = "full",
            description = "full (the assessment, docs/contract.md) or summary (ids, asOf, MME and the ids of findings, "
                    + "options and data-quality notes); default ${DEFAULT-VALUE}")
    Format output;

    @Mixin
    EditionOption edition;

    @Mixin
    RulesOption rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Lines assessed and rejected so far. */
    private static final class Counts {
        long assessed;
        long rejected;

        void add(boolean wasAssessed) {
            if (wasAssessed) {
                assessed++;
            } else {
                rejected++;
            }
        }
    }

    /** What one line produced. */
    private record Outcome(long line, String json, String error, Assessment assessment) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 256) {
            err.println("oih: --threads must be between 1 and 256, was " + n);
            return OihCli.INVALID_INPUT;
        }
        MmeEdition mmeEdition = edition.parse(err);
        if (mmeEdition == null) {
            return OihCli.INVALID_INPUT;
        }
        OihEngine engine = rules.engine(mmeEdition, err);
        if (engine == null) {
            return OihCli.RULES_BROKEN;
        }
        Reader in;
        try {
            in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("oih: " + file + ": no such file");
            return OihCli.INVALID_INPUT;
        }
        Progress progress = new Progress(err, System.console() != null, Files.size(file));
        Counts counts = new Counts();
        Map<String, Long> findings = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "oih-screen");
            t.setDaemon(true);
            return t;
        });
        int window = n * 256;
        boolean summary = output == Format.summary;
        try (in; Writer results = out == null ? new BufferedWriter(new OutputStreamWriter(System.out,
                StandardCharsets.UTF_8)) : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             Writer errs = errors == null ? null : Files.newBufferedWriter(errors, StandardCharsets.UTF_8)) {
            BoundedLines lines = new BoundedLines(in, MAX_LINE_CHARS);
            ArrayDeque<Future<Outcome>> pending = new ArrayDeque<>();
            BoundedLines.Line line;
            while ((line = lines.next()) != null) {
                BoundedLines.Line l = line;
                if (!l.tooLong() && l.text().isBlank()) {
                    continue;
                }
                pending.add(pool.submit(() -> assess(engine, l, summary)));
                while (pending.size() >= window) {
                    counts.add(write(take(pending.poll()), results, errs, err, findings));
                    progress.update(counts.assessed, counts.rejected, lines.consumed());
                }
            }
            while (!pending.isEmpty()) {
                counts.add(write(take(pending.poll()), results, errs, err, findings));
                progress.update(counts.assessed, counts.rejected, lines.consumed());
            }
        } finally {
            pool.shutdownNow();
        }
        progress.done(counts.assessed, counts.rejected, findings);
        return counts.rejected == 0 ? 0 : 1;
    }

    private static Outcome take(Future<Outcome> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("screening worker failed", e.getCause());
        }
    }

    private static Outcome assess(OihEngine engine, BoundedLines.Line l, boolean summary) {
        if (l.tooLong()) {
            return new Outcome(l.number(), null, "line longer than " + MAX_LINE_CHARS + " characters", null);
        }
        try {
            RecordJson.ReadResult read = RecordJson.reader().read(l.text());
            Assessment a = engine.assess(read.record()).withDataQuality(read.warnings());
            return new Outcome(l.number(), summary ? AssessmentJson.toSummaryLine(a) : AssessmentJson.toJsonLine(a),
                    null, a);
        } catch (InvalidRecordException e) {
            return new Outcome(l.number(), null, e.getMessage(), null);
        } catch (AssessmentException e) {
            return new Outcome(l.number(), null, e.getMessage(), null);
        }
    }

    private static boolean write(Outcome o, Writer results, Writer errs, PrintWriter err, Map<String, Long> findings)
            throws IOException {
        if (o.error() == null) {
            results.write(o.json());
            results.write('\n');
            for (Finding f : o.assessment().findings()) {
                findings.merge(f.id(), 1L, Long::sum);
            }
            return true;
        }
        if (errs != null) {
            errs.write("{\"line\":" + o.line() + ",\"error\":\""
                    + new String(JsonStringEncoder.getInstance().quoteAsString(o.error())) + "\"}\n");
        } else {
            err.println("oih: line " + o.line() + ": " + o.error());
        }
        return false;
    }

    /** Progress on standard error: a bar on a terminal, one summary line otherwise. */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean terminal;
        private final long start = System.nanoTime();
        private final long totalBytes;
        private long lastDraw;

        Progress(PrintWriter err, boolean terminal, long totalBytes) {
            this.err = err;
            this.terminal = terminal;
            this.totalBytes = totalBytes;
        }

        void update(long assessed, long rejected, long consumed) {
            if (!terminal) {
                return;
            }
            long now = System.nanoTime();
            if (now - lastDraw < 200_000_000L) {
                return;
            }
            lastDraw = now;
            double secs = (now - start) / 1e9;
            long done = assessed + rejected;
            double fraction = totalBytes <= 0 ? 0 : Math.min(1.0, consumed / (double) totalBytes);
            int filled = (int) (fraction * 30);
            String left = fraction <= 0 ? "?" : String.format(java.util.Locale.ROOT, "%.0f", secs / fraction - secs);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " + done + " records, "
                    + rate(done, secs) + "/s, " + rejected + " rejected, " + left + " s left ");
            err.flush();
        }

        void done(long assessed, long rejected, Map<String, Long> findings) {
            double secs = (System.nanoTime() - start) / 1e9;
            if (terminal) {
                err.print("\r");
            }
            err.println("oih screen: " + assessed + " assessed, " + rejected + " rejected in "
                    + String.format(java.util.Locale.ROOT, "%.1f", secs) + " s (" + rate(assessed + rejected, secs)
                    + " records/s)");
            if (!findings.isEmpty()) {
                StringBuilder s = new StringBuilder("oih screen: findings by id:");
                findings.forEach((id, count) -> s.append(' ').append(id).append('=').append(count));
                err.println(s);
            }
            err.flush();
        }

        private static String rate(long done, double secs) {
            return secs <= 0 ? "-" : String.format(java.util.Locale.ROOT, "%.0f", done / secs);
        }
    }
}
