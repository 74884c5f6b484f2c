package org.oihkb.engine.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.oihkb.engine.Config;
import org.oihkb.facts.CumulativeEscalation;
import org.oihkb.facts.DoseChange;
import org.oihkb.facts.Ids;
import org.oihkb.facts.InterdosePain;
import org.oihkb.facts.Measurement;
import org.oihkb.facts.PainResponse;
import org.oihkb.facts.PainScores;
import org.oihkb.facts.QualityShift;
import org.oihkb.facts.SiteSpread;
import org.oihkb.model.BodyRegion;
import org.oihkb.model.BodySite;
import org.oihkb.model.DoseMme;
import org.oihkb.model.Observation;
import org.oihkb.model.ObservationCode;
import org.oihkb.model.PainQuality;
import org.oihkb.model.PainTiming;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.QualityClass;
import org.oihkb.model.Symptom;
import org.oihkb.model.SymptomKind;

/**
 * Layer 1 of the knowledge base for the course of dose and pain (DEFINITIONS.md): dose changes, the pain
 * response around each, spread of sites and change of quality. Medians, windows and set differences are
 * computed once here, with the configured thresholds, so the rules state the clinical criteria over a
 * handful of compact facts and nothing joins every dose with every symptom.
 */
public final class ClinicalTimeline {

    private static final Comparator<Symptom> BY_DATE_THEN_ID = Comparator.comparing(Symptom::date)
            .thenComparing(Symptom::id);

    private final Config config;

    /** A timeline builder for one configuration; immutable and thread-safe. */
    public ClinicalTimeline(Config config) {
        this.config = config;
    }

    /** Every derived fact of one record, ready to insert. */
    public List<Object> facts(PatientRecord record, List<DoseMme> trace, DoseSeries series) {
        LocalDate asOf = record.asOf();
        List<Symptom> scores = new ArrayList<>();
        for (Symptom s : record.symptoms()) {
            if (s.isPainScore()) {
                scores.add(s);
            }
        }
        scores.sort(BY_DATE_THEN_ID);
        List<Object> out = new ArrayList<>();
        out.add(new PainScores(scores.size()));

        List<DoseChange> changes = changes(series, trace, asOf);
        out.addAll(changes);
        for (DoseChange c : changes) {
            if (c.kind() != DoseChange.Kind.OTHER) {
                out.add(response(c.id(), c.day(), c.kind(), scores, asOf));
            }
        }
        CumulativeEscalation cumulative = cumulative(series, asOf);
        if (cumulative != null) {
            out.add(cumulative);
            out.add(response(cumulative.id(), cumulative.firstRiseDay(), DoseChange.Kind.ESCALATION, scores, asOf));
        }

        LocalDate reference = cumulative != null ? cumulative.firstRiseDay() : scores.isEmpty() ? null
                : scores.get(0).date();
        for (DoseChange c : changes) {
            if (c.kind() == DoseChange.Kind.ESCALATION) {
                reference = c.day();
                break;
            }
        }
        if (reference != null) {
            out.add(spread(record.symptoms(), reference));
            out.add(quality(scores, reference));
        }
        InterdosePain interdose = interdose(scores);
        if (interdose != null) {
            out.add(interdose);
        }
        measurements(record, out);
        return out;
    }

    private static void measurements(PatientRecord record, List<Object> out) {
        Observation qtc = latest(record, ObservationCode.QTC_MS);
        if (qtc != null) {
            out.add(new Measurement(Measurement.Kind.QTC, qtc.value(), qtc.date(), qtc.id(), "QTc"));
        }
        Observation crcl = latest(record, ObservationCode.CREATININE_CLEARANCE);
        Observation egfr = latest(record, ObservationCode.EGFR);
        if (crcl != null) {
            out.add(new Measurement(Measurement.Kind.KIDNEY_FUNCTION, crcl.value(), crcl.date(), crcl.id(),
                    "creatinine clearance"));
        } else if (egfr != null) {
            out.add(new Measurement(Measurement.Kind.KIDNEY_FUNCTION, egfr.value(), egfr.date(), egfr.id(), "eGFR"));
        }
        Observation cows = latest(record, ObservationCode.COWS_SCORE);
        if (cows != null) {
            out.add(new Measurement(Measurement.Kind.COWS, cows.value(), cows.date(), cows.id(), "COWS"));
        }
    }

    private static Observation latest(PatientRecord record, ObservationCode code) {
        Observation best = null;
        for (Observation o : record.observations()) {
            if (o.code() == code && o.usableOn(record.asOf()) && (best == null || o.date().isAfter(best.date())
                    || (o.date().equals(best.date()) && o.id().compareTo(best.id()) > 0))) {
                best = o;
            }
        }
        return best;
    }

