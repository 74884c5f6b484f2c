package org.oihkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an informaticist does: break or edit a copy of the rules, then lint it and run the scenarios. */
class RuleToolsCliTest {

    private static final Path RULES = Path.of("..", "oih-rules", "src", "main", "resources", "org", "oihkb", "knowledge");
    private static final Path SCENARIOS = RULES.resolve("scenarios");

    @TempDir
    static Path broken;

    @TempDir
    static Path edited;

    private static void copyRules(Path to) throws Exception {
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    private static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @BeforeAll
    static void prepare() throws Exception {
        copyRules(broken);
        replace(broken.resolve("exposure.drl"), "Exposure( currentMmePerDay != null, currentMmePerDay >= config.veryHighDoseMme() )",
                "Exposure( currentMmePerDay != null, currentMmePerDay >= \"ninety\" )");
        replace(broken.resolve("signs.drl"), "QualityShift( assessed, changed )", "QualityShift( assessd, changed )");
        replace(broken.resolve("options.drl"), "    not DoseMme( drug == Drug.METHADONE, covers( asOf ) )",
                "    not DoseMme( drug == \"methadone\", covers( asOf ) )");
        replace(broken.resolve("withdrawal.drl"), "    $p : InterdosePain()\nthen", "    $p : InterdosePain(\nthen");
        copyRules(edited);
        replace(edited.resolve("exposure.drl"), "Exposure( currentMmePerDay != null, currentMmePerDay >= config.highDoseMme() )",
                "Exposure( currentMmePerDay != null, currentMmePerDay >= 51 )");
    }

    @Test
    void lintReportsEachBrokenRuleWithFileAndDrlLine() throws Exception {
        CliRun r = CliRun.of("lint", "--rules", broken.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(broken.resolve("signs.drl") + ":" + lineOf(broken.resolve("signs.drl"), "assessd")
                + ":1: error: QualityShift has no field 'assessd'; did you mean 'assessed'?");
        assertThat(r.out()).contains(broken.resolve("options.drl") + ":" + lineOf(broken.resolve("options.drl"),
                "\"methadone\"") + ":18: error: 'drug' is a Drug, compared with a string");
        assertThat(r.out()).contains(broken.resolve("withdrawal.drl") + ":");
        assertThat(r.out()).contains(broken.resolve("exposure.drl") + ":" + lineOf(broken.resolve("exposure.drl"),
                "rule \"EXP-090") + ":1: error: rule \"EXP-090 Daily dose at or above 90 MME\" does not type-check");
    }

    @Test
    void lintOfTheBuiltInRulesIsClean() {
        CliRun r = CliRun.of("lint");
        assertThat(r.out()).startsWith("lint: no problems");
        assertThat(r.exit()).isZero();
    }

    @Test
    void lintFlagsMissingAndDuplicateMetadata(@TempDir Path dir) throws Exception {
        copyRules(dir);
        replace(dir.resolve("options.drl"), "    @evidence(\"EXPERT (consensus)\")\n", "");
        replace(dir.resolve("options.drl"), "@id(\"OPT-060\")", "@id(\"OPT-010\")");
        CliRun r = CliRun.of("lint", "--rules", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("rule \"OPT-020 Opioid rotation\" has no @evidence")
                .contains("@id OPT-010 is already used by options.drl rule \"OPT-010");
    }

    @Test
    void lintFlagsASourceReadersCannotOpen(@TempDir Path dir) throws Exception {
        copyRules(dir);
        replace(dir.resolve("options.drl"), "@source(\"Seed article (dose reduction);",
                "@source(\"OIH-BRIEF 3.4; Seed article (dose reduction);");
        CliRun r = CliRun.of("lint", "--rules", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(dir.resolve("options.drl") + ":")
                .contains("rule \"OPT-010 Gradual reduction of the opioid dose for pain\" cites OIH-BRIEF in @source, "
                        + "which readers cannot open");
    }

    @Test
    void scenariosRefuseRulesThatDoNotCompile() {
        CliRun r = CliRun.of("scenarios", SCENARIOS.toString(), "--rules", broken.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("oih: the rules do not compile; nothing was run:");
        assertThat(r.out()).doesNotContain("passed");
    }

    @Test
    void anEditedThresholdChangesExactlyItsBoundaryScenarios() {
        CliRun r = CliRun.of("scenarios", SCENARIOS.resolve("exposure").toString(), "--rules", edited.toString());
        assertThat(r.exit()).isEqualTo(1);
        List<String> failed = r.out().lines().filter(l -> l.startsWith("FAIL")).toList();
        // the band's two "at" scenarios: the default 50 and the one configured to 40
        assertThat(failed).hasSize(2).anyMatch(l -> l.endsWith("fires-morphine-50mg-is-exactly-50-mme.yaml"))
                .anyMatch(l -> l.endsWith("fires-morphine-40mg-reaches-a-lowered-40-mme-band.yaml"));
        assertThat(r.out()).contains("expected to fire but did not: [EXP-050]").contains(" passed, 2 failed");
    }

    @Test
    void lintAcceptsAFolderThatHoldsTheRuleFolder() {
        CliRun r = CliRun.of("lint", "--rules", Path.of("..", "oih-rules", "src", "main", "resources").toString());
        assertThat(r.out()).startsWith("lint: no problems");
    }

    @Test
    void aMisspeltExpectKeyFailsTheScenarioRunWithFileLineAndAcceptedKeys(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("fires-misspelt.yaml");
        Files.writeString(f, """
                record:
                  doses:
                    - {id: d1, drug: morphine, route: oral, dailyDose: 50, unit: mg, start: -30}
                expect:
                  fire: [EXP-050]
                """);
        CliRun r = CliRun.of("scenarios", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  " + f)
                .contains(f + ":5: expect.fire: unknown key 'fire' in expect; accepted keys: cautions, checks, criteriaAbsent, criteriaMet, ")
                .contains("0 passed, 1 failed");
    }

    @Test
    void aScenarioRunsWithTheConfigAndEditionItDeclares(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("fires-lowered.yaml");
        Files.writeString(f, """
                config: {highDoseMme: 40}
                edition: cdc-2016
                record:
                  doses:
                    - {id: d1, drug: hydromorphone, route: oral, dailyDose: 10, unit: mg, start: -30}
                expect:
                  fires: [EXP-050]
                  currentMmePerDay: 40
                """);
        CliRun r = CliRun.of("scenarios", f.toString());
        assertThat(r.out()).contains("ok    " + f).contains("1 passed, 0 failed");
        assertThat(r.exit()).isZero();
    }
}
