package org.oihkb.engine;

import org.oihkb.model.InvalidRecordException;

/**
 * Every threshold and window the rules use, with documented defaults (docs/definitions.md) and
 * range checks at construction. Thresholds are inclusive. Rules read them by name, never as literals.
 *
 * <pre>{@code
 * Config strict = Config.builder().escalationFraction(0.30).build();
 * }</pre>
 *
 * @param highDoseMme Current MME at or above which closer follow-up and naloxone are advised (CDC 2022 Rec 8; CDC 2016 Rec 5: reassess). Default 50.
 * @param veryHighDoseMme Current MME at or above which CDC 2016 Rec 5 advises avoiding or carefully justifying the dose. Default 90.
 * @param supportiveDoseMme Current MME at or above which a possible-OIH finding is strengthened (Chen 2009). Default 75.
 * @param longTermWindowDays Window ending on asOf in which long-term therapy is judged (CDC opioid CDS). Default 90.
 * @param longTermMinDays Days with an opioid for pain in that window that make long-term therapy: most days for more than 3 months. Default 63.
 * @param peakLookbackDays Look-back for the peak MME. Default 365.
 * @param lookbackDays Look-back in which dose changes are assessed, and cumulative escalation is measured. Default 180.
 * @param escalationFraction Rise of the trend dose that counts as an escalation: 0.20 = at least 20% (Hayes et al. 2020). Default 0.20.
 * @param reductionFraction Fall of the trend dose that counts as a reduction: 0.10 = at least 10%. Default 0.10.
 * @param painBeforeDays Days before a dose change whose pain scores give the 'before' median. Default 30.
 * @param painBeforeFallbackDays Days before a dose change searched for the latest score when the 'before' window is empty. Default 90.
 * @param painAfterDelayDays Days after a dose change before pain is judged, so brief post-escalation relief passes (JCOM 2014). Default 7.
 * @param painAfterDays Last day after a dose change whose scores give the 'after' median. Default 90.
 * @param meaningfulPainChange Points on the 0-10 scale that make a meaningful change (IMMPACT). Default 2.
 * @param meaningfulPainChangeFraction Fraction of the 'before' score that also counts as improvement (IMMPACT: 30%). Default 0.30.
 * @param sustainedFromDays Days after a dose change from which an improvement must hold to be sustained. Default 28.
 * @param withdrawalWindowDays Days after a reduction or stop in which a pain rise is attributed to withdrawal first (Rieb 2016; Wang 2011). Default 14.
 * @param cowsWithdrawalScore COWS total at or above which withdrawal is present (Wesson and Ling 2003: 5-12 mild). Default 5.
 * @param qtcDiscussMs QTc in ms from which methadone needs discussion and monitoring (Chou 2014). Default 450.
 * @param qtcContraindicatedMs QTc in ms above which methadone is not used (Chou 2014). Default 500.
 * @param nsaidAvoidCrClMlMin Creatinine clearance in mL/min below which NSAIDs are avoided (AGS Beers 2023). Default 30.
 * @param nsaidMonitorCrClMlMin Creatinine clearance in mL/min below which NSAIDs need kidney monitoring. Default 60.
 * @param olderAdultYears Age from which the older-adult cautions apply (AGS Beers 2023). Default 65.
 * @param maxPlausibleMme Daily MME above which a dose is treated as an entry error rather than assessed. Default 10000.
 * @param escalationRunDays Steps escalating the regimen within this many days of the previous step form one escalation run, judged as a whole (docs/definitions.md §2). Default 6.
 * @param episodeGapDays Uncovered days bridged inside an exposure episode; one more ends it (docs/definitions.md §0-1). Default 7.
 * @param largeReductionFraction Reduction (fraction of the dose before) after which early improvement, inside the withdrawal window, already counts as improvement after a reduction. Default 0.50.
 * @param slowWithdrawalWindowDays Withdrawal window after reducing methadone, an extended-release or a transdermal opioid (longer half-life). Default 21.
 * @param signBaselineDays Days up to the judged change day whose records give the baseline for spread, quality and allodynia. Default 90.
 * @param withdrawalSignsDays Days ending on asOf in which a withdrawal record or a COWS score counts as withdrawal signs. Default 7.
 * @param interdoseLookbackDays Days ending on asOf in which end-of-dose or missed-dose scores are compared. Default 90.
 * @param interdoseCompareDays Days either side of a timed score whose untimed scores give its comparison median. Default 7.
 * @param neuroexcitationDays Days ending on asOf in which myoclonus, delirium or hallucinations count as neuroexcitation. Default 14.
 * @param neuroexcitationAfterStopDays Days after the last opioid dose within which neuroexcitation is still attributed to it. Default 3.
 * @param neurotoxicityEscalationDays Days before the symptom in which an escalation strengthens neurotoxicity. Default 30.
 * @param severeRenalImpairmentMlMin Creatinine clearance or eGFR in mL/min below which kidney function is severely impaired (band below 30), strengthening opioid-induced neurotoxicity. Default 30.
 * @param problemPainScore Latest pain score at or above which pain is a problem for the insufficient-data finding. Default 4.
 * @param overdoseRiskFraction Fraction of the highest regimen value of the 30 days before at or below which a day's regimen counts as a fast reduction: tolerance falls, overdose risk if the previous dose is resumed (CDC 2022 Rec 5 and 8; ASAM). Default 0.50.
 * @param overdoseRiskDays Days ending on asOf in which a stop or fast reduction is reported as overdose risk, and days before it whose highest value it is compared with. Default 30.
 * @param renalAccumulationMlMin Creatinine clearance (or eGFR) in mL/min below which opioids with renally cleared active metabolites accumulate (Dean 2004; King 2011; AGS Beers 2023). Default 30.
 * @param oxymorphoneRenalMlMin Creatinine clearance (or eGFR) in mL/min below which oxymorphone needs a lower dose (oxymorphone label). Default 50.
 * @param recentObservationDays Days ending on asOf in which a QTc or kidney function counts as a baseline before starting an option; older values leave a check (Chou 2014: a QTc within 3 months). Default 90.
 * @param moudRecentDays Days ending on asOf in which methadone or buprenorphine for OUD, or an opioid antagonist, counts as treatment of opioid use disorder (CDC 2022 Rec 12). Default 90.
 * @param pregnancyCheckMinAge Youngest age at which pregnancy is a check before an NSAID for a female patient. Default 12.
 * @param pregnancyCheckMaxAge Oldest age at which pregnancy is a check before an NSAID for a female patient. Default 55.
 */
