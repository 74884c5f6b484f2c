package org.oihkb.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.model.KieModuleModel;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.oihkb.engine.internal.RuleCatalog;

/**
 * Checks a directory of rule files the way an informaticist needs: every problem as
 * {@code file:line:col: error: text}, with the DRL line even for the type errors that only the executable
 * model finds (located by compiling file by file, then rule by rule), missing or duplicate metadata, an enum
 * compared with a string, and a did-you-mean for unknown fields.
 */
public final class RuleLint {

    /** The fact types rules match on, for field suggestions and enum checks. */
    private static final List<Class<?>> FACT_TYPES = List.of(org.oihkb.model.Patient.class,
            org.oihkb.model.DoseEvent.class, org.oihkb.model.Symptom.class, org.oihkb.model.Condition.class,
            org.oihkb.model.Medication.class, org.oihkb.model.Observation.class, org.oihkb.model.Exposure.class,
            org.oihkb.model.DoseMme.class, org.oihkb.facts.Conclusion.class, org.oihkb.facts.Sign.class,
            org.oihkb.facts.DoseChange.class, org.oihkb.facts.CumulativeEscalation.class,
            org.oihkb.facts.PainResponse.class, org.oihkb.facts.SiteSpread.class, org.oihkb.facts.QualityShift.class,
            org.oihkb.facts.InterdosePain.class, org.oihkb.facts.Measurement.class, org.oihkb.facts.PainScores.class);

    private static final Pattern STRICT_METHOD = Pattern.compile(
            "unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern SOURCE = Pattern.compile("@source\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** The project's working notes, which are not published with it: a source must be something a reader can find. */
    private static final Pattern UNREADABLE_SOURCE = Pattern.compile(
            "OIH-BRIEF|CAUTIONS\\.md|CONTRACT\\.md|DEFINITIONS\\.md|ARCHITECTURE\\.md|\\.\\./shared|shared/(domain|design|notes)");
    private static final Pattern STRING_COMPARE = Pattern.compile("\\b(\\w+)\\s*(==|!=)\\s*\"");

    private RuleLint() {
    }

    /** Every problem of the rule files in {@code dir}, in file and line order; empty when clean. */
    public static List<String> check(Path folder) {
        Path dir;
        try {
            dir = org.oihkb.engine.internal.RuleLoader.ruleDirectory(folder);
        } catch (org.oihkb.engine.RuleBaseException e) {
            return e.problems();
        }
        Map<String, String> texts = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList()) {
                texts.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return List.of(dir + ": cannot be read: " + e.getMessage());
        }
        if (texts.isEmpty()) {
            return List.of(dir + ": no .drl files");
        }
        List<String> problems = new ArrayList<>();
        problems.addAll(metadata(dir, texts));
        problems.addAll(enumStrings(dir, texts));
        List<String> classic = compile(dir, texts, false);
        problems.addAll(classic);
        // files the classic builder accepts still get the executable model's strict type checks
        Map<String, String> clean = new TreeMap<>();
        texts.forEach((name, text) -> {
            if (classic.stream().noneMatch(p -> p.startsWith(dir.resolve(name) + ":"))) {
                clean.put(name, text);
            }
        });
        if (!clean.isEmpty() && (classic.isEmpty() || clean.size() < texts.size())) {
            problems.addAll(locateExecutableModelErrors(dir, classic.isEmpty() ? texts : clean));
        }
        return problems;
    }

