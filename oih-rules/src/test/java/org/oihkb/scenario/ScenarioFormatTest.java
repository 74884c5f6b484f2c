package org.oihkb.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oihkb.engine.MmeEdition;
import org.oihkb.engine.OihEngine;

/**
 * Scenario files are read strictly (a misspelt key is an error with file, line and the accepted keys) and
 * run with the thresholds and MME edition they declare.
 */
class ScenarioFormatTest {

    private static final ScenarioRunner RUNNER = new ScenarioRunner(OihEngine.create());
    private static final String MORPHINE_45 = """
            record:
              doses:
                - {id: d1, drug: morphine, route: oral, dailyDose: 45, unit: mg, start: -30}
            """;

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aMisspeltExpectKeyIsAnErrorWithFileLineAndAcceptedKeys() throws Exception {
        Path f = file("fires-x.yaml", MORPHINE_45 + "expect:\n  fires: [EXP-050]\n  currentMmePerday: 45\n");
        assertThatThrownBy(() -> Scenario.read(f)).isInstanceOf(ScenarioException.class)
                .hasMessage(f + ":6: expect.currentMmePerday: unknown key 'currentMmePerday' in expect; accepted keys: "
                        + "cautions, checks, criteriaAbsent, criteriaMet, criteriaNotMet, currentMmePerDay, daysOnOpioids, evidence, "
                        + "fires, longTermTherapy, options, peakMmePerDay, silent, text");
    }

    @Test
    void theRunnerFailsAScenarioWithAMisspeltKeyInsteadOfIgnoringIt() throws Exception {
        Path f = file("silent-x.yaml", MORPHINE_45 + "expect:\n  silnt: [EXP-050]\n");
        ScenarioRunner.Result r = RUNNER.run(f);
        assertThat(r.passed()).isFalse();
        assertThat(r.message()).startsWith(f + ":5: expect.silnt: unknown key 'silnt' in expect");
    }

    @Test
    void aMisspeltChecksEvidenceOrTextKeyIsAnError() throws Exception {
        for (String key : new String[] {"check", "evidences", "texts"}) {
            Path f = file("fires-" + key + ".yaml", MORPHINE_45 + "expect:\n  fires: [EXP-050]\n  " + key + ": {}\n");
            assertThatThrownBy(() -> Scenario.read(f)).hasMessageStartingWith(f + ":6: expect." + key + ": unknown key '"
                    + key + "' in expect; accepted keys: ").hasMessageContaining("checks, ").hasMessageContaining("evidence, ")
                    .hasMessageEndingWith(", text");
        }
        Path list = file("fires-l.yaml", MORPHINE_45 + "expect:\n  fires: [EXP-050]\n  evidence: [d1]\n");
        assertThatThrownBy(() -> Scenario.read(list)).hasMessage(list
                + ":6: expect.evidence: must be a mapping from conclusion id to fact ids");
        Path number = file("fires-n.yaml", MORPHINE_45 + "expect:\n  fires: [EXP-050]\n  text:\n    EXP-050: [60, x]\n");
        assertThatThrownBy(() -> Scenario.read(number)).hasMessage(number + ":7: expect.text.EXP-050[0]: must be text, was '60'");
    }

    /** A possible OIH on oxycodone 60 mg/day with pregabalin: options with checks and cautions. */
    private static final String POSSIBLE_OIH_ON_PREGABALIN = """
            record:
              medications:
                - {id: m9, class: gabapentinoid, start: -200, name: pregabalin}
              doses:
                - {id: d1, drug: oxycodone, route: oral, dailyDose: 40, unit: mg, start: -300, end: -121}
                - {id: d2, drug: oxycodone, route: oral, dailyDose: 60, unit: mg, start: -120}
              symptoms:
                - {id: s1, date: -150, kind: pain, intensity: 5, sites: [lower-back], quality: [dull]}
                - {id: s2, date: -130, kind: pain, intensity: 5, sites: [lower-back], quality: [dull]}
                - {id: s3, date: -90, kind: pain, intensity: 7, sites: [lower-back], quality: [dull]}
                - {id: s4, date: -30, kind: pain, intensity: 7, sites: [lower-back], quality: [dull]}
                - {id: s5, date: -20, kind: allodynia, present: true, sites: [lower-back]}
            expect:
              fires: [OIH-010]
            """;