    private List<DoseChange> changes(DoseSeries series, List<DoseMme> trace, LocalDate asOf) {
        LocalDate windowStart = asOf.minusDays(config.lookbackDays());
        Set<LocalDate> days = new TreeSet<>();
        for (DoseSeries.Segment s : series.segments()) {
            days.add(s.from());
            days.add(s.to().plusDays(1));
        }
        List<DoseChange> out = new ArrayList<>();
        for (LocalDate day : days) {
            if (!day.isAfter(windowStart) || day.isAfter(asOf)) {
                continue;
            }
            double before = series.trendOn(day.minusDays(1));
            double after = series.trendOn(day);
            if (before == after) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            for (DoseMme t : trace) {
                if (t.countsForThresholds() && (t.from().equals(day) || day.minusDays(1).equals(t.to()))) {
                    ids.add(t.doseId());
                }
            }
            ids.sort(null);
            out.add(new DoseChange("change-" + day, day, before, after, kind(before, after), ids));
        }
        return out;
    }

    private DoseChange.Kind kind(double before, double after) {
        if (before > 0 && after >= before * (1 + config.escalationFraction())) {
            return DoseChange.Kind.ESCALATION;
        }
        if (before > 0 && after == 0) {
            return DoseChange.Kind.STOP;
        }
        if (before > 0 && after <= before * (1 - config.reductionFraction())) {
            return DoseChange.Kind.REDUCTION;
        }
        return DoseChange.Kind.OTHER;
    }

    private CumulativeEscalation cumulative(DoseSeries series, LocalDate asOf) {
        LocalDate from = asOf.minusDays(config.lookbackDays());
        double before = series.trendOn(from);
        double after = series.trendOn(asOf);
        if (before <= 0 || after < before * (1 + config.escalationFraction())) {
            return null;
        }
        LocalDate firstRise = null;
        for (DoseSeries.Segment s : series.segments()) {
            LocalDate day = s.from();
            if (day.isAfter(from) && !day.isAfter(asOf) && series.trendOn(day) > series.trendOn(day.minusDays(1))) {
                firstRise = day;
                break;
            }
        }
        return firstRise == null ? null : new CumulativeEscalation("cumulative-escalation", from, firstRise, before, after);
    }

    private PainResponse response(String id, LocalDate c, DoseChange.Kind kind, List<Symptom> scores, LocalDate asOf) {
        List<String> evidence = new ArrayList<>();
        List<Symptom> beforeScores = between(scores, c.minusDays(config.painBeforeDays()), c.minusDays(1));
        if (beforeScores.isEmpty()) {
            List<Symptom> fallback = between(scores, c.minusDays(config.painBeforeFallbackDays()), c.minusDays(1));
            if (!fallback.isEmpty()) {
                LocalDate latest = fallback.get(fallback.size() - 1).date();
                beforeScores = new ArrayList<>();
                for (Symptom s : fallback) {
                    if (s.date().equals(latest)) {
                        beforeScores.add(s);
                    }
                }
            }
        }
        boolean reduction = kind == DoseChange.Kind.REDUCTION || kind == DoseChange.Kind.STOP;
        int afterFrom = reduction ? config.withdrawalWindowDays() + 1 : config.painAfterDelayDays();
        List<Symptom> afterScores = between(scores, c.plusDays(afterFrom), c.plusDays(config.painAfterDays()));
        Double before = median(beforeScores);
        Double after = median(afterScores);
        beforeScores.forEach(s -> evidence.add(s.id()));
        afterScores.forEach(s -> evidence.add(s.id()));

        double m = config.meaningfulPainChange();
        boolean rises = false;
        if (reduction && before != null) {
            for (Symptom s : between(scores, c, c.plusDays(config.withdrawalWindowDays()))) {
                if (s.intensity() - before >= m) {
                    rises = true;
                    evidence.add(s.id());
                }
            }
        }
        if (before == null || after == null) {
            String missing = before == null
                    ? "no pain score in the " + config.painBeforeFallbackDays() + " days before the dose change on " + c
                    : "no pain score " + afterFrom + " to " + config.painAfterDays() + " days after the dose change on "
                        + c;
            return new PainResponse(id, c, kind, PainResponse.Outcome.NOT_ASSESSABLE, before, after, false, rises,
                    missing, Ids.sortedDistinct(evidence));
        }
        double drop = before - after;
        PainResponse.Outcome outcome;
        if (drop >= m || (drop >= config.meaningfulPainChangeFraction() * before && drop >= 1)) {
            outcome = PainResponse.Outcome.IMPROVED;
        } else if (after - before >= m) {
            outcome = PainResponse.Outcome.WORSENED;
        } else {
            outcome = PainResponse.Outcome.UNCHANGED;
        }
        boolean sustained = false;
        if (outcome == PainResponse.Outcome.IMPROVED) {
            List<Symptom> later = between(scores, c.plusDays(config.sustainedFromDays()), asOf);
            sustained = !later.isEmpty();
            for (Symptom s : later) {
                sustained &= s.intensity() <= before - m;
            }
        }
        return new PainResponse(id, c, kind, outcome, before, after, sustained, rises, null,
                Ids.sortedDistinct(evidence));
    }

