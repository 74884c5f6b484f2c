package org.oihkb.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * Every threshold and window of {@link org.oihkb.engine.Config} has a boundary pair among the scenarios:
 * one at the threshold (for a day window, the last day in) and one just past it (the first day out), which
 * differ in outcome. The settings are listed by reflection, so a new setting fails this test until its pair
 * exists, and the message says what to add.
 */
class BoundaryCoverageTest {

    private static final Path SCENARIOS = RuleScenariosTest.SCENARIOS;

    @Test
    void everyConfigThresholdHasABoundaryPairThatDiffersInOutcome() {
        Map<String, List<Scenario>> at = new LinkedHashMap<>();
        Map<String, List<Scenario>> past = new LinkedHashMap<>();
        for (Path file : ScenarioRunner.find(SCENARIOS)) {
            Scenario s = Scenario.read(file);
            for (Scenario.Boundary b : s.boundaries()) {
                (b.side() == Scenario.Side.AT ? at : past).computeIfAbsent(b.threshold(), k -> new ArrayList<>())
                        .add(s);
            }
        }
        List<String> problems = new ArrayList<>();
        for (String threshold : Scenario.configKeys()) {
            List<Scenario> in = at.getOrDefault(threshold, List.of());
            List<Scenario> out = past.getOrDefault(threshold, List.of());
            if (in.isEmpty() || out.isEmpty()) {
                problems.add(missing(threshold, in.isEmpty(), out.isEmpty()));
            } else if (!differ(in, out)) {
                problems.add("Config." + threshold + ": its 'at' scenarios " + names(in) + " and 'past' scenarios "
                        + names(out) + " expect the same outcome. Make one pair differ: a rule id under expect.fires "
                        + "in one and under expect.silent in the other, or a different expected value "
                        + "(currentMmePerDay, longTermTherapy, ...), or a text under expect.criteriaMet in one and under "
                        + "expect.criteriaNotMet or expect.criteriaAbsent in the other.");
            }
        }
        assertThat(problems).as(String.join("\n\n", problems)).isEmpty();
    }

    private static String missing(String threshold, boolean noAt, boolean noPast) {
        StringBuilder b = new StringBuilder("Config." + threshold + " has no boundary pair. Add under " + SCENARIOS
                + "/<area>/ (see docs/testing.md, 'Boundary pairs'):");
        if (noAt) {
            b.append("\n  a scenario exactly at the threshold (a day window: the last day in), declaring\n"
                    + "      boundary: {threshold: ").append(threshold).append(", side: at}");
        }
        if (noPast) {
            b.append("\n  a scenario just past the threshold (a day window: the first day out), declaring\n"
                    + "      boundary: {threshold: ").append(threshold).append(", side: past}");
        }
        b.append("\n  so that a rule id fires in one and is listed under expect.silent in the other (or an expected "
                + "value differs).");
        return b.toString();
    }

    private static boolean differ(List<Scenario> in, List<Scenario> out) {
        for (Scenario a : in) {
            for (Scenario p : out) {
                if (contrast(a, p) || contrast(p, a) || opposite(a, p, Scenario::criteriaNotMet)
                        || opposite(p, a, Scenario::criteriaNotMet) || opposite(a, p, Scenario::criteriaAbsent)
                        || opposite(p, a, Scenario::criteriaAbsent)) {
                    return true;
                }
                for (String key : a.values().keySet()) {
                    if (p.values().containsKey(key) && !a.values().get(key).equals(p.values().get(key))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean contrast(Scenario firing, Scenario quiet) {
        Set<String> both = new HashSet<>(firing.fires());
        both.retainAll(quiet.silent());
        return !both.isEmpty();
    }

    /**
     * A text among the criteria met of a finding in one and, in the other, among its criteria not met or declared
     * absent from its criteria met.
     */
    private static boolean opposite(Scenario met, Scenario notMet,
                                    Function<Scenario, Map<String, List<String>>> other) {
        for (Map.Entry<String, List<String>> e : met.criteriaMet().entrySet()) {
            List<String> texts = other.apply(notMet).getOrDefault(e.getKey(), List.of());
            if (e.getValue().stream().anyMatch(texts::contains)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(List<Scenario> scenarios) {
        return scenarios.stream().map(Scenario::name).toList();
    }
}
