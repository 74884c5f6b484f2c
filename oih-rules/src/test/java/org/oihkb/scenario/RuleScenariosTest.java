package org.oihkb.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.oihkb.engine.OihEngine;
import org.oihkb.engine.RuleInfo;

/**
 * Every scenario file beside the rules is a test; every active rule has a scenario where it fires and one
 * where it stays silent; every silent scenario mirrors a firing one that exists and fires.
 */
class RuleScenariosTest {

    static final Path SCENARIOS = Path.of("src", "main", "resources", "org", "oihkb", "knowledge", "scenarios");
    private static final OihEngine ENGINE = OihEngine.create();
    private static final ScenarioRunner RUNNER = new ScenarioRunner(ENGINE);

    @TestFactory
    Stream<DynamicTest> everyScenario() {
        return ScenarioRunner.find(SCENARIOS).stream().map(file -> DynamicTest.dynamicTest(
                SCENARIOS.relativize(file).toString(), file.toUri(), () -> {
                    ScenarioRunner.Result r = RUNNER.run(file);
                    assertThat(r.passed()).as(r.message()).isTrue();
                }));
    }

    @TestFactory
    Stream<DynamicTest> everySilentScenarioMirrorsAFiringOne() {
        return ScenarioRunner.find(SCENARIOS).stream().filter(f -> f.getFileName().toString().startsWith("silent-"))
                .map(file -> DynamicTest.dynamicTest(SCENARIOS.relativize(file) + " mirrors a firing scenario", () -> {
                    Scenario silent = Scenario.read(file);
                    assertThat(silent.mirrors()).as(file + " names the scenario it mirrors (mirrors:)").isNotBlank();
                    Path mirrored = file.resolveSibling(silent.mirrors());
                    assertThat(mirrored).as(file + " mirrors " + silent.mirrors()).exists();
                    ScenarioRunner.Result r = RUNNER.run(mirrored);
                    assertThat(r.fired()).as(silent.mirrors() + " fires what " + file.getFileName() + " keeps silent")
                            .containsAll(silent.silent());
                }));
    }

    @Test
    void everyActiveRuleHasAFiringAndASilentScenario() {
        Set<String> fires = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        for (Path file : ScenarioRunner.find(SCENARIOS)) {
            Scenario s = Scenario.read(file);
            fires.addAll(s.fires());
            silent.addAll(s.silent());
        }
        List<String> active = ENGINE.rules().stream().filter(r -> r.status().equals("active")).map(RuleInfo::id)
                .toList();
        assertThat(active).as("rules without a scenario where they fire").allMatch(fires::contains);
        assertThat(active).as("rules without a scenario where they stay silent").allMatch(silent::contains);
    }

    @Test
    void scenarioFilesAreNamedByOutcome() throws Exception {
        try (Stream<Path> files = Files.walk(SCENARIOS)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .allMatch(n -> n.matches("(fires|silent)-[a-z0-9-]+\\.yaml") || n.equals("README.md"));
        }
    }
}