public record Config(double highDoseMme,
                     double veryHighDoseMme,
                     double supportiveDoseMme,
                     int longTermWindowDays,
                     int longTermMinDays,
                     int peakLookbackDays,
                     int lookbackDays,
                     double escalationFraction,
                     double reductionFraction,
                     int painBeforeDays,
                     int painBeforeFallbackDays,
                     int painAfterDelayDays,
                     int painAfterDays,
                     double meaningfulPainChange,
                     double meaningfulPainChangeFraction,
                     int sustainedFromDays,
                     int withdrawalWindowDays,
                     double cowsWithdrawalScore,
                     double qtcDiscussMs,
                     double qtcContraindicatedMs,
                     double nsaidAvoidCrClMlMin,
                     double nsaidMonitorCrClMlMin,
                     int olderAdultYears,
                     double maxPlausibleMme,
                     int escalationRunDays,
                     int episodeGapDays,
                     double largeReductionFraction,
                     int slowWithdrawalWindowDays,
                     int signBaselineDays,
                     int withdrawalSignsDays,
                     int interdoseLookbackDays,
                     int interdoseCompareDays,
                     int neuroexcitationDays,
                     int neuroexcitationAfterStopDays,
                     int neurotoxicityEscalationDays,
                     double problemPainScore,
                     double severeRenalImpairmentMlMin,
                     double overdoseRiskFraction,
                     int overdoseRiskDays,
                     double renalAccumulationMlMin,
                     double oxymorphoneRenalMlMin,
                     int recentObservationDays,
                     int moudRecentDays,
                     int pregnancyCheckMinAge,
                     int pregnancyCheckMaxAge) {

    /** @throws IllegalArgumentException naming the setting, the value and the accepted range */
    public Config {
        range("highDoseMme", highDoseMme, 1, 1000);
        range("veryHighDoseMme", veryHighDoseMme, 1, 1000);
        range("supportiveDoseMme", supportiveDoseMme, 1, 1000);
        range("longTermWindowDays", longTermWindowDays, 28, 365);
        range("longTermMinDays", longTermMinDays, 1, 365);
        range("peakLookbackDays", peakLookbackDays, 1, 3650);
        range("lookbackDays", lookbackDays, 30, 3650);
        range("escalationFraction", escalationFraction, 0.01, 10);
        range("reductionFraction", reductionFraction, 0.01, 1);
        range("painBeforeDays", painBeforeDays, 1, 365);
        range("painBeforeFallbackDays", painBeforeFallbackDays, 1, 365);
        range("painAfterDelayDays", painAfterDelayDays, 0, 90);
        range("painAfterDays", painAfterDays, 1, 365);
        range("meaningfulPainChange", meaningfulPainChange, 0.5, 10);
        range("meaningfulPainChangeFraction", meaningfulPainChangeFraction, 0.05, 1);
        range("sustainedFromDays", sustainedFromDays, 1, 365);
        range("withdrawalWindowDays", withdrawalWindowDays, 1, 60);
        range("cowsWithdrawalScore", cowsWithdrawalScore, 1, 48);
        range("qtcDiscussMs", qtcDiscussMs, 300, 700);
        range("qtcContraindicatedMs", qtcContraindicatedMs, 300, 700);
        range("nsaidAvoidCrClMlMin", nsaidAvoidCrClMlMin, 1, 200);
        range("nsaidMonitorCrClMlMin", nsaidMonitorCrClMlMin, 1, 200);
        range("olderAdultYears", olderAdultYears, 18, 120);
        range("maxPlausibleMme", maxPlausibleMme, 100, 100000);
        range("escalationRunDays", escalationRunDays, 1, 30);
        range("episodeGapDays", episodeGapDays, 0, 60);
        range("largeReductionFraction", largeReductionFraction, 0.1, 1);
        range("slowWithdrawalWindowDays", slowWithdrawalWindowDays, 1, 90);
        range("signBaselineDays", signBaselineDays, 1, 365);
        range("withdrawalSignsDays", withdrawalSignsDays, 1, 60);
        range("interdoseLookbackDays", interdoseLookbackDays, 1, 365);
        range("interdoseCompareDays", interdoseCompareDays, 1, 30);
        range("neuroexcitationDays", neuroexcitationDays, 1, 90);
        range("neuroexcitationAfterStopDays", neuroexcitationAfterStopDays, 0, 30);
        range("neurotoxicityEscalationDays", neurotoxicityEscalationDays, 1, 180);
        range("problemPainScore", problemPainScore, 1, 10);
        range("severeRenalImpairmentMlMin", severeRenalImpairmentMlMin, 1, 200);
        range("overdoseRiskFraction", overdoseRiskFraction, 0.05, 0.95);
        range("overdoseRiskDays", overdoseRiskDays, 7, 90);
        range("renalAccumulationMlMin", renalAccumulationMlMin, 1, 200);
        range("oxymorphoneRenalMlMin", oxymorphoneRenalMlMin, 1, 200);
        range("recentObservationDays", recentObservationDays, 1, 365);
        range("moudRecentDays", moudRecentDays, 1, 365);
        range("pregnancyCheckMinAge", pregnancyCheckMinAge, 0, 130);
        range("pregnancyCheckMaxAge", pregnancyCheckMaxAge, 0, 130);
        if (veryHighDoseMme < highDoseMme) {
            throw new InvalidRecordException("config.veryHighDoseMme", "must be >= highDoseMme (" + highDoseMme + ")",
                    veryHighDoseMme);
        }
        if (qtcContraindicatedMs < qtcDiscussMs) {
            throw new InvalidRecordException("config.qtcContraindicatedMs",
                    "must be >= qtcDiscussMs (" + qtcDiscussMs + ")", qtcContraindicatedMs);
        }
        if (longTermMinDays > longTermWindowDays) {
            throw new InvalidRecordException("config.longTermMinDays",
                    "must be <= longTermWindowDays (" + longTermWindowDays + ")", longTermMinDays);
        }
        if (pregnancyCheckMaxAge < pregnancyCheckMinAge) {
            throw new InvalidRecordException("config.pregnancyCheckMaxAge",
                    "must be >= pregnancyCheckMinAge (" + pregnancyCheckMinAge + ")", pregnancyCheckMaxAge);
        }
        if (painAfterDays <= painAfterDelayDays) {
            throw new InvalidRecordException("config.painAfterDays",
                    "must be > painAfterDelayDays (" + painAfterDelayDays + ")", painAfterDays);
        }
    }

    private static final Config DEFAULTS = builder().build();

    /** The documented defaults. */
    public static Config defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        Config c = this;
            b.highDoseMme = c.highDoseMme;
            b.veryHighDoseMme = c.veryHighDoseMme;
            b.supportiveDoseMme = c.supportiveDoseMme;
            b.longTermWindowDays = c.longTermWindowDays;
            b.longTermMinDays = c.longTermMinDays;
            b.peakLookbackDays = c.peakLookbackDays;
            b.lookbackDays = c.lookbackDays;
            b.escalationFraction = c.escalationFraction;
            b.reductionFraction = c.reductionFraction;
            b.painBeforeDays = c.painBeforeDays;
            b.painBeforeFallbackDays = c.painBeforeFallbackDays;
            b.painAfterDelayDays = c.painAfterDelayDays;
            b.painAfterDays = c.painAfterDays;
            b.meaningfulPainChange = c.meaningfulPainChange;
            b.meaningfulPainChangeFraction = c.meaningfulPainChangeFraction;
            b.sustainedFromDays = c.sustainedFromDays;
            b.withdrawalWindowDays = c.withdrawalWindowDays;
            b.cowsWithdrawalScore = c.cowsWithdrawalScore;
            b.qtcDiscussMs = c.qtcDiscussMs;
            b.qtcContraindicatedMs = c.qtcContraindicatedMs;
            b.nsaidAvoidCrClMlMin = c.nsaidAvoidCrClMlMin;
            b.nsaidMonitorCrClMlMin = c.nsaidMonitorCrClMlMin;
            b.olderAdultYears = c.olderAdultYears;
            b.maxPlausibleMme = c.maxPlausibleMme;
            b.escalationRunDays = c.escalationRunDays;
            b.episodeGapDays = c.episodeGapDays;
            b.largeReductionFraction = c.largeReductionFraction;
            b.slowWithdrawalWindowDays = c.slowWithdrawalWindowDays;
            b.signBaselineDays = c.signBaselineDays;
            b.withdrawalSignsDays = c.withdrawalSignsDays;
            b.interdoseLookbackDays = c.interdoseLookbackDays;
            b.interdoseCompareDays = c.interdoseCompareDays;
            b.neuroexcitationDays = c.neuroexcitationDays;
            b.neuroexcitationAfterStopDays = c.neuroexcitationAfterStopDays;
            b.neurotoxicityEscalationDays = c.neurotoxicityEscalationDays;
            b.problemPainScore = c.problemPainScore;
            b.severeRenalImpairmentMlMin = c.severeRenalImpairmentMlMin;
            b.overdoseRiskFraction = c.overdoseRiskFraction;
            b.overdoseRiskDays = c.overdoseRiskDays;
            b.renalAccumulationMlMin = c.renalAccumulationMlMin;
            b.oxymorphoneRenalMlMin = c.oxymorphoneRenalMlMin;
            b.recentObservationDays = c.recentObservationDays;
            b.moudRecentDays = c.moudRecentDays;
            b.pregnancyCheckMinAge = c.pregnancyCheckMinAge;
            b.pregnancyCheckMaxAge = c.pregnancyCheckMaxAge;
        return b;
    }

    private static void range(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidRecordException("config." + name, "must be between " + fmt(min) + " and " + fmt(max),
                    fmt(value));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Builds a {@link Config}; range checks happen in {@link #build()}. */
    public static final class Builder {
        private double highDoseMme = 50;
        private double veryHighDoseMme = 90;
        private double supportiveDoseMme = 75;
        private int longTermWindowDays = 90;
        private int longTermMinDays = 63;
        private int peakLookbackDays = 365;
        private int lookbackDays = 180;
        private double escalationFraction = 0.20;
        private double reductionFraction = 0.10;
        private int painBeforeDays = 30;
        private int painBeforeFallbackDays = 90;
        private int painAfterDelayDays = 7;
        private int painAfterDays = 90;
        private double meaningfulPainChange = 2;
        private double meaningfulPainChangeFraction = 0.30;
        private int sustainedFromDays = 28;
        private int withdrawalWindowDays = 14;
        private double cowsWithdrawalScore = 5;
        private double qtcDiscussMs = 450;
        private double qtcContraindicatedMs = 500;
        private double nsaidAvoidCrClMlMin = 30;
        private double nsaidMonitorCrClMlMin = 60;
        private int olderAdultYears = 65;
        private double maxPlausibleMme = 10000;
        private int escalationRunDays = 6;
        private int episodeGapDays = 7;
        private double largeReductionFraction = 0.50;
        private int slowWithdrawalWindowDays = 21;
        private int signBaselineDays = 90;
        private int withdrawalSignsDays = 7;
        private int interdoseLookbackDays = 90;
        private int interdoseCompareDays = 7;
        private int neuroexcitationDays = 14;
        private int neuroexcitationAfterStopDays = 3;
        private int neurotoxicityEscalationDays = 30;
        private double problemPainScore = 4;
        private double severeRenalImpairmentMlMin = 30;
        private double overdoseRiskFraction = 0.50;
        private int overdoseRiskDays = 30;
        private double renalAccumulationMlMin = 30;
        private double oxymorphoneRenalMlMin = 50;
        private int recentObservationDays = 90;
        private int moudRecentDays = 90;
        private int pregnancyCheckMinAge = 12;
        private int pregnancyCheckMaxAge = 55;

        private Builder() {
        }

        /** @see Config#highDoseMme() */
        public Builder highDoseMme(double value) { this.highDoseMme = value; return this; }
        /** @see Config#veryHighDoseMme() */
        public Builder veryHighDoseMme(double value) { this.veryHighDoseMme = value; return this; }
        /** @see Config#supportiveDoseMme() */
        public Builder supportiveDoseMme(double value) { this.supportiveDoseMme = value; return this; }
        /** @see Config#longTermWindowDays() */
        public Builder longTermWindowDays(int value) { this.longTermWindowDays = value; return this; }
        /** @see Config#longTermMinDays() */
        public Builder longTermMinDays(int value) { this.longTermMinDays = value; return this; }
        /** @see Config#peakLookbackDays() */
        public Builder peakLookbackDays(int value) { this.peakLookbackDays = value; return this; }
        /** @see Config#lookbackDays() */
        public Builder lookbackDays(int value) { this.lookbackDays = value; return this; }
        /** @see Config#escalationFraction() */
        public Builder escalationFraction(double value) { this.escalationFraction = value; return this; }
        /** @see Config#reductionFraction() */
        public Builder reductionFraction(double value) { this.reductionFraction = value; return this; }
        /** @see Config#painBeforeDays() */
        public Builder painBeforeDays(int value) { this.painBeforeDays = value; return this; }
        /** @see Config#painBeforeFallbackDays() */
        public Builder painBeforeFallbackDays(int value) { this.painBeforeFallbackDays = value; return this; }
        /** @see Config#painAfterDelayDays() */
        public Builder painAfterDelayDays(int value) { this.painAfterDelayDays = value; return this; }
        /** @see Config#painAfterDays() */
        public Builder painAfterDays(int value) { this.painAfterDays = value; return this; }
        /** @see Config#meaningfulPainChange() */
        public Builder meaningfulPainChange(double value) { this.meaningfulPainChange = value; return this; }
        /** @see Config#meaningfulPainChangeFraction() */
        public Builder meaningfulPainChangeFraction(double value) { this.meaningfulPainChangeFraction = value; return this; }
        /** @see Config#sustainedFromDays() */
        public Builder sustainedFromDays(int value) { this.sustainedFromDays = value; return this; }
        /** @see Config#withdrawalWindowDays() */
        public Builder withdrawalWindowDays(int value) { this.withdrawalWindowDays = value; return this; }
        /** @see Config#cowsWithdrawalScore() */
        public Builder cowsWithdrawalScore(double value) { this.cowsWithdrawalScore = value; return this; }
        /** @see Config#qtcDiscussMs() */
        public Builder qtcDiscussMs(double value) { this.qtcDiscussMs = value; return this; }
        /** @see Config#qtcContraindicatedMs() */
        public Builder qtcContraindicatedMs(double value) { this.qtcContraindicatedMs = value; return this; }
        /** @see Config#nsaidAvoidCrClMlMin() */
        public Builder nsaidAvoidCrClMlMin(double value) { this.nsaidAvoidCrClMlMin = value; return this; }
        /** @see Config#nsaidMonitorCrClMlMin() */
        public Builder nsaidMonitorCrClMlMin(double value) { this.nsaidMonitorCrClMlMin = value; return this; }
        /** @see Config#olderAdultYears() */
        public Builder olderAdultYears(int value) { this.olderAdultYears = value; return this; }
        /** @see Config#maxPlausibleMme() */
        public Builder maxPlausibleMme(double value) { this.maxPlausibleMme = value; return this; }
        /** @see Config#escalationRunDays() */
        public Builder escalationRunDays(int value) { this.escalationRunDays = value; return this; }
        /** @see Config#episodeGapDays() */
        public Builder episodeGapDays(int value) { this.episodeGapDays = value; return this; }
        /** @see Config#largeReductionFraction() */
        public Builder largeReductionFraction(double value) { this.largeReductionFraction = value; return this; }
        /** @see Config#slowWithdrawalWindowDays() */
        public Builder slowWithdrawalWindowDays(int value) { this.slowWithdrawalWindowDays = value; return this; }
        /** @see Config#signBaselineDays() */
        public Builder signBaselineDays(int value) { this.signBaselineDays = value; return this; }
        /** @see Config#withdrawalSignsDays() */
        public Builder withdrawalSignsDays(int value) { this.withdrawalSignsDays = value; return this; }
        /** @see Config#interdoseLookbackDays() */
        public Builder interdoseLookbackDays(int value) { this.interdoseLookbackDays = value; return this; }
        /** @see Config#interdoseCompareDays() */
        public Builder interdoseCompareDays(int value) { this.interdoseCompareDays = value; return this; }
        /** @see Config#neuroexcitationDays() */
        public Builder neuroexcitationDays(int value) { this.neuroexcitationDays = value; return this; }
        /** @see Config#neuroexcitationAfterStopDays() */
        public Builder neuroexcitationAfterStopDays(int value) { this.neuroexcitationAfterStopDays = value; return this; }
        /** @see Config#neurotoxicityEscalationDays() */
        public Builder neurotoxicityEscalationDays(int value) { this.neurotoxicityEscalationDays = value; return this; }
        /** @see Config#problemPainScore() */
        public Builder problemPainScore(double value) { this.problemPainScore = value; return this; }
        /** @see Config#severeRenalImpairmentMlMin() */
        public Builder severeRenalImpairmentMlMin(double value) { this.severeRenalImpairmentMlMin = value; return this; }

        /** @see Config#overdoseRiskFraction() */
        public Builder overdoseRiskFraction(double value) { this.overdoseRiskFraction = value; return this; }
        /** @see Config#overdoseRiskDays() */
        public Builder overdoseRiskDays(int value) { this.overdoseRiskDays = value; return this; }
        /** @see Config#renalAccumulationMlMin() */
        public Builder renalAccumulationMlMin(double value) { this.renalAccumulationMlMin = value; return this; }
        /** @see Config#oxymorphoneRenalMlMin() */
        public Builder oxymorphoneRenalMlMin(double value) { this.oxymorphoneRenalMlMin = value; return this; }
        /** @see Config#recentObservationDays() */
        public Builder recentObservationDays(int value) { this.recentObservationDays = value; return this; }
        /** @see Config#moudRecentDays() */
        public Builder moudRecentDays(int value) { this.moudRecentDays = value; return this; }
        /** @see Config#pregnancyCheckMinAge() */
        public Builder pregnancyCheckMinAge(int value) { this.pregnancyCheckMinAge = value; return this; }
        /** @see Config#pregnancyCheckMaxAge() */
        public Builder pregnancyCheckMaxAge(int value) { this.pregnancyCheckMaxAge = value; return this; }

        /** @throws IllegalArgumentException naming the setting, the value and the accepted range */
        public Config build() {
            return new Config(highDoseMme, veryHighDoseMme, supportiveDoseMme, longTermWindowDays, longTermMinDays, peakLookbackDays, lookbackDays, escalationFraction, reductionFraction, painBeforeDays, painBeforeFallbackDays, painAfterDelayDays, painAfterDays, meaningfulPainChange, meaningfulPainChangeFraction, sustainedFromDays, withdrawalWindowDays, cowsWithdrawalScore, qtcDiscussMs, qtcContraindicatedMs, nsaidAvoidCrClMlMin, nsaidMonitorCrClMlMin, olderAdultYears, maxPlausibleMme, escalationRunDays, episodeGapDays, largeReductionFraction, slowWithdrawalWindowDays, signBaselineDays, withdrawalSignsDays, interdoseLookbackDays, interdoseCompareDays, neuroexcitationDays, neuroexcitationAfterStopDays, neurotoxicityEscalationDays, problemPainScore, severeRenalImpairmentMlMin, overdoseRiskFraction, overdoseRiskDays, renalAccumulationMlMin, oxymorphoneRenalMlMin, recentObservationDays, moudRecentDays, pregnancyCheckMinAge, pregnancyCheckMaxAge);
        }
    }
}