    private static List<String> metadata(Path dir, Map<String, String> texts) {
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new TreeMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String[] lines = e.getValue().split("\n", -1);
            for (Map.Entry<String, Integer> rule : rulesOf(lines).entrySet()) {
                int start = rule.getValue();
                StringBuilder head = new StringBuilder();
                for (int i = start - 1; i < lines.length && !lines[i].trim().equals("when"); i++) {
                    head.append(lines[i]).append('\n');
                }
                for (String key : RuleCatalog.REQUIRED) {
                    if (!head.toString().contains("@" + key + "(")) {
                        problems.add(where(dir, e.getKey(), start, 1) + "rule \"" + rule.getKey() + "\" has no @" + key);
                    }
                }
                Matcher source = SOURCE.matcher(head);
                while (source.find()) {
                    Matcher unreadable = UNREADABLE_SOURCE.matcher(source.group(1));
                    if (unreadable.find()) {
                        problems.add(where(dir, e.getKey(), start, 1) + "rule \"" + rule.getKey() + "\" cites "
                                + unreadable.group() + " in @source, which readers cannot open; cite the publication "
                                + "(authors, journal, year) or the project's docs (docs/definitions.md §N)");
                    }
                }
                Matcher id = Pattern.compile("@id\\(\\s*\"([^\"]+)\"").matcher(head);
                if (id.find()) {
                    String other = seen.putIfAbsent(id.group(1), e.getKey() + " rule \"" + rule.getKey() + "\"");
                    if (other != null) {
                        problems.add(where(dir, e.getKey(), start, 1) + "@id " + id.group(1) + " is already used by "
                                + other + "; ids are never reused");
                    }
                }
            }
        }
        return problems;
    }

    private static Map<String, Integer> rulesOf(String[] lines) {
        Map<String, Integer> rules = new LinkedHashMap<>();
        Pattern rule = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = rule.matcher(lines[i]);
            if (m.find()) {
                rules.put(m.group(1), i + 1);
            }
        }
        return rules;
    }

    private static List<String> enumStrings(Path dir, Map<String, String> texts) {
        Map<String, Class<?>> enumFields = new TreeMap<>();
        for (Class<?> type : FACT_TYPES) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getType().isEnum()) {
                    enumFields.put(c.getName(), c.getType());
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String[] lines = e.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = STRING_COMPARE.matcher(lines[i]);
                while (m.find()) {
                    Class<?> type = enumFields.get(m.group(1));
                    if (type != null) {
                        Object first = type.getEnumConstants()[0];
                        problems.add(where(dir, e.getKey(), i + 1, m.start(1) + 1) + "'" + m.group(1) + "' is a "
                                + type.getSimpleName() + ", compared with a string: write " + m.group(1) + " "
                                + m.group(2) + " " + type.getSimpleName() + "." + ((Enum<?>) first).name()
                                + " (values: " + constants(type) + ")");
                    }
                }
            }
        }
        return problems;
    }

    private static String constants(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object c : type.getEnumConstants()) {
            names.add(((Enum<?>) c).name());
        }
        return String.join(", ", names);
    }

    /** Compiles files together; the classic builder gives DRL lines, the executable model strict types. */
    private static List<String> compile(Path dir, Map<String, String> texts, boolean executableModel) {
        List<String> problems = new ArrayList<>();
        for (Message m : build(texts, executableModel)) {
            String text = m.getText().replace('\n', ' ').trim();
            if (text.contains("Parser returned a null Package")) {
                continue;
            }
            String file = fileOf(m.getPath(), texts);
            problems.add(where(dir, file == null ? "(rules)" : file, Math.max(m.getLine(), 0),
                    Math.max(m.getColumn(), 0) + 1) + suggest(text));
        }
        return problems;
    }

    private static List<Message> build(Map<String, String> texts, boolean executableModel) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        KieModuleModel module = ks.newKieModuleModel();
        module.newKieBaseModel("lint").addPackage("*").setDefault(true);
        kfs.writeKModuleXML(module.toXML());
        texts.forEach((name, text) -> kfs.write("src/main/resources/org/oihkb/knowledge/" + name, text));
        try {
            KieBuilder builder = ks.newKieBuilder(kfs);
            builder = executableModel ? builder.buildAll(ExecutableModelProject.class) : builder.buildAll(DrlProject.class);
            return builder.getResults().getMessages(Message.Level.ERROR);
        } catch (RuntimeException e) {
            return List.of(new CrashMessage(e));
        }
    }

    private static List<String> locateExecutableModelErrors(Path dir, Map<String, String> texts) {
        if (build(texts, true).isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : texts.entrySet()) {
            if (build(Map.of(file.getKey(), file.getValue()), true).isEmpty()) {
                continue;
            }
            String[] lines = file.getValue().split("\n", -1);
            Map<String, Integer> rules = rulesOf(lines);
            int firstRule = rules.values().stream().min(Integer::compare).orElse(lines.length + 1);
            String header = String.join("\n", List.of(lines).subList(0, firstRule - 1));
            for (Map.Entry<String, Integer> rule : rules.entrySet()) {
                int start = rule.getValue();
                int end = start;
                while (end < lines.length && !lines[end - 1].trim().equals("end")) {
                    end++;
                }
                String one = header + "\n" + String.join("\n", List.of(lines).subList(start - 1, end)) + "\n";
                List<Message> errors = build(Map.of(file.getKey(), one), true);
                if (!errors.isEmpty()) {
                    StringBuilder all = new StringBuilder();
                    errors.forEach(m -> all.append(m.getText()).append('\n'));
                    problems.add(where(dir, file.getKey(), start, 1) + "rule \"" + rule.getKey()
                            + "\" does not type-check: " + generatedJavaMessage(all.toString()));
                }
            }
        }
        return problems;
    }

    private static final Pattern EXPRESSION = Pattern.compile("PredicateInformation\\(\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The executable model reports errors inside generated Java: keep the compiler's sentence and the DRL expression. */
    static String generatedJavaMessage(String text) {
        String flat = text.replace('\n', ' ');
        Set<String> sentences = new TreeSet<>();
        for (String chunk : flat.split("Java source of \\S+ in error:")) {
            int end = chunk.lastIndexOf('}');
            String tail = (end >= 0 ? chunk.substring(end + 1) : chunk).replaceFirst("^\\s*;", "").trim();
            if (!tail.isEmpty()) {
                sentences.add(tail.replaceAll("\\s+", " "));
            }
        }
        Set<String> expressions = new TreeSet<>();
        Matcher m = EXPRESSION.matcher(flat);
        while (m.find()) {
            expressions.add(m.group(1).replace("\\\"", "\""));
        }
        String sentence = sentences.isEmpty() ? flat.trim() : String.join("; ", sentences);
        return expressions.isEmpty() ? sentence : sentence + " (in: " + String.join("; ", expressions) + ")";
    }

    private static String fileOf(String path, Map<String, String> texts) {
        if (path == null) {
            return null;
        }
        for (String name : texts.keySet()) {
            if (path.endsWith(name)) {
                return name;
            }
        }
        return path;
    }

    private static String where(Path dir, String file, int line, int col) {
        return dir.resolve(file) + ":" + line + ":" + col + ": error: ";
    }

    /** Adds a did-you-mean to "unable to resolve method" messages. */
    static String suggest(String text) {
        Matcher m = STRICT_METHOD.matcher(text);
        if (!m.find()) {
            return text;
        }
        String typeName = m.group(1);
        String field = m.group(2);
        for (Class<?> type : FACT_TYPES) {
            if (type.getName().equals(typeName) && type.isRecord()) {
                List<String> names = new ArrayList<>();
                for (RecordComponent c : type.getRecordComponents()) {
                    names.add(c.getName());
                }
                String best = names.stream().min((a, b) -> distance(a, field) - distance(b, field)).orElse("");
                return type.getSimpleName() + " has no field '" + field + "'"
                        + (distance(best, field) <= 3 ? "; did you mean '" + best + "'?" : "")
                        + " Fields: " + String.join(", ", names);
            }
        }
        return text;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** A compiler crash turned into a message, so the lint reports it instead of dying. */
    private record CrashMessage(RuntimeException e) implements Message {
        @Override public long getId() { return 0; }
        @Override public Level getLevel() { return Level.ERROR; }
        @Override public String getPath() { return null; }
        @Override public int getLine() { return 0; }
        @Override public int getColumn() { return 0; }
        @Override public String getText() { return "the compiler failed: " + e; }
    }
}
