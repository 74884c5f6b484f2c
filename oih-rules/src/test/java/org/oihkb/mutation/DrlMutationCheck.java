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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * bench/drl-mutation.sh [--only FILE.drl] [--limit N]
 * </pre>
 *
 * Prints and writes {@code target/drl-mutation/report.md}: "N of M rule mutations caught" and every
 * survivor with its file, line and change. Exit code 0 when every mutant that compiles is caught, 1 otherwise.
 */
public final class DrlMutationCheck {

    /** One change to one rule file. */
    record Mutant(Path file, int line, String rule, String description, String mutatedSource) {
    }

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
                            src.substring(0, at) + flipped + src.substring(at + op.group(1).length())));
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
                            src.substring(0, at) + nudged + src.substring(end)));
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
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rules" -> rulesDir = Path.of(args[++i]);
                case "--scenarios" -> scenarios = Path.of(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                case "--only" -> only = args[++i];
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--list" -> list = true;
                case "--built-in" -> builtIn = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; accepted: --rules DIR, --scenarios DIR, --report FILE, --only FILE.drl, --limit N, --list, "
                        + "--built-in");
            }
        }
        List<Path> files = ScenarioRunner.find(scenarios);
        List<Mutant> all = new ArrayList<>();
        for (Mutant m : mutants(rulesDir)) {
            if (only == null || m.file().getFileName().toString().equals(only)) {
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
        int caught = 0;
        int broken = 0;
        List<String> survivors = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < all.size(); i++) {
            Mutant m = all.get(i);
            Path dir = work.resolve("m" + i);
            Files.createDirectories(dir);
            try (var s = Files.list(rulesDir)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".drl")).toList()) {
                    Files.writeString(dir.resolve(f.getFileName()), f.equals(m.file()) ? m.mutatedSource()
                            : Files.readString(f, StandardCharsets.UTF_8));
                }
            }
            String where = m.file().getFileName() + ":" + m.line() + " " + m.rule().replaceAll(" .*", "") + " "
                    + m.description();
            OihEngine engine;
            try {
                engine = OihEngine.builder().rulesDirectory(dir).build();
            } catch (RuleBaseException e) {
                broken++;
                lines.add("- does not compile (not counted): " + where);
                out.println("[" + (i + 1) + "/" + all.size() + "] does not compile  " + where);
                continue;
            }
            List<String> failed = failures(engine, prioritised(files, m.file()), 1);
            if (failed.isEmpty()) {
                survivors.add(where);
                out.println("[" + (i + 1) + "/" + all.size() + "] SURVIVED  " + where);
            } else {
                caught++;
                lines.add("- caught: " + where + " by " + failed.get(0));
                out.println("[" + (i + 1) + "/" + all.size() + "] caught    " + where + " by " + failed.get(0));
            }
        }
        int counted = all.size() - broken;
        String summary = caught + " of " + counted + " rule mutations caught" + (broken > 0 ? " (" + broken
                + " more did not compile)" : "") + ", in " + (System.nanoTime() - start) / 1_000_000_000 + " s";
        out.println(summary);
        survivors.forEach(s -> out.println("  survivor: " + s));
        StringBuilder md = new StringBuilder("# DRL mutation check\n\n" + summary + "\n\n## Survivors\n\n");
        survivors.forEach(s -> md.append("- ").append(s).append('\n'));
        if (survivors.isEmpty()) {
            md.append("none\n");
        }
        md.append("\n## Every mutant\n\n");
        lines.forEach(l -> md.append(l).append('\n'));
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, md.toString());
        out.println("report: " + report.toAbsolutePath());
        System.exit(survivors.isEmpty() ? 0 : 1);
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
