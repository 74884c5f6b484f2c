package org.oihkb.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.oihkb.engine.Config;
import org.oihkb.engine.OihEngine;
import org.oihkb.engine.TracedAssessment;
import org.oihkb.model.Assessment;
import org.oihkb.model.Caution;
import org.oihkb.model.Exposure;
import org.oihkb.model.Finding;
import org.oihkb.model.Option;
import org.oihkb.model.RecordCheck;

/**
 * Runs scenario files against an engine: the same check for the JUnit test factory and for
 * {@code oih scenarios}. A failure says which ids fired, which were expected, and the facts.
 */
public final class ScenarioRunner {

    /** The outcome of one scenario. */
    public record Result(Path file, boolean passed, String message, Set<String> fired) {
    }

    private final OihEngine engine;
    private final Map<List<Object>, OihEngine> engines = new ConcurrentHashMap<>();

    /**
     * A runner over one engine's rules (built-in or edited); each scenario runs with the thresholds and MME
     * edition it declares, not the engine's.
     */
    public ScenarioRunner(OihEngine engine) {
        this.engine = engine;
    }

    /** The engine a scenario runs on: these rules, its config and edition. */
    public OihEngine engineFor(Scenario s) {
        return engines.computeIfAbsent(List.of(s.config(), s.edition()),
                k -> engine.withSettings(s.config(), s.edition()));
    }

