package org.oihkb.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oihkb.engine.OihEngine;
import org.oihkb.model.Assessment;
import org.oihkb.model.Finding;

/**
 * One test per clinically meaningful mutation that an earlier suite let through (issue 16, "Why"), each re-made
 * against the current code and seen to fail this test (docs/testing.md, "Mutations that once survived"). The
 * scenarios also run in {@link RuleScenariosTest}; here they are named by the defect they catch, so that PIT and a
 * reviewer can see which test stands guard over which line.
 */
class MutationKillersTest {

    private static final OihEngine ENGINE = OihEngine.create();
    private static final ScenarioRunner RUNNER = new ScenarioRunner(ENGINE);

    private static void passes(String... scenarios) {
        for (String s : scenarios) {
            ScenarioRunner.Result r = RUNNER.run(RuleScenariosTest.SCENARIOS.resolve(s));
            assertThat(r.passed()).as(r.message()).isTrue();
        }
    }

    /** ExposureCalculator: the implausible-dose limit {@code >} turned into {@code >=}. */
    @Test
    void aDoseOfExactlyThePlausibleMaximumIsUsedNotFlagged() {
        passes("exposure/fires-hydromorphone-2000mg-is-exactly-the-plausible-maximum.yaml",
                "exposure/silent-hydromorphone-2000-2mg-is-past-the-plausible-maximum.yaml");
    }

    /** ClinicalTimeline: the 180-day look-back widened by one day, for dose changes and for progression. */
    @Test
    void theLookBackIs180DaysForDoseChangesAndProgression() {
        passes("dose-changes/fires-escalation-on-the-first-day-of-the-look-back.yaml",
                "dose-changes/silent-escalation-one-day-before-the-look-back.yaml",
                "differential/fires-disease-progression-on-the-first-day-of-the-look-back.yaml",
                "differential/silent-disease-progression-one-day-before-the-look-back.yaml",
                "oud/fires-craving-on-the-first-day-of-the-look-back.yaml",
                "oud/silent-craving-one-day-before-the-look-back.yaml");
    }

    /** ClinicalTimeline: the 2-point improvement turned into "more than 2" (pain 8 to 6 would read as no relief). */
    @Test
    void aFallOfExactlyTwoPointsIsRelief() {
        passes("pain-course/fires-pain-8-to-6-after-escalation-is-relief.yaml",
                "pain-course/fires-pain-8-to-6-5-after-escalation-is-only-minimal-relief.yaml");
    }

    /** ClinicalTimeline: "latest" observation turned into "earliest" (an old QTc 520 would override last week's 440). */
    @Test
    void theLatestQtcDecidesNotAnOlderOne() {
        passes("cautions/silent-old-qtc-520-superseded-by-last-weeks-440.yaml",
                "cautions/fires-latest-qtc-520-rules-methadone-out-over-an-old-440.yaml",
                "regimen/silent-methadone-old-qtc-520-superseded-by-440.yaml");
    }

    /**
     * regimen.drl: naloxone at exactly 50 MME turned into "above 50" (once the caution CAU-042 on every option, now
     * the regimen finding REG-030 that replaced it).
     */
    @Test
    void theNaloxoneCautionHoldsAtExactly50Mme() {
        passes("regimen/fires-naloxone-at-exactly-50-mme.yaml", "regimen/silent-naloxone-below-50-mme.yaml");
    }

    /**
     * differential.drl and Explain: the look-alike guard removed. Possible OIH must stay silent beside documented
     * progression; "cannot be excluded" may fire beside it (revision 2) but must say to evaluate progression first,
     * and only then.
     */
    @Test
    void documentedProgressionIsEvaluatedFirst() {
        passes("differential/silent-pain-rising-with-documented-disease-progression.yaml",
                "differential/fires-oih-cannot-be-excluded-beside-documented-progression-evaluates-it-first.yaml");
        assertThat(summary("differential/fires-oih-cannot-be-excluded-beside-documented-progression-evaluates-it-first.yaml"))
                .contains("Disease progression or new pathology is documented: evaluate progression first.");
        assertThat(summary("differential/fires-oih-cannot-be-excluded-no-sign-examined.yaml"))
                .doesNotContain("evaluate progression first");
    }

    private static String summary(String scenario) {
        Scenario s = Scenario.read(RuleScenariosTest.SCENARIOS.resolve(scenario));
        Assessment a = ENGINE.withSettings(s.config(), s.edition()).assess(s.record());
        return a.findings().stream().filter(f -> f.id().equals("OIH-020")).map(Finding::summary).findFirst()
                .orElseThrow(() -> new AssertionError(scenario + ": OIH-020 did not fire"));
    }
}