    private ScenarioRunner.Result runWith(String name, String expectations) throws Exception {
        return RUNNER.run(file(name, POSSIBLE_OIH_ON_PREGABALIN + expectations));
    }

    @Test
    void checksAreTheRecordChecksUnderAnOptionExactly() throws Exception {
        ScenarioRunner.Result right = runWith("fires-a.yaml", "  checks: {OPT-030: [CHK-020], OPT-040: []}\n");
        assertThat(right.passed()).as(right.message()).isTrue();
        assertThat(runWith("fires-b.yaml", "  checks: {OPT-030: [CHK-020, CHK-021]}\n").message())
                .contains("checks under OPT-030: expected [CHK-020, CHK-021], was [CHK-020]");
        assertThat(runWith("fires-c.yaml", "  checks: {OPT-031: [CHK-030]}\n").message())
                .contains("checks under OPT-031: expected [CHK-030], was [CHK-030, CHK-031, CHK-032, CHK-033, CHK-034]");
        // under an option not offered, nothing is listed
        assertThat(runWith("fires-d.yaml", "  checks: {OPT-070: [CHK-020]}\n").message())
                .contains("checks under OPT-070: expected [CHK-020], was []");
    }

    @Test
    void evidenceIsTheFactIdsAConclusionRestsOnExactlyWhereverItAppears() throws Exception {
        // a finding, a regimen finding, an option, a caution on several options, a check (the fact it lacks)
        ScenarioRunner.Result right = runWith("fires-a.yaml", """
                  evidence:
                    EXP-050: [d2, exposure.currentMmePerDay]
                    REG-020: [d2, m9]
                    OPT-030: [OIH-010]
                    CAU-041: [m9]
                    CHK-034: [raised intracranial or intraocular pressure (no code)]
                """);
        assertThat(right.passed()).as(right.message()).isTrue();
        assertThat(runWith("fires-b.yaml", "  evidence: {REG-020: [m9]}\n").message())
                .contains("evidence of REG-020: expected [m9], was [d2, m9]");
        assertThat(runWith("fires-c.yaml", "  evidence: {CAU-041: [m9, d2]}\n").message())
                .contains("evidence of CAU-041: expected [d2, m9], was [m9]");
        assertThat(runWith("fires-d.yaml", "  evidence: {CAU-013: []}\n").message())
                .contains("evidence of CAU-013: the conclusion is not in the assessment");
    }

    @Test
    void evidenceCoversAWithheldOptionsContraindication() throws Exception {
        Path f = file("fires-w.yaml", """
                record:
                  observations:
                    - {id: k1, code: creatinine-clearance, value: 25, date: -10}
                """ + POSSIBLE_OIH_ON_PREGABALIN.substring("record:\n".length()).replace("expect:\n  fires: [OIH-010]\n", "")
                + "expect:\n  fires: [CAU-020]\n  evidence: {CAU-020: [k1]}\n  text: {CAU-020: [under 30]}\n");
        ScenarioRunner.Result r = RUNNER.run(f);
        assertThat(r.passed()).as(r.message()).isTrue();
        Path wrong = file("fires-x.yaml", Files.readString(f).replace("CAU-020: [k1]}", "CAU-020: [k2]}"));
        assertThat(RUNNER.run(wrong).message()).contains("evidence of CAU-020: expected [k2], was [k1]");
    }

    @Test
    void textsMustAppearInTheConclusionsSummary() throws Exception {
        ScenarioRunner.Result right = runWith("fires-a.yaml", """
                  text:
                    CAU-041: [Gabapentinoid (pregabalin), respiratory depression]
                    CHK-020: [no creatinine clearance or eGFR]
                """);
        assertThat(right.passed()).as(right.message()).isTrue();
        assertThat(runWith("fires-b.yaml", "  text: {CAU-041: [gabapentin (pregabalin)]}\n").message())
                .contains("text of CAU-041: expected 'gabapentin (pregabalin)' in [Gabapentinoid (pregabalin) with opioids: "
                        + "risk of respiratory depression.]");
        assertThat(runWith("fires-c.yaml", "  text: {OPT-070: [MOUD]}\n").message())
                .contains("text of OPT-070: the conclusion is not in the assessment");
    }