    /** Every {@code fires-*.yaml} and {@code silent-*.yaml} file under {@code dir}, sorted by path. */
    public static List<Path> find(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("(fires|silent)-.*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and runs one file; never throws for a bad scenario, it fails instead. */
    public Result run(Path file) {
        Scenario s;
        try {
            s = Scenario.read(file);
        } catch (ScenarioException e) {
            return new Result(file, false, e.getMessage(), Set.of());
        }
        return run(s);
    }

    /** Runs one scenario. */
    public Result run(Scenario s) {
        TracedAssessment traced = engineFor(s).assessTraced(s.record());
        Set<String> fired = traced.firedRuleIds();
        Assessment a = traced.assessment();
        List<String> problems = new ArrayList<>();
        boolean firesFile = s.name().startsWith("fires-");
        if (firesFile && s.fires().isEmpty()) {
            problems.add("a fires- scenario must list at least one id under expect.fires");
        }
        if (!firesFile && s.silent().isEmpty()) {
            problems.add("a silent- scenario must list at least one id under expect.silent");
        }
        Set<String> missing = new TreeSet<>(s.fires());
        missing.removeAll(fired);
        if (!missing.isEmpty()) {
            problems.add("expected to fire but did not: " + missing);
        }
        Set<String> unexpected = new TreeSet<>(s.silent());
        unexpected.retainAll(fired);
        if (!unexpected.isEmpty()) {
            problems.add("expected to stay silent but fired: " + unexpected);
        }
        for (Map.Entry<String, JsonNode> v : s.values().entrySet()) {
            String actual = value(a.exposure(), v.getKey());
            String expected = v.getValue().isNumber() ? number(v.getValue().asDouble())
                    : v.getValue().isNull() ? "null" : v.getValue().asText();
            if (!expected.equals(actual)) {
                problems.add(v.getKey() + ": expected " + expected + ", was " + actual);
            }
        }
        if (s.options() != null) {
            Set<String> offered = new TreeSet<>();
            a.options().forEach(o -> offered.add(o.id()));
            if (!offered.equals(new TreeSet<>(s.options()))) {
                problems.add("options: expected " + new TreeSet<>(s.options()) + ", was " + offered);
            }
        }
        underOptions(a, s.cautions(), "cautions on ", o -> o.cautions().stream().map(Caution::id), problems);
        criteria(a, s.criteriaMet(), true, problems);
        criteria(a, s.criteriaNotMet(), false, problems);
        for (Map.Entry<String, List<String>> c : s.criteriaAbsent().entrySet()) {
            List<String> met = new ArrayList<>();
            a.findings().stream().filter(f -> f.id().equals(c.getKey())).forEach(f -> met.addAll(f.criteriaMet()));
            if (met.isEmpty() && a.findings().stream().noneMatch(f -> f.id().equals(c.getKey()))) {
                problems.add("criteria absent of " + c.getKey() + ": the finding is not there to check");
            }
            for (String text : c.getValue()) {
                met.stream().filter(x -> x.contains(text)).findFirst().ifPresent(x -> problems.add(
                        "criteria met of " + c.getKey() + ": expected no '" + text + "', found '" + x + "'"));
            }
        }
        underOptions(a, s.checks(), "checks under ", o -> o.checks().stream().map(RecordCheck::id), problems);
        for (Map.Entry<String, List<String>> e : s.evidence().entrySet()) {
            List<Place> places = places(a, e.getKey());
            Set<String> rests = new TreeSet<>();
            places.forEach(p -> rests.addAll(p.evidence()));
            if (places.isEmpty()) {
                problems.add("evidence of " + e.getKey() + ": the conclusion is not in the assessment");
            } else if (!rests.equals(new TreeSet<>(e.getValue()))) {
                problems.add("evidence of " + e.getKey() + ": expected " + new TreeSet<>(e.getValue()) + ", was " + rests);
            }
        }
        for (Map.Entry<String, List<String>> t : s.text().entrySet()) {
            List<Place> places = places(a, t.getKey());
            if (places.isEmpty()) {
                problems.add("text of " + t.getKey() + ": the conclusion is not in the assessment");
                continue;
            }
            for (String text : t.getValue()) {
                if (places.stream().noneMatch(p -> p.summary().contains(text))) {
                    problems.add("text of " + t.getKey() + ": expected '" + text + "' in "
                            + places.stream().map(Place::summary).distinct().toList());
                }
            }
        }
        if (problems.isEmpty()) {
            return new Result(s.file(), true, "", fired);
        }
        String message = s.name() + ": " + String.join("; ", problems) + "\n  fired: " + fired + "\n  expected to fire: "
                + s.fires() + ", to stay silent: " + s.silent() + "\n  config: " + describe(s) + "\n  facts: " + s.record();
        return new Result(s.file(), false, message, fired);
    }

    /** Per option id, the ids {@code under} it gives must be exactly those expected. */
    private static void underOptions(Assessment a, Map<String, List<String>> expected, String what,
                                     Function<Option, Stream<String>> under, List<String> problems) {
        for (Map.Entry<String, List<String>> c : expected.entrySet()) {
            Set<String> on = new TreeSet<>();
            a.options().stream().filter(o -> o.id().equals(c.getKey())).flatMap(under).forEach(on::add);
            if (!on.equals(new TreeSet<>(c.getValue()))) {
                problems.add(what + c.getKey() + ": expected " + new TreeSet<>(c.getValue()) + ", was " + on);
            }
        }
    }

    /** One place a conclusion appears in an assessment: its summary and the fact ids it rests on. */
    private record Place(String summary, List<String> evidence) {
    }

    /**
     * Every place conclusion {@code id} appears: as a finding, an option, a caution on either, a check under an
     * option (resting on the fact it says is missing), a withheld option's contraindication or a data-quality note.
     */
    private static List<Place> places(Assessment a, String id) {
        List<Place> out = new ArrayList<>();
        for (Finding f : a.findings()) {
            if (f.id().equals(id)) {
                out.add(new Place(f.summary(), f.evidence()));
            }
            cautions(f.cautions(), id, out);
        }
        for (Option o : a.options()) {
            if (o.id().equals(id)) {
                out.add(new Place(o.summary(), o.evidence()));
            }
            cautions(o.cautions(), id, out);
            o.checks().stream().filter(c -> c.id().equals(id))
                    .forEach(c -> out.add(new Place(c.summary(), List.of(c.missing()))));
        }
        a.withheldOptions().stream().filter(w -> w.cautionId().equals(id))
                .forEach(w -> out.add(new Place(w.reason(), w.evidence())));
        a.dataQuality().stream().filter(n -> n.id().equals(id))
                .forEach(n -> out.add(new Place(n.summary(), n.evidence())));
        return out;
    }

    private static void cautions(List<Caution> cautions, String id, List<Place> out) {
        cautions.stream().filter(c -> c.id().equals(id)).forEach(c -> out.add(new Place(c.summary(), c.evidence())));
    }

    private static void criteria(Assessment a, Map<String, List<String>> expected, boolean met, List<String> problems) {
        for (Map.Entry<String, List<String>> c : expected.entrySet()) {
            List<String> actual = new ArrayList<>();
            a.findings().stream().filter(f -> f.id().equals(c.getKey()))
                    .forEach(f -> actual.addAll(met ? f.criteriaMet() : f.criteriaNotMet()));
            for (String text : c.getValue()) {
                if (actual.stream().noneMatch(x -> x.contains(text))) {
                    problems.add((met ? "criteria met" : "criteria not met") + " of " + c.getKey() + ": expected '"
                            + text + "' in " + actual);
                }
            }
        }
    }

    private static String describe(Scenario s) {
        List<String> changed = new ArrayList<>();
        Config defaults = Config.defaults();
        for (String key : Scenario.configKeys()) {
            try {
                Object mine = Config.class.getMethod(key).invoke(s.config());
                if (!mine.equals(Config.class.getMethod(key).invoke(defaults))) {
                    changed.add(key + "=" + mine);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return (changed.isEmpty() ? "defaults" : String.join(", ", changed)) + ", edition " + s.edition().code();
    }

    private static String value(Exposure e, String key) {
        return switch (key) {
            case "currentMmePerDay" -> number(e.currentMmePerDay());
            case "peakMmePerDay" -> number(e.peakMmePerDay());
            case "longTermTherapy" -> Boolean.toString(e.longTermTherapy());
            case "daysOnOpioids" -> Integer.toString(e.daysOnOpioids());
            default -> "(unknown value " + key + ")";
        };
    }

    private static String number(Double v) {
        if (v == null) {
            return "null";
        }
        return v == Math.rint(v) ? Long.toString(v.longValue()) : Double.toString(v);
    }
}
