package org.oihkb.mutation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.oihkb.engine.Config;
import org.oihkb.engine.OihEngine;
import org.oihkb.engine.RuleBaseException;
import org.oihkb.scenario.ScenarioRunner;

/**
 * The DRL mutation check: PIT cannot mutate rule files, so this flips each comparison operator and nudges
 * each threshold reference in the conditions ({@code when ... then}) of the rule files, one at a time,
 * compiles the mutated rule base through the engine's rules-directory path, runs the scenarios, and
 * requires at least one failing scenario per mutant. A surviving mutant is a comparison or a threshold that
 * no scenario pins down.
 *
 * <pre>
 * bench/drl-mutation.sh [--only FILE.drl] [--match REGEX] [--limit N] [--threads N] [--list] [--built-in]
 * </pre>
 *
 * {@code --match} keeps the mutants whose printed place ({@code cautions.drl:236 CAU-013 '<=' -> '<'}) the
 * regular expression finds, to re-check survivors after adding scenarios.
 *
 * Mutants are independent, so {@code --threads N} compiles and runs N at a time (each with its own directory
 * and engine); what is checked does not change. A surviving mutant listed in
 * {@code src/test/resources/org/oihkb/mutation/equivalent-mutants.yaml} with the reason no realistic record
 * can tell it from the original is reported as explained, not as a survivor; an entry that no longer matches
 * a mutant fails the check, so the list stays reviewed.
 *
 * Prints and writes {@code target/drl-mutation/report.md}: "N of M rule mutations caught", the explained
 * equivalents and every survivor with its file, line and change. Exit code 0 when every mutant that compiles
 * is caught or explained, 1 otherwise.
 */
public final class DrlMutationCheck {

    /** One change to one rule file. */
    record Mutant(Path file, int line, String rule, String description, String mutatedSource, String lineText) {

        /** The rule's id, the first word of its name. */
        String ruleId() {
            return rule.replaceAll(" .*", "");
        }

        String where() {
            return file.getFileName() + ":" + line + " " + ruleId() + " " + description;
        }
    }

    /**
     * A reviewed equivalent mutant: a change no realistic record can tell from the original, with the reason.
     * It is matched by file, rule id, change and the text of the mutated line (not its number, so edits above
     * it do not break the match).
     */
    record Explained(String file, String rule, String change, String line, String reason) {

        boolean matches(Mutant m) {
            return file.equals(m.file().getFileName().toString()) && rule.equals(m.ruleId())
                    && change.equals(m.description()) && line.equals(m.lineText());
        }
    }

    /** What became of one mutant. */
    private enum Outcome { CAUGHT, SURVIVED, EXPLAINED, BROKEN }

    private static final Pattern RULE = Pattern.compile("(?m)^rule \"([^\"]+)\"");
    private static final Pattern WHEN_THEN = Pattern.compile("(?s)\\bwhen\\b(.*?)\\bthen\\b");
    // a comparison operator; not part of "->", "<-", "=>", "<<" or a generic
    private static final Pattern OPERATOR = Pattern.compile("(?<![-<>=!])(>=|<=|==|!=|>|<)(?![-<>=])");
    private static final Pattern CONFIG_REF = Pattern.compile("config\\.(\\w+)\\(\\s*\\)");
    private static final Map<String, String> FLIP = Map.of(">=", ">", ">", ">=", "<=", "<", "<", "<=", "==", "!=",
            "!=", "==");

    private DrlMutationCheck() {
    }