    private static List<Symptom> between(List<Symptom> scores, LocalDate from, LocalDate to) {
        List<Symptom> out = new ArrayList<>();
        for (Symptom s : scores) {
            if (!s.date().isBefore(from) && !s.date().isAfter(to)) {
                out.add(s);
            }
        }
        return out;
    }

    static Double median(List<Symptom> scores) {
        if (scores.isEmpty()) {
            return null;
        }
        int n = scores.size();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scores.get(i).intensity();
        }
        Arrays.sort(v);
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static SiteSpread spread(List<Symptom> symptoms, LocalDate reference) {
        Set<BodyRegion> original = EnumSet.noneOf(BodyRegion.class);
        Set<BodyRegion> later = EnumSet.noneOf(BodyRegion.class);
        Set<BodyRegion> laterPain = EnumSet.noneOf(BodyRegion.class);
        boolean widespread = false;
        boolean laterSites = false;
        List<String> evidence = new ArrayList<>();
        for (Symptom s : symptoms) {
            if (!s.present() || s.sites().isEmpty()) {
                continue;
            }
            boolean pain = s.kind() == SymptomKind.PAIN;
            if (pain && !s.date().isAfter(reference)) {
                s.sites().forEach(site -> original.addAll(site.regions()));
            }
        }
        for (Symptom s : symptoms) {
            boolean relevant = s.kind() == SymptomKind.PAIN || s.kind() == SymptomKind.ALLODYNIA
                    || s.kind() == SymptomKind.HYPERALGESIA;
            if (!relevant || !s.present() || s.sites().isEmpty() || !s.date().isAfter(reference)) {
                continue;
            }
            laterSites = true;
            Set<BodyRegion> regions = EnumSet.noneOf(BodyRegion.class);
            s.sites().forEach(site -> regions.addAll(site.regions()));
            regions.removeAll(original);
            if (!regions.isEmpty()) {
                evidence.add(s.id());
                later.addAll(regions);
                if (s.kind() == SymptomKind.PAIN) {
                    laterPain.addAll(regions);
                }
            }
            if (s.sites().contains(BodySite.WIDESPREAD) && !regions.isEmpty()) {
                widespread = true;
            }
        }
        return new SiteSpread(original, later, laterPain, widespread, laterSites && !original.isEmpty(),
                Ids.sortedDistinct(evidence));
    }

    private static QualityShift quality(List<Symptom> scores, LocalDate reference) {
        Set<QualityClass> original = EnumSet.noneOf(QualityClass.class);
        Set<QualityClass> fresh = EnumSet.noneOf(QualityClass.class);
        Set<String> words = new TreeSet<>();
        boolean laterQuality = false;
        List<String> evidence = new ArrayList<>();
        for (Symptom s : scores) {
            if (!s.date().isAfter(reference)) {
                s.quality().forEach(q -> original.add(q.qualityClass()));
            }
        }
        for (Symptom s : scores) {
            if (!s.date().isAfter(reference) || s.quality().isEmpty()) {
                continue;
            }
            laterQuality = true;
            for (PainQuality q : s.quality()) {
                if (!original.contains(q.qualityClass())) {
                    fresh.add(q.qualityClass());
                    words.add(q.code());
                    evidence.add(s.id());
                }
            }
        }
        return new QualityShift(original, fresh, laterQuality && !original.isEmpty(), Ids.sortedDistinct(evidence),
                String.join(", ", words));
    }

    private InterdosePain interdose(List<Symptom> scores) {
        List<String> timed = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        double excess = 0;
        for (Symptom s : scores) {
            if (!(s.timing().contains(PainTiming.END_OF_DOSE) || s.timing().contains(PainTiming.AFTER_MISSED_DOSE))) {
                continue;
            }
            for (Symptom o : between(scores, s.date().minusDays(7), s.date().plusDays(7))) {
                if (o.timing().contains(PainTiming.END_OF_DOSE) || o.timing().contains(PainTiming.AFTER_MISSED_DOSE)) {
                    continue;
                }
                double diff = s.intensity() - o.intensity();
                if (diff >= config.meaningfulPainChange()) {
                    timed.add(s.id());
                    compared.add(o.id());
                    excess = Math.max(excess, diff);
                }
            }
        }
        return timed.isEmpty() ? null
                : new InterdosePain(Ids.sortedDistinct(timed), Ids.sortedDistinct(compared), excess);
    }
}