    @Test
    void anUnknownTopLevelKeyIsAnError() throws Exception {
        Path f = file("fires-x.yaml", "description: x\nexpected:\n  fires: [EXP-050]\n" + MORPHINE_45);
        assertThatThrownBy(() -> Scenario.read(f)).hasMessage(f + ":2: expected: unknown key 'expected' in a scenario; "
                + "accepted keys: asOf, boundary, config, description, edition, expect, mirrors, record");
    }

    @Test
    void anUnknownFactFieldIsAnErrorOnItsLine() throws Exception {
        Path f = file("fires-x.yaml", """
                record:
                  doses:
                    - {id: d1, drug: morphine, route: oral, dailyDose: 45, unit: mg, start: -30}
                    - id: d2
                      drug: morphine
                      dose: 10
                expect:
                  fires: [EXP-050]
                """);
        assertThatThrownBy(() -> Scenario.read(f)).hasMessageStartingWith(
                        f + ":6: record.doses[1].dose: unknown key 'dose' in a fact of record.doses; accepted keys: "
                                + "dailyDose, drug, end, form, id, name, prn, purpose, release, route, source, start, "
                                + "status, takenDailyDose, unit");
    }

    @Test
    void anUnknownPatientFieldOrRelativeDateKeyIsAnError() throws Exception {
        Path patient = file("fires-p.yaml", "record:\n  patient: {id: p, age: 70}\nexpect: {fires: [EXP-050]}\n");
        assertThatThrownBy(() -> Scenario.read(patient)).hasMessageStartingWith(
                patient + ":2: record.patient.age: unknown key 'age' in record.patient; accepted keys: ageYears, birthDate");
        Path date = file("fires-d.yaml", """
                record:
                  doses:
                    - {id: d1, drug: morphine, route: oral, dailyDose: 45, unit: mg, start: {days: -30}}
                expect: {fires: [EXP-050]}
                """);
        assertThatThrownBy(() -> Scenario.read(date)).hasMessage(
                date + ":3: record.doses[0].start.days: unknown key 'days' in a relative date; accepted keys: day");
    }

    @Test
    void anInvalidFactNamesItsLine() throws Exception {
        Path f = file("fires-x.yaml", """
                record:
                  doses:
                    - {id: d1, drug: morphine, route: oral, dailyDose: 45, unit: mg, start: -30}
                    - {id: d2, drug: morphine, route: oral, dailyDose: -5, unit: mg, start: -30}
                expect: {fires: [EXP-050]}
                """);
        assertThatThrownBy(() -> Scenario.read(f)).hasMessageStartingWith(f + ":4: record.doses[1].dailyDose: record: ");
    }

    @Test
    void configKeysAreCheckedByNameTypeAndRange() throws Exception {
        Path name = file("fires-a.yaml", "config: {highDoseMmme: 40}\n" + MORPHINE_45 + "expect: {fires: [EXP-050]}\n");
        assertThatThrownBy(() -> Scenario.read(name)).hasMessageStartingWith(name
                + ":1: config.highDoseMmme: unknown key 'highDoseMmme' in config (the settings of org.oihkb.engine.Config); "
                + "accepted keys: ").hasMessageContaining("highDoseMme, ");
        Path type = file("fires-b.yaml", "config:\n  lookbackDays: 90.5\n" + MORPHINE_45 + "expect: {fires: [EXP-050]}\n");
        assertThatThrownBy(() -> Scenario.read(type)).hasMessage(type
                + ":2: config.lookbackDays: must be a whole number, was '90.5'");
        Path range = file("fires-c.yaml", "config:\n  escalationFraction: 0\n" + MORPHINE_45
                + "expect: {fires: [EXP-050]}\n");
        assertThatThrownBy(() -> Scenario.read(range)).hasMessageStartingWith(range
                + ":2: config.escalationFraction: ").hasMessageContaining("must be between 0.01 and 10");
    }