    /** Every mutant of the rule files of {@code rulesDir}, in file and position order. */
    static List<Mutant> mutants(Path rulesDir) throws IOException {
        List<Mutant> out = new ArrayList<>();
        List<Path> files;
        try (var s = Files.list(rulesDir)) {
            files = s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
        for (Path f : files) {
            String src = Files.readString(f, StandardCharsets.UTF_8);
            Matcher rules = RULE.matcher(src);
            List<int[]> ruleStarts = new ArrayList<>();
            List<String> ruleNames = new ArrayList<>();
            while (rules.find()) {
                ruleStarts.add(new int[] {rules.start()});
                ruleNames.add(rules.group(1));
            }
            for (int r = 0; r < ruleStarts.size(); r++) {
                int from = ruleStarts.get(r)[0];
                int to = r + 1 < ruleStarts.size() ? ruleStarts.get(r + 1)[0] : src.length();
                Matcher wt = WHEN_THEN.matcher(src).region(from, to);
                if (!wt.find()) {
                    continue;
                }
                int lhsStart = wt.start(1);
                String lhs = wt.group(1);
                String masked = maskStringsAndComments(lhs);
                String rule = ruleNames.get(r);
                Matcher op = OPERATOR.matcher(masked);
                while (op.find()) {
                    int at = lhsStart + op.start(1);
                    String flipped = FLIP.get(op.group(1));
                    out.add(new Mutant(f, lineOf(src, at), rule, "'" + op.group(1) + "' -> '" + flipped + "'",
                            src.substring(0, at) + flipped + src.substring(at + op.group(1).length()),
                            lineText(src, at)));
                }
                Matcher ref = CONFIG_REF.matcher(masked);
                while (ref.find()) {
                    int at = lhsStart + ref.start();
                    int end = lhsStart + ref.end();
                    String name = ref.group(1);
                    Class<?> type;
                    try {
                        type = Config.class.getMethod(name).getReturnType();
                    } catch (NoSuchMethodException e) {
                        continue;
                    }
                    String nudged = type == int.class ? "(config." + name + "() + 1)" : "(config." + name + "() * 1.05)";
                    out.add(new Mutant(f, lineOf(src, at), rule, "config." + name + "() -> " + nudged,
                            src.substring(0, at) + nudged + src.substring(end), lineText(src, at)));
                }
            }
        }
        return out;
    }

    /** The text with string literals and comments blanked, so operators inside them are never mutated. */
    static String maskStringsAndComments(String s) {
        StringBuilder b = new StringBuilder(s);
        int i = 0;
        while (i < b.length()) {
            char c = b.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < b.length() && b.charAt(j) != '"') {
                    j += b.charAt(j) == '\\' ? 2 : 1;
                }
                for (int k = i + 1; k < Math.min(j, b.length()); k++) {
                    b.setCharAt(k, ' ');
                }
                i = j + 1;
            } else if (c == '/' && i + 1 < b.length() && b.charAt(i + 1) == '/') {
                while (i < b.length() && b.charAt(i) != '\n') {
                    b.setCharAt(i++, ' ');
                }
            } else {
                i++;
            }
        }
        return b.toString();
    }

    /** The trimmed text of the source line holding {@code offset}. */
    private static String lineText(String src, int offset) {
        int from = src.lastIndexOf('\n', offset - 1) + 1;
        int to = src.indexOf('\n', offset);
        return src.substring(from, to < 0 ? src.length() : to).trim();
    }

    /** The reviewed equivalent mutants of {@code file}; none when it does not exist. */
    static List<Explained> explained(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<Explained> list = yaml.readValue(file.toFile(), new TypeReference<List<Explained>>() { });
        for (Explained e : list == null ? List.<Explained>of() : list) {
            if (e.file() == null || e.rule() == null || e.change() == null || e.line() == null || e.reason() == null
                    || e.reason().isBlank()) {
                throw new IllegalArgumentException(file + ": every entry needs file, rule, change, line and a reason: "
                        + e);
            }
        }
        return list == null ? List.of() : list;
    }

    private static int lineOf(String src, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (src.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Runs the check; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        Path rulesDir = Path.of("src/main/resources/org/oihkb/knowledge");
        Path scenarios = rulesDir.resolve("scenarios");
        Path report = Path.of("target/drl-mutation/report.md");
        String only = null;
        int limit = Integer.MAX_VALUE;
        boolean list = false;
        boolean builtIn = false;
        int threads = 1;
        Pattern match = null;
        Path explainedFile = Path.of("src/test/resources/org/oihkb/mutation/equivalent-mutants.yaml");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rules" -> rulesDir = Path.of(args[++i]);
                case "--scenarios" -> scenarios = Path.of(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                case "--only" -> only = args[++i];
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--list" -> list = true;
                case "--built-in" -> builtIn = true;
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--match" -> match = Pattern.compile(args[++i]);
                case "--equivalents" -> explainedFile = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; accepted: --rules DIR, --scenarios DIR, --report FILE, --only FILE.drl, --limit N, --list, "
                        + "--built-in, --threads N, --match REGEX, --equivalents FILE");
            }
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, not " + threads);
        }
        List<Explained> explained = explained(explainedFile);
        List<Path> files = ScenarioRunner.find(scenarios);
        List<Mutant> all = new ArrayList<>();
        for (Mutant m : mutants(rulesDir)) {
            if ((only == null || m.file().getFileName().toString().equals(only))
                    && (match == null || match.matcher(m.where()).find())) {
                all.add(m);
            }
        }
        if (all.size() > limit) {
            all = all.subList(0, limit);
        }
        PrintStream out = System.out;
        if (builtIn) {
            // no mutation: every failing scenario of the built-in rules and the Java on the class path, the quick
            // check for a hand-made Java mutant (docs/testing.md)
            List<String> failed = failures(OihEngine.create(), files, null);
            failed.forEach(f -> out.println("FAIL " + f));
            out.println(failed.size() + " of " + files.size() + " scenarios failed");
            System.exit(failed.isEmpty() ? 0 : 1);
        }
        if (list) {
            all.forEach(m -> out.println(m.file().getFileName() + ":" + m.line() + " " + m.rule() + " " + m.description()));
            out.println(all.size() + " mutants");
            return;
        }
        out.println("DRL mutation check: " + all.size() + " mutants of " + rulesDir + ", " + files.size()
                + " scenarios");
        List<String> baseline = failures(OihEngine.builder().rulesDirectory(rulesDir).build(), files, null);
        if (!baseline.isEmpty()) {
            out.println("the unmutated rules already fail scenarios, nothing to measure: " + baseline);
            System.exit(2);
        }
        Path work = Files.createTempDirectory("drl-mutation");
        List<Path> drls;
        try (var s = Files.list(rulesDir)) {
            drls = s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
        Outcome[] outcome = new Outcome[all.size()];
        String[] detail = new String[all.size()];
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        List<Mutant> mutants = all;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> tasks = new ArrayList<>();
        for (int n = 0; n < mutants.size(); n++) {
            int i = n;
            tasks.add(pool.submit(() -> {
                Mutant m = mutants.get(i);
                Explained why = explained.stream().filter(e -> e.matches(m)).findFirst().orElse(null);
                String[] result = run(m, work.resolve("m" + i), drls, files);
                if (result == null) {
                    outcome[i] = Outcome.BROKEN;
                } else if (result.length == 0) {
                    outcome[i] = why == null ? Outcome.SURVIVED : Outcome.EXPLAINED;
                    detail[i] = why == null ? null : why.reason();
                } else {
                    outcome[i] = Outcome.CAUGHT;
                    detail[i] = result[0];
                }
                String label = switch (outcome[i]) {
                    case BROKEN -> "does not compile  ";
                    case SURVIVED -> "SURVIVED  ";
                    case EXPLAINED -> "explained (equivalent)  ";
                    case CAUGHT -> "caught    ";
                };
                String tail = outcome[i] == Outcome.CAUGHT ? " by " + detail[i] : "";
                synchronized (out) {
                    out.println("[" + done.incrementAndGet() + "/" + mutants.size() + "] " + label + m.where() + tail
                            + (why != null && outcome[i] == Outcome.CAUGHT ? " (listed as equivalent: remove the entry)"
                                    : ""));
                }
                return null;
            }));
        }
        for (Future<?> t : tasks) {
            t.get();
        }
        pool.shutdown();
        int caught = 0;
        int broken = 0;
        int equivalent = 0;
        List<String> survivors = new ArrayList<>();
        List<String> equivalents = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < mutants.size(); i++) {
            String where = mutants.get(i).where();
            switch (outcome[i]) {
                case BROKEN -> {
                    broken++;
                    lines.add("- does not compile (not counted): " + where);
                }
                case SURVIVED -> {
                    survivors.add(where);
                    lines.add("- SURVIVED: " + where);
                }
                case EXPLAINED -> {
                    equivalent++;
                    equivalents.add(where + ": " + detail[i]);
                    lines.add("- equivalent: " + where);
                }
                case CAUGHT -> {
                    caught++;
                    lines.add("- caught: " + where + " by " + detail[i]);
                }
            }
        }
        // an entry that matches no mutant of the files checked: the rule changed, the entry must be reviewed
        List<String> stale = new ArrayList<>();
        for (Explained e : explained) {
            boolean inScope = only == null || e.file().equals(only);
            if (inScope && limit == Integer.MAX_VALUE && match == null && mutants.stream().noneMatch(e::matches)) {
                stale.add(e.file() + " " + e.rule() + " " + e.change() + " at '" + e.line() + "'");
            }
        }
        int counted = all.size() - broken;
        String summary = caught + " of " + counted + " rule mutations caught"
                + (equivalent > 0 ? ", " + equivalent + " more explained as equivalent" : "")
                + (survivors.isEmpty() ? "" : ", " + survivors.size() + " survived")
                + (broken > 0 ? " (" + broken + " more did not compile)" : "") + ", in "
                + (System.nanoTime() - start) / 1_000_000_000 + " s with " + threads + " thread"
                + (threads == 1 ? "" : "s");
        out.println(summary);
        survivors.forEach(s -> out.println("  survivor: " + s));
        stale.forEach(s -> out.println("  stale equivalent entry (matches no mutant): " + s));
        StringBuilder md = new StringBuilder("# DRL mutation check\n\n" + summary + "\n\n## Survivors\n\n");
        survivors.forEach(s -> md.append("- ").append(s).append('\n'));
        if (survivors.isEmpty()) {
            md.append("none\n");
        }
        md.append("\n## Explained as equivalent\n\n");
        equivalents.forEach(s -> md.append("- ").append(s).append('\n'));
        if (equivalents.isEmpty()) {
            md.append("none\n");
        }
        if (!stale.isEmpty()) {
            md.append("\n## Stale equivalent entries\n\n");
            stale.forEach(s -> md.append("- ").append(s).append('\n'));
        }
        md.append("\n## Every mutant\n\n");
        lines.forEach(l -> md.append(l).append('\n'));
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, md.toString());
        out.println("report: " + report.toAbsolutePath());
        System.exit(survivors.isEmpty() && stale.isEmpty() ? 0 : 1);
    }

    /**
     * Compiles and runs one mutant in {@code dir}: null when it does not compile, otherwise the failing scenarios
     * (the first one only; empty when the mutant survives).
     */
    private static String[] run(Mutant m, Path dir, List<Path> drls, List<Path> scenarios) throws IOException {
        Files.createDirectories(dir);
        for (Path f : drls) {
            Files.writeString(dir.resolve(f.getFileName()), f.equals(m.file()) ? m.mutatedSource()
                    : Files.readString(f, StandardCharsets.UTF_8));
        }
        OihEngine engine;
        try {
            engine = OihEngine.builder().rulesDirectory(dir).build();
        } catch (RuleBaseException e) {
            return null;
        }
        return failures(engine, prioritised(scenarios, m.file()), 1).toArray(String[]::new);
    }

    /** The scenarios of the rule file's own area first ({@code cautions.drl}: {@code scenarios/cautions/}). */
    private static List<Path> prioritised(List<Path> files, Path drl) {
        String area = drl.getFileName().toString().replace(".drl", "");
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing((Path p) -> !p.getParent().getFileName().toString().equals(area)));
        return sorted;
    }

    /** The names of the failing scenarios, stopping after {@code max} when it is not null. */
    private static List<String> failures(OihEngine engine, List<Path> files, Integer max) {
        ScenarioRunner runner = new ScenarioRunner(engine);
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            ScenarioRunner.Result r;
            try {
                r = runner.run(f);
            } catch (RuntimeException e) {
                // a mutant that makes a rule throw is caught: the build's scenario test would fail too
                out.add(f.getParent().getFileName() + "/" + f.getFileName() + " (" + e.getClass().getSimpleName() + ")");
                if (max != null && out.size() >= max) {
                    return out;
                }
                continue;
            }
            if (!r.passed()) {
                out.add(f.getParent().getFileName() + "/" + f.getFileName());
                if (max != null && out.size() >= max) {
                    return out;
                }
            }
        }
        return out;
    }
}