    @Test
    void aScenarioRunsWithTheThresholdsItDeclares() throws Exception {
        Path lowered = file("fires-x.yaml", "config: {highDoseMme: 45}\n" + MORPHINE_45
                + "expect: {fires: [EXP-050], currentMmePerDay: 45}\n");
        Path defaults = file("fires-y.yaml", MORPHINE_45 + "expect: {fires: [EXP-050]}\n");
        assertThat(Scenario.read(lowered).config().highDoseMme()).isEqualTo(45.0);
        assertThat(RUNNER.run(lowered).passed()).as(RUNNER.run(lowered).message()).isTrue();
        ScenarioRunner.Result r = RUNNER.run(defaults);
        assertThat(r.passed()).isFalse();
        assertThat(r.message()).contains("expected to fire but did not: [EXP-050]").contains("config: defaults");
    }

    @Test
    void aScenarioRunsWithTheEditionItDeclares() throws Exception {
        String hydromorphone = """
                record:
                  doses:
                    - {id: d1, drug: hydromorphone, route: oral, dailyDose: 10, unit: mg, start: -30}
                """;
        String expect = "expect: {silent: [EXP-050], currentMmePerDay: 40}\n";
        Path cdc2016 = file("silent-a.yaml", "edition: cdc-2016\n" + hydromorphone + expect);
        Path cdc2022 = file("silent-b.yaml", hydromorphone + expect);
        assertThat(Scenario.read(cdc2016).edition()).isEqualTo(MmeEdition.CDC_2016);
        assertThat(RUNNER.run(cdc2016).passed()).as(RUNNER.run(cdc2016).message()).isTrue();
        assertThat(RUNNER.run(cdc2022).message()).contains("expected to stay silent but fired: [EXP-050]")
                .contains("currentMmePerDay: expected 40, was 50");
        Path bad = file("fires-c.yaml", "edition: cdc-2019\n" + hydromorphone + "expect: {fires: [EXP-050]}\n");
        assertThatThrownBy(() -> Scenario.read(bad)).hasMessageStartingWith(bad + ":1: edition: ")
                .hasMessageContaining("cdc-2022").hasMessageContaining("cdc-2016");
    }

    @Test
    void boundariesAreReadAndChecked() throws Exception {
        Path one = file("fires-a.yaml", "boundary: {threshold: highDoseMme, side: at}\n" + MORPHINE_45
                + "expect: {fires: [EXP-050]}\n");
        assertThat(Scenario.read(one).boundaries())
                .containsExactly(new Scenario.Boundary("highDoseMme", Scenario.Side.AT));
        Path two = file("fires-b.yaml", "boundary:\n  - {threshold: highDoseMme, side: past}\n"
                + "  - {threshold: veryHighDoseMme, side: at}\n" + MORPHINE_45 + "expect: {fires: [EXP-050]}\n");
        assertThat(Scenario.read(two).boundaries()).containsExactly(
                new Scenario.Boundary("highDoseMme", Scenario.Side.PAST),
                new Scenario.Boundary("veryHighDoseMme", Scenario.Side.AT));
        Path side = file("fires-c.yaml", "boundary: {threshold: highDoseMme, side: below}\n" + MORPHINE_45
                + "expect: {fires: [EXP-050]}\n");
        assertThatThrownBy(() -> Scenario.read(side)).hasMessage(side
                + ":1: boundary.side: must be 'at' or 'past', was 'below'");
        Path threshold = file("fires-d.yaml", "boundary:\n  - {threshold: highDose, side: at}\n" + MORPHINE_45
                + "expect: {fires: [EXP-050]}\n");
        assertThatThrownBy(() -> Scenario.read(threshold)).hasMessageStartingWith(threshold
                + ":2: boundary[0].threshold: 'highDose' is not a Config setting; accepted: highDoseMme, ");
        Path key = file("fires-e.yaml", "boundary: {threshold: highDoseMme, sides: at}\n" + MORPHINE_45
                + "expect: {fires: [EXP-050]}\n");
        assertThatThrownBy(() -> Scenario.read(key)).hasMessage(key
                + ":1: boundary.sides: unknown key 'sides' in boundary; accepted keys: side, threshold");
    }
}
