package org.oihkb.engine.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.oihkb.engine.Config;
import org.oihkb.facts.AllodyniaCourse;
import org.oihkb.facts.CumulativeEscalation;
import org.oihkb.facts.CumulativeReduction;
import org.oihkb.facts.DoseChange;
import org.oihkb.facts.EscalationRun;
import org.oihkb.facts.Ids;
import org.oihkb.facts.InterdosePain;
import org.oihkb.facts.Measurement;
import org.oihkb.facts.Neuroexcitation;
import org.oihkb.facts.PainProblem;
import org.oihkb.facts.PainResponse;
import org.oihkb.facts.PainScores;
import org.oihkb.facts.QualityShift;
import org.oihkb.facts.SignBaseline;
import org.oihkb.facts.SiteSpread;
import org.oihkb.facts.Text;
import org.oihkb.model.BodyRegion;
import org.oihkb.model.BodySite;
import org.oihkb.model.Condition;
import org.oihkb.model.ConditionCode;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DoseMme;
import org.oihkb.model.DosePurpose;
import org.oihkb.model.Drug;
import org.oihkb.model.Observation;
import org.oihkb.model.ObservationCode;
import org.oihkb.model.PainQuality;
import org.oihkb.model.PainTiming;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.QualityClass;
import org.oihkb.model.Release;
import org.oihkb.model.Route;
import org.oihkb.model.Symptom;
import org.oihkb.model.SymptomKind;

/**
 * Layer 1 of the knowledge base for the course of dose and pain (docs/definitions.md §2-5): significant changes of
 * the regimen, runs of close steps, cumulative escalation and reduction, the pain response to each, which
 * escalation criterion (2) is judged on, the signs against a bounded baseline, neuroexcitation and whether pain is
 * a problem. Medians, windows and set differences are computed once here, with the configured thresholds, so the
 * rules state the clinical criteria over a handful of compact facts and nothing joins every dose with every symptom.
 */
public final class ClinicalTimeline {

    private static final Comparator<Symptom> BY_DATE_THEN_ID = Comparator.comparing(Symptom::date)
            .thenComparing(Symptom::id);
    private static final Set<SymptomKind> NEURO = EnumSet.of(SymptomKind.MYOCLONUS, SymptomKind.DELIRIUM,
            SymptomKind.HALLUCINATIONS);

    private final Config config;

    /** A timeline builder for one configuration; immutable and thread-safe. */
    public ClinicalTimeline(Config config) {
        this.config = config;
    }

    /** The regimen of one day: its pain doses, whether all have an MME, the total and each series. */
    private record Regimen(int painDoses, boolean complete, double mme, Map<String, Double> series) {
        static final Regimen NONE = new Regimen(0, true, 0, Map.of());

        static Regimen of(DoseSeries.Segment s) {
            return s == null ? NONE : new Regimen(s.painDoses(), s.complete(), s.trendMmePerDay(), s.series());
        }

        boolean any() {
            return painDoses > 0;
        }
    }

    /** Everything the timeline needs about one record, computed once. */
    private final class Course {
        final PatientRecord record;
        final LocalDate asOf;
        final List<DoseMme> trace;
        final DoseSeries series;
        final Map<String, DoseEvent> doses = new HashMap<>();
        final List<Symptom> scores = new ArrayList<>();
        final List<LocalDate[]> episodes = new ArrayList<>();
        final LocalDate lookbackStart;
        final ExposureCalculator calculator;

        Course(PatientRecord record, List<DoseMme> trace, DoseSeries series, ExposureCalculator calculator) {
            this.record = record;
            this.asOf = record.asOf();
            this.trace = trace;
            this.series = series;
            this.calculator = calculator;
            this.lookbackStart = asOf.minusDays(config.lookbackDays() - 1L);
            record.doses().forEach(d -> doses.put(d.id(), d));
            for (Symptom s : record.symptoms()) {
                if (s.isPainScore()) {
                    scores.add(s);
                }
            }
            scores.sort(BY_DATE_THEN_ID);
            LocalDate[] open = null;
            for (DoseSeries.Segment s : series.segments()) {
                if (s.painDoses() == 0) {
                    continue;
                }
                if (open != null && !s.from().isAfter(open[1].plusDays(config.episodeGapDays() + 1L))) {
                    open[1] = s.to();
                } else {
                    open = new LocalDate[] {s.from(), s.to()};
                    episodes.add(open);
                }
            }
        }

        Regimen on(LocalDate day) {
            return Regimen.of(series.at(day));
        }

        /** The exposure episode that contains {@code day}, or {@code null}. */
        LocalDate[] episodeOf(LocalDate day) {
            for (LocalDate[] e : episodes) {
                if (!day.isBefore(e[0]) && !day.isAfter(e[1])) {
                    return e;
                }
            }
            return null;
        }

        boolean longTermOn(LocalDate day) {
            return calculator.longTermOn(trace, day);
        }
    }

    /** Every derived fact of one record, ready to insert. */
    public List<Object> facts(PatientRecord record, List<DoseMme> trace, DoseSeries series,
                              ExposureCalculator calculator) {
        Course c = new Course(record, trace, series, calculator);
        List<Object> out = new ArrayList<>();
        out.add(new PainScores(c.scores.size()));

        List<DoseChange> changes = changes(c);
        out.addAll(changes);
        List<EscalationRun> runs = runs(changes);
        out.addAll(runs);
        Set<String> inRun = new TreeSet<>();
        runs.forEach(r -> inRun.addAll(r.stepIds()));

        List<PainResponse> responses = new ArrayList<>();
        for (DoseChange ch : changes) {
            if (ch.kind() == DoseChange.Kind.ESCALATION && !inRun.contains(ch.id())) {
                responses.add(escalationResponse(c, changes, ch.id(), ch.day(), ch.day(), PainResponse.Scope.STEP,
                        ch.text()));
            } else if (ch.reduction()) {
                responses.add(reductionResponse(c, changes, ch.id(), ch.day(), ch.day(), ch.kind(),
                        PainResponse.Scope.STEP, ch.text(), ch.fraction(), ch.withdrawalWindowDays()));
            }
        }
        for (EscalationRun r : runs) {
            responses.add(escalationResponse(c, changes, r.id(), r.first(), r.last(), PainResponse.Scope.RUN, r.text()));
        }
        CumulativeEscalation cumulative = cumulative(c, changes, c.asOf, out);
        if (cumulative != null) {
            out.add(cumulative);
            boolean stepInside = false;
            for (DoseChange ch : changes) {
                stepInside |= ch.kind() == DoseChange.Kind.ESCALATION && ch.day().isAfter(cumulative.referenceDay());
            }
            if (!stepInside) {
                responses.add(escalationResponse(c, changes, cumulative.id(), cumulative.changeDay(),
                        cumulative.lastIncreaseDay(), PainResponse.Scope.CUMULATIVE, cumulative.text()));
            }
        }
        CumulativeReduction taper = cumulativeReduction(c, changes);
        if (taper != null) {
            out.add(taper);
            responses.add(reductionResponse(c, changes, taper.id(), taper.firstStepDown(), taper.lastStepDown(),
                    DoseChange.Kind.REDUCTION, PainResponse.Scope.CUMULATIVE, taper.text(), 0,
                    withdrawalWindow(c, taper.firstStepDown())));
        }
        responses = decide(c, responses, cumulative);
        out.addAll(responses);

        LocalDate f = null;
        for (PainResponse r : responses) {
            if (r.judged()) {
                f = r.changeDay();
            }
        }
        LocalDate baselineFrom = f == null ? c.lookbackStart : f.minusDays(config.signBaselineDays());
        LocalDate baselineTo = f == null ? c.lookbackStart.plusDays(config.painBeforeDays() - 1L) : f;
        out.add(new SignBaseline(f, baselineFrom, baselineTo, f == null ? c.lookbackStart : f.minusDays(30)));
        SiteSpread spread = spread(c, baselineFrom, baselineTo);
        QualityShift quality = quality(c, baselineFrom, baselineTo);
        AllodyniaCourse allodynia = allodynia(c, changes, baselineFrom, baselineTo);
        out.add(spread);
        out.add(quality);
        if (allodynia != null) {
            out.add(allodynia);
        }
        InterdosePain interdose = interdose(c);
        if (interdose != null) {
            out.add(interdose);
        }
        Neuroexcitation neuro = neuroexcitation(c, changes);
        if (neuro != null) {
            out.add(neuro);
        }
        PainProblem problem = painProblem(c, changes, responses, spread, quality, allodynia);
        if (problem != null) {
            out.add(problem);
        }
        measurements(record, out);
        return out;
    }

    // --- §2 dose changes ---

    private List<DoseChange> changes(Course c) {
        Set<LocalDate> days = new TreeSet<>();
        for (DoseSeries.Segment s : c.series.segments()) {
            days.add(s.from());
            days.add(s.to().plusDays(1));
        }
        List<DoseChange> out = new ArrayList<>();
        for (LocalDate day : days) {
            if (day.isBefore(c.lookbackStart) || day.isAfter(c.asOf)) {
                continue;
            }
            Regimen before = c.on(day.minusDays(1));
            Regimen after = c.on(day);
            if (!before.any() && !after.any()) {
                continue;
            }
            DoseChange change = classify(c, day, before, after);
            if (change != null) {
                out.add(change);
            }
        }
        return out;
    }

    private DoseChange classify(Course c, LocalDate day, Regimen before, Regimen after) {
        List<String> ids = doseIdsAround(c, day);
        String id = "change-" + day;
        if (!before.any()) {
            LocalDate[] episode = c.episodeOf(day);
            boolean initiation = episode != null && episode[0].equals(day);
            return initiation ? new DoseChange(id, day, DoseChange.Kind.INITIATION, "mme", null, null,
                    "started: " + describe(c, after), 0, 0, ids) : null;
        }
        if (!after.any()) {
            boolean anyOpioid = c.series.anyOpioidOn(day);
            return new DoseChange(id, day, DoseChange.Kind.STOP, "mme", null, null,
                    anyOpioid ? "pain opioid stopped" : "all opioids stopped", 1,
                    withdrawalWindow(c, day), ids);
        }
        if (before.complete() && after.complete()) {
            if (same(before.mme(), after.mme())) {
                return null;
            }
            String text = Text.num(before.mme()) + " to " + Text.mme(after.mme());
            if (before.mme() > 0 && atLeast(after.mme(), before.mme(), 1 + config.escalationFraction())) {
                double rise = (after.mme() - before.mme()) / before.mme();
                return new DoseChange(id, day, DoseChange.Kind.ESCALATION, "mme", before.mme(), after.mme(),
                        text + " (+" + Math.round(rise * 100) + "%)", rise, 0, ids);
            }
            if (before.mme() > 0 && atMost(after.mme(), before.mme(), 1 - config.reductionFraction())) {
                double fall = (before.mme() - after.mme()) / before.mme();
                return new DoseChange(id, day, DoseChange.Kind.REDUCTION, "mme", before.mme(), after.mme(),
                        text + " (-" + Math.round(fall * 100) + "%)", fall, withdrawalWindow(c, day), ids);
            }
            return new DoseChange(id, day, DoseChange.Kind.OTHER, "mme", before.mme(), after.mme(), text, 0, 0, ids);
        }
        Set<String> started = new TreeSet<>(after.series().keySet());
        started.removeAll(before.series().keySet());
        Set<String> stopped = new TreeSet<>(before.series().keySet());
        stopped.removeAll(after.series().keySet());
        List<String> rising = new ArrayList<>();
        List<String> falling = new ArrayList<>();
        double rise = 0;
        double fall = 0;
        for (Map.Entry<String, Double> e : new TreeMap<>(before.series()).entrySet()) {
            Double now = after.series().get(e.getKey());
            double was = e.getValue();
            if (now == null || was <= 0) {
                continue;
            }
            if (atLeast(now, was, 1 + config.escalationFraction())) {
                rising.add(e.getKey() + " " + Text.num(was) + " to " + Text.num(now) + " " + unit(c, e.getKey())
                        + " (+" + Math.round((now - was) / was * 100) + "%)");
                rise = Math.max(rise, (now - was) / was);
            } else if (atMost(now, was, 1 - config.reductionFraction())) {
                falling.add(e.getKey() + " " + Text.num(was) + " to " + Text.num(now) + " " + unit(c, e.getKey())
                        + " (-" + Math.round((was - now) / was * 100) + "%)");
                fall = Math.max(fall, (was - now) / was);
            }
        }
        boolean switched = (!started.isEmpty() && (!stopped.isEmpty() || !falling.isEmpty()))
                || (!stopped.isEmpty() && !rising.isEmpty()) || (!rising.isEmpty() && !falling.isEmpty());
        if (switched) {
            Set<String> from = new TreeSet<>(stopped);
            Set<String> to = new TreeSet<>(started);
            for (String r : rising) {
                to.add(r.substring(0, r.indexOf(' ')));
            }
            for (String f : falling) {
                from.add(f.substring(0, f.indexOf(' ')));
            }
            return new DoseChange(id, day, DoseChange.Kind.SWITCH, "series", null, null, "switch from "
                    + labels(c, from) + " to " + labels(c, to) + ": response not comparable without an MME", 0, 0, ids);
        }
        if (!rising.isEmpty()) {
            return new DoseChange(id, day, DoseChange.Kind.ESCALATION, "series", null, null,
                    labelled(c, rising), rise, 0, ids);
        }
        if (!falling.isEmpty()) {
            return new DoseChange(id, day, DoseChange.Kind.REDUCTION, "series", null, null,
                    labelled(c, falling), fall, withdrawalWindow(c, day), ids);
        }
        return new DoseChange(id, day, DoseChange.Kind.OTHER, "series", null, null, describe(c, after), 0, 0, ids);
    }

    /** W: longer when a dose running the day before the change is methadone, extended-release or transdermal. */
    private int withdrawalWindow(Course c, LocalDate day) {
        Map<String, Double> after = c.on(day).series();
        for (DoseMme t : c.trace) {
            if (t.purpose() != DosePurpose.PAIN || !t.covers(day.minusDays(1))) {
                continue;
            }
            DoseEvent d = c.doses.get(t.doseId());
            String key = ExposureCalculator.seriesKey(d);
            Double was = c.on(day.minusDays(1)).series().get(key);
            Double now = after.get(key);
            boolean reduced = now == null || (was != null && now < was);
            boolean slow = d.drug() == Drug.METHADONE || d.route() == Route.TRANSDERMAL || d.release() == Release.EXTENDED;
            if (reduced && slow) {
                return config.slowWithdrawalWindowDays();
            }
        }
        return config.withdrawalWindowDays();
    }

    private static List<String> doseIdsAround(Course c, LocalDate day) {
        List<String> ids = new ArrayList<>();
        for (DoseMme t : c.trace) {
            if (t.purpose() == DosePurpose.PAIN && (t.from().equals(day) || day.minusDays(1).equals(t.to()))) {
                ids.add(t.doseId());
            }
        }
        return Ids.sortedDistinct(ids);
    }

    private static String unit(Course c, String key) {
        DoseSeries.Key k = c.series.keys().get(key);
        return k == null ? "" : k.unit();
    }

    private static String labels(Course c, Set<String> keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            DoseSeries.Key key = c.series.keys().get(k);
            out.add(key == null ? k : key.label());
        }
        return String.join(" and ", out);
    }

    private static String labelled(Course c, List<String> parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            String key = p.substring(0, p.indexOf(' '));
            DoseSeries.Key k = c.series.keys().get(key);
            out.add((k == null ? key : k.label()) + p.substring(p.indexOf(' ')));
        }
        return String.join("; ", out);
    }

    private static String describe(Course c, Regimen r) {
        if (r.complete()) {
            return Text.mme(r.mme());
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : new TreeMap<>(r.series()).entrySet()) {
            DoseSeries.Key k = c.series.keys().get(e.getKey());
            out.add((k == null ? e.getKey() : k.label()) + " " + Text.num(e.getValue()) + " " + unit(c, e.getKey()));
        }
        return out.isEmpty() ? "a PRN dose" : String.join(" and ", out);
    }

    /** {@code now >= was × factor}, exactly: 50 to 60 is a 20% rise, 50 to 59.99 is not. */
    private static boolean atLeast(double now, double was, double factor) {
        return BigDecimal.valueOf(now).compareTo(BigDecimal.valueOf(was).multiply(BigDecimal.valueOf(factor))) >= 0;
    }

    /** {@code now <= was × factor}, exactly: 100 to 90 is a 10% fall, 100 to 90.01 is not. */
    private static boolean atMost(double now, double was, double factor) {
        return BigDecimal.valueOf(now).compareTo(BigDecimal.valueOf(was).multiply(BigDecimal.valueOf(factor))) <= 0;
    }

    private static boolean same(double a, double b) {
        return BigDecimal.valueOf(a).compareTo(BigDecimal.valueOf(b)) == 0;
    }

    private List<EscalationRun> runs(List<DoseChange> changes) {
        List<EscalationRun> out = new ArrayList<>();
        List<DoseChange> current = new ArrayList<>();
        for (DoseChange ch : changes) {
            if (!ch.significant()) {
                continue;
            }
            if (ch.kind() == DoseChange.Kind.ESCALATION && !current.isEmpty()
                    && !ch.day().isAfter(current.get(current.size() - 1).day().plusDays(config.escalationRunDays()))) {
                current.add(ch);
                continue;
            }
            close(current, out);
            current = new ArrayList<>();
            if (ch.kind() == DoseChange.Kind.ESCALATION) {
                current.add(ch);
            }
        }
        close(current, out);
        return out;
    }

    private static void close(List<DoseChange> steps, List<EscalationRun> out) {
        if (steps.size() < 2) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (DoseChange s : steps) {
            ids.add(s.id());
            texts.add(s.day() + ": " + s.text());
        }
        DoseChange first = steps.get(0);
        out.add(new EscalationRun("run-" + first.day(), first.day(), steps.get(steps.size() - 1).day(), ids,
                steps.size() + " steps (" + String.join("; ", texts) + ")"));
    }

    private CumulativeEscalation cumulative(Course c, List<DoseChange> changes, LocalDate end, List<Object> notes) {
        if (!c.on(end).any()) {
            return null;
        }
        LocalDate[] episode = c.episodeOf(end);
        LocalDate refDay = end.minusDays(config.lookbackDays());
        boolean recent = false;
        if (episode != null && episode[0].isAfter(refDay)) {
            refDay = episode[0];
            recent = true;
        } else if (!c.on(refDay).any()) {
            // a gap inside the episode: the last day with a dose before it
            LocalDate last = null;
            for (DoseSeries.Segment s : c.series.segments()) {
                if (s.painDoses() > 0 && s.to().isBefore(refDay)) {
                    last = s.to();
                }
            }
            if (last == null) {
                return null;
            }
            refDay = last;
        }
        Regimen ref = c.on(refDay);
        Regimen now = c.on(end);
        String text;
        boolean rose;
        if (ref.complete() && now.complete()) {
            rose = ref.mme() > 0 && atLeast(now.mme(), ref.mme(), 1 + config.escalationFraction());
            text = Text.num(ref.mme()) + " on " + refDay + " to " + Text.mme(now.mme()) + (ref.mme() > 0
                    ? " (+" + Math.round((now.mme() - ref.mme()) / ref.mme() * 100) + "%)" : "");
        } else {
            for (DoseChange ch : changes) {
                if (ch.kind() == DoseChange.Kind.SWITCH && ch.day().isAfter(refDay) && !ch.day().isAfter(end)) {
                    return null;
                }
            }
            rose = false;
            List<String> parts = new ArrayList<>();
            boolean fell = false;
            for (Map.Entry<String, Double> e : new TreeMap<>(ref.series()).entrySet()) {
                Double v = now.series().get(e.getKey());
                if (v == null || e.getValue() <= 0) {
                    continue;
                }
                if (atLeast(v, e.getValue(), 1 + config.escalationFraction())) {
                    rose = true;
                    DoseSeries.Key k = c.series.keys().get(e.getKey());
                    parts.add(k.label() + " " + Text.num(e.getValue()) + " on " + refDay + " to " + Text.num(v) + " "
                            + k.unit() + " (+" + Math.round((v - e.getValue()) / e.getValue() * 100) + "%)");
                }
                fell |= atMost(v, e.getValue(), 1 - config.reductionFraction());
            }
            rose &= !fell;
            text = String.join("; ", parts);
        }
        if (!rose) {
            return null;
        }
        // the first day after the reference from which the regimen stayed above it, and the last rise
        LocalDate changeDay = null;
        LocalDate lastRise = null;
        for (DoseSeries.Segment s : c.series.segments()) {
            if (!s.from().isAfter(refDay) || s.from().isAfter(end)) {
                continue;
            }
            Regimen r = Regimen.of(s);
            Regimen prev = c.on(s.from().minusDays(1));
            boolean above = above(r, ref);
            if (above && changeDay == null) {
                changeDay = s.from();
            } else if (!above) {
                changeDay = null;
            }
            if (above(r, prev)) {
                lastRise = s.from();
            }
        }
        if (changeDay == null) {
            return null;
        }
        return new CumulativeEscalation("cumulative-escalation", refDay, changeDay,
                lastRise == null ? changeDay : lastRise, text, recent);
    }

    private static boolean above(Regimen r, Regimen ref) {
        if (r.complete() && ref.complete()) {
            return r.mme() > ref.mme();
        }
        boolean up = false;
        for (Map.Entry<String, Double> e : ref.series().entrySet()) {
            Double v = r.series().get(e.getKey());
            if (v != null && v > e.getValue()) {
                up = true;
            }
        }
        return up;
    }

    private CumulativeReduction cumulativeReduction(Course c, List<DoseChange> changes) {
        Regimen now = c.on(c.asOf);
        if (!now.any() || !now.complete()) {
            return null;
        }
        double peak = 0;
        LocalDate peakDay = null;
        for (DoseSeries.Segment s : c.series.segments()) {
            if (s.to().isBefore(c.lookbackStart) || s.painDoses() == 0 || !s.complete()) {
                continue;
            }
            if (s.trendMmePerDay() >= peak) {
                peak = s.trendMmePerDay();
                peakDay = s.from().isBefore(c.lookbackStart) ? c.lookbackStart : s.from();
            }
        }
        if (peakDay == null || peak <= 0 || !atMost(now.mme(), peak, 1 - config.reductionFraction())) {
            return null;
        }
        LocalDate first = null;
        LocalDate last = null;
        for (DoseSeries.Segment s : c.series.segments()) {
            if (!s.from().isAfter(peakDay)) {
                continue;
            }
            if (s.trendMmePerDay() < c.on(s.from().minusDays(1)).mme()) {
                first = first == null ? s.from() : first;
                last = s.from();
            }
        }
        for (DoseChange ch : changes) {
            if (ch.reduction() && ch.day().isAfter(peakDay)) {
                // steps large enough to count one by one are judged one by one
                return null;
            }
        }
        if (first == null) {
            return null;
        }
        return new CumulativeReduction("cumulative-reduction", peakDay, first, last, Text.num(peak) + " on " + peakDay
                + " to " + Text.mme(now.mme()) + " (-" + Math.round((peak - now.mme()) / peak * 100) + "%)");
    }

    // --- §3 pain response ---

    private boolean afterDose(Symptom s) {
        return s.timing().contains(PainTiming.AFTER_DOSE_INCREASE) || s.timing().contains(PainTiming.AFTER_DOSE_DECREASE);
    }

    /** Scores describing the regimen before the change on {@code c}: a score on the change day counts. */
    private List<Symptom> before(Course course, LocalDate c) {
        List<Symptom> out = new ArrayList<>();
        for (Symptom s : between(course.scores, c.minusDays(config.painBeforeDays()), c)) {
            if (!(s.date().equals(c) && afterDose(s))) {
                out.add(s);
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        LocalDate latest = null;
        for (Symptom s : between(course.scores, c.minusDays(config.painBeforeFallbackDays()), c)) {
            if (!(s.date().equals(c) && afterDose(s))) {
                latest = s.date();
            }
        }
        if (latest == null) {
            return out;
        }
        for (Symptom s : course.scores) {
            if (s.date().equals(latest) && !(s.date().equals(c) && afterDose(s))) {
                out.add(s);
            }
        }
        return out;
    }

    /** Scores in [from, to]; a score on {@code to} timed after a dose change on that day belongs after it. */
    private List<Symptom> window(Course course, LocalDate from, LocalDate to, Set<LocalDate> changeDays) {
        List<Symptom> out = new ArrayList<>();
        for (Symptom s : between(course.scores, from, to)) {
            if (!(s.date().equals(to) && changeDays.contains(to) && afterDose(s))) {
                out.add(s);
            }
        }
        return out;
    }

    private static LocalDate nextSignificant(List<DoseChange> changes, LocalDate after) {
        for (DoseChange ch : changes) {
            if (ch.significant() && ch.day().isAfter(after)) {
                return ch.day();
            }
        }
        return null;
    }

    private static Set<LocalDate> changeDays(List<DoseChange> changes) {
        Set<LocalDate> days = new TreeSet<>();
        for (DoseChange ch : changes) {
            if (ch.significant()) {
                days.add(ch.day());
            }
        }
        return days;
    }

    private LocalDate windowEnd(Course c, List<DoseChange> changes, LocalDate last) {
        LocalDate e = last.plusDays(config.painAfterDays());
        if (c.asOf.isBefore(e)) {
            e = c.asOf;
        }
        LocalDate next = nextSignificant(changes, last);
        return next != null && next.isBefore(e) ? next : e;
    }

    private PainResponse escalationResponse(Course c, List<DoseChange> changes, String id, LocalDate f, LocalDate l,
                                            PainResponse.Scope scope, String text) {
        List<Symptom> beforeScores = before(c, f);
        LocalDate e = windowEnd(c, changes, l);
        LocalDate from = f.plusDays(config.painAfterDelayDays());
        List<Symptom> afterScores = e.isBefore(from) ? List.of() : window(c, from, e, changeDays(changes));
        Double before = median(beforeScores);
        Double after = median(afterScores);
        List<String> evidence = new ArrayList<>();
        beforeScores.forEach(s -> evidence.add(s.id()));
        afterScores.forEach(s -> evidence.add(s.id()));
        String missing = null;
        PainResponse.Outcome outcome;
        boolean sustained = false;
        if (before == null) {
            missing = "no pain score in the " + config.painBeforeFallbackDays() + " days up to the change on " + f;
            outcome = PainResponse.Outcome.NOT_ASSESSABLE;
        } else if (e.isBefore(from)) {
            missing = "the next dose change on " + e + " came before " + config.painAfterDelayDays()
                    + " days had passed, so the change on " + f + " has no after window of its own";
            outcome = PainResponse.Outcome.NOT_ASSESSABLE;
        } else if (after == null) {
            missing = "no pain score from " + from + " to " + e + " (" + config.painAfterDelayDays()
                    + " days after the change on " + f + " until " + endReason(c, changes, l, e) + ")";
            outcome = PainResponse.Outcome.NOT_ASSESSABLE;
        } else {
            outcome = outcome(before, after);
            if (outcome == PainResponse.Outcome.IMPROVED) {
                LocalDate sFrom = l.plusDays(config.sustainedFromDays());
                List<Symptom> later = e.isBefore(sFrom) ? List.of() : window(c, sFrom, e, changeDays(changes));
                sustained = !later.isEmpty();
                for (Symptom s : later) {
                    sustained &= outcome(before, s.intensity()) == PainResponse.Outcome.IMPROVED;
                }
            }
        }
        return new PainResponse(id, f, l, DoseChange.Kind.ESCALATION, scope, text, outcome, before, after, from, e,
                sustained, null, false, false, 0, false, false, null, false, missing, Ids.sortedDistinct(evidence));
    }

    private String endReason(Course c, List<DoseChange> changes, LocalDate l, LocalDate e) {
        LocalDate next = nextSignificant(changes, l);
        if (next != null && next.equals(e)) {
            return "the next dose change";
        }
        return e.equals(c.asOf) ? "the assessment date" : config.painAfterDays() + " days after it";
    }

    private PainResponse reductionResponse(Course c, List<DoseChange> changes, String id, LocalDate f, LocalDate l,
                                           DoseChange.Kind kind, PainResponse.Scope scope, String text, double fraction,
                                           int w) {
        List<Symptom> beforeScores = before(c, f);
        Double before = median(beforeScores);
        LocalDate e = windowEnd(c, changes, l);
        Set<LocalDate> days = changeDays(changes);
        List<Symptom> early = new ArrayList<>();
        for (Symptom s : c.scores) {
            if (s.date().equals(f) && afterDose(s)) {
                early.add(s);
            }
        }
        LocalDate earlyTo = f.plusDays(w).isAfter(e) ? e : f.plusDays(w);
        if (!earlyTo.isBefore(f.plusDays(1))) {
            early.addAll(window(c, f.plusDays(1), earlyTo, days));
        }
        LocalDate lateFrom = f.plusDays(w + 1L);
        List<Symptom> late = e.isBefore(lateFrom) ? List.of() : window(c, lateFrom, e, days);
        Double earlyMedian = median(early);
        Double lateMedian = median(late);
        List<String> evidence = new ArrayList<>();
        beforeScores.forEach(s -> evidence.add(s.id()));
        PainResponse.Outcome earlyOutcome = before == null || earlyMedian == null ? PainResponse.Outcome.NOT_ASSESSABLE
                : outcome(before, earlyMedian);
        PainResponse.Outcome lateOutcome = before == null || lateMedian == null ? PainResponse.Outcome.NOT_ASSESSABLE
                : outcome(before, lateMedian);
        boolean large = kind == DoseChange.Kind.STOP || fraction >= config.largeReductionFraction();
        PainResponse.Outcome outcome;
        boolean earlyOnly = false;
        boolean earlyNotConfirmed = false;
        Double after;
        LocalDate afterFrom;
        LocalDate afterTo;
        String missing = null;
        if (lateOutcome != PainResponse.Outcome.NOT_ASSESSABLE) {
            outcome = lateOutcome;
            after = lateMedian;
            afterFrom = lateFrom;
            afterTo = e;
            late.forEach(s -> evidence.add(s.id()));
        } else if (earlyOutcome == PainResponse.Outcome.IMPROVED && large) {
            outcome = PainResponse.Outcome.IMPROVED;
            earlyOnly = true;
            after = earlyMedian;
            afterFrom = f.plusDays(1);
            afterTo = earlyTo;
            early.forEach(s -> evidence.add(s.id()));
        } else {
            earlyNotConfirmed = earlyOutcome == PainResponse.Outcome.IMPROVED;
            outcome = PainResponse.Outcome.NOT_ASSESSABLE;
            after = null;
            afterFrom = lateFrom;
            afterTo = e;
            early.forEach(s -> evidence.add(s.id()));
            missing = before == null
                    ? "no pain score in the " + config.painBeforeFallbackDays() + " days up to the reduction on " + f
                    : "no pain score from " + lateFrom + " to " + e + " (after the " + w + "-day withdrawal window)";
        }
        if (earlyOutcome == PainResponse.Outcome.WORSENED) {
            early.forEach(s -> evidence.add(s.id()));
        }
        return new PainResponse(id, f, l, kind, scope, text, outcome, before, after, afterFrom, afterTo, false,
                earlyOutcome, earlyOnly, earlyNotConfirmed, w, false, false, null, false, missing,
                Ids.sortedDistinct(evidence));
    }

    private PainResponse.Outcome outcome(double before, double after) {
        // scores are decimals held in binary (4.1 - 2.1 is 1.9999999999999996, 3.5 - 2.45 is 1.0499999999999998):
        // differences and the fraction's share are compared at a millionth of a point, so that a change exactly
        // at a threshold meets it
        double drop = millionths(before - after);
        double m = config.meaningfulPainChange();
        boolean improved = before > 0 && (drop >= m || (drop >= millionths(config.meaningfulPainChangeFraction()
                * before) && drop >= 1));
        if (improved) {
            return PainResponse.Outcome.IMPROVED;
        }
        if (millionths(after - before) >= m) {
            return PainResponse.Outcome.WORSENED;
        }
        return after < before ? PainResponse.Outcome.MINIMALLY_IMPROVED : PainResponse.Outcome.UNCHANGED;
    }

    private static double millionths(double v) {
        return Math.rint(v * 1_000_000) / 1_000_000;
    }

    /** Marks the judged escalation, criterion (1) on each response, and the response that meets criterion (2). */
    private List<PainResponse> decide(Course c, List<PainResponse> responses, CumulativeEscalation cumulative) {
        PainResponse judged = null;
        for (PainResponse r : responses) {
            if (r.escalation() && r.outcome() != PainResponse.Outcome.NOT_ASSESSABLE
                    && (judged == null || r.changeDay().isAfter(judged.changeDay()))) {
                judged = r;
            }
        }
        List<PainResponse> out = new ArrayList<>();
        for (PainResponse r : responses) {
            LocalDate onDay = r.reduction() ? r.changeDay().minusDays(1) : r.changeDay();
            List<String> one = new ArrayList<>();
            boolean longTermNow = c.longTermOn(c.asOf);
            if (longTermNow) {
                one.add("long-term opioid therapy on " + c.asOf);
            } else if (c.longTermOn(onDay)) {
                one.add("long-term opioid therapy on " + onDay);
            }
            CumulativeEscalation cum = cumulative;
            if (cum == null && r.reduction()) {
                cum = cumulative(c, List.of(), onDay, List.of());
            }
            if (cum != null) {
                one.add("cumulative escalation, " + cum.text() + (cum.recentStart() ? " since the start on "
                        + cum.referenceDay() : ""));
            }
            out.add(copy(r, r == judged, !one.isEmpty(), one.isEmpty() ? null : String.join("; and ", one), false));
        }
        int decider = -1;
        for (int i = 0; i < out.size(); i++) {
            PainResponse r = out.get(i);
            boolean noBenefit = r.judged() && (r.outcome() == PainResponse.Outcome.UNCHANGED
                    || r.outcome() == PainResponse.Outcome.WORSENED);
            if (noBenefit && r.criterionOne()) {
                decider = i;
            }
        }
        if (decider < 0) {
            for (int i = 0; i < out.size(); i++) {
                PainResponse r = out.get(i);
                if (r.reduction() && r.outcome() == PainResponse.Outcome.IMPROVED && r.criterionOne()
                        && (decider < 0 || r.changeDay().isAfter(out.get(decider).changeDay()))) {
                    decider = i;
                }
            }
        }
        if (decider >= 0) {
            PainResponse r = out.get(decider);
            out.set(decider, copy(r, r.judged(), r.criterionOne(), r.criterionOneText(), true));
        }
        return out;
    }

    private static PainResponse copy(PainResponse r, boolean judged, boolean one, String oneText, boolean decides) {
        return new PainResponse(r.changeId(), r.changeDay(), r.lastDay(), r.changeKind(), r.scope(), r.changeText(),
                r.outcome(), r.before(), r.after(), r.afterFrom(), r.afterTo(), r.sustained(), r.earlyOutcome(),
                r.earlyOnly(), r.earlyNotConfirmed(), r.withdrawalDays(), judged, one, oneText, decides, r.missing(),
                r.evidence());
    }

    // --- §4 signs ---

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

    private static SiteSpread spread(Course c, LocalDate baselineFrom, LocalDate baselineTo) {
        Set<BodyRegion> original = EnumSet.noneOf(BodyRegion.class);
        Set<BodyRegion> later = EnumSet.noneOf(BodyRegion.class);
        Set<BodyRegion> laterPain = EnumSet.noneOf(BodyRegion.class);
        boolean widespread = false;
        boolean laterSites = false;
        List<String> evidence = new ArrayList<>();
        for (Symptom s : between(c.scores, baselineFrom, baselineTo)) {
            s.sites().forEach(site -> original.addAll(site.regions()));
        }
        for (Symptom s : c.record.symptoms()) {
            boolean relevant = s.kind() == SymptomKind.PAIN || s.kind() == SymptomKind.ALLODYNIA
                    || s.kind() == SymptomKind.HYPERALGESIA;
            if (!relevant || !s.present() || s.sites().isEmpty() || !s.date().isAfter(baselineTo)
                    || s.date().isAfter(c.asOf)) {
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

    private static QualityShift quality(Course c, LocalDate baselineFrom, LocalDate baselineTo) {
        Set<QualityClass> original = EnumSet.noneOf(QualityClass.class);
        Set<QualityClass> fresh = EnumSet.noneOf(QualityClass.class);
        Set<String> words = new TreeSet<>();
        boolean laterQuality = false;
        List<String> evidence = new ArrayList<>();
        List<String> numb = new ArrayList<>();
        for (Symptom s : between(c.scores, baselineFrom, baselineTo)) {
            s.quality().forEach(q -> original.add(q.qualityClass()));
        }
        for (Symptom s : c.scores) {
            if (!s.date().isAfter(baselineTo) || s.date().isAfter(c.asOf) || s.quality().isEmpty()) {
                continue;
            }
            laterQuality = true;
            for (PainQuality q : s.quality()) {
                if (original.contains(q.qualityClass())) {
                    continue;
                }
                if (q.qualityClass() == QualityClass.NUMBNESS) {
                    numb.add(s.id());
                } else {
                    fresh.add(q.qualityClass());
                    words.add(q.code());
                    evidence.add(s.id());
                }
            }
        }
        original.remove(QualityClass.NUMBNESS);
        return new QualityShift(original, fresh, laterQuality && !original.isEmpty(), Ids.sortedDistinct(evidence),
                String.join(", ", words), !numb.isEmpty(), Ids.sortedDistinct(numb));
    }

    private AllodyniaCourse allodynia(Course c, List<DoseChange> changes, LocalDate baselineFrom, LocalDate baselineTo) {
        List<Symptom> records = new ArrayList<>();
        for (Symptom s : c.record.symptoms()) {
            if ((s.kind() == SymptomKind.ALLODYNIA || s.kind() == SymptomKind.HYPERALGESIA) && !s.date().isAfter(c.asOf)) {
                records.add(s);
            }
        }
        records.sort(BY_DATE_THEN_ID);
        Symptom before = null;
        for (Symptom s : records) {
            if (s.present() && !s.date().isBefore(baselineFrom) && !s.date().isAfter(baselineTo)) {
                before = s;
            }
        }
        Symptom present = null;
        Symptom latest = null;
        for (Symptom s : records) {
            if (!s.date().isAfter(baselineTo)) {
                continue;
            }
            if (latest == null || s.date().isAfter(latest.date()) || (s.date().equals(latest.date()) && s.present())) {
                latest = s;
            }
            if (s.present() && c.episodeOf(s.date()) != null && !inEarlyWindow(changes, s.date())) {
                present = s;
            }
        }
        if (present != null && before != null) {
            return new AllodyniaCourse(AllodyniaCourse.Status.BEFORE_ESCALATION, before.date(), before.kind().code()
                    + " already recorded on " + before.date() + ", before the change judged", List.of(before.id(),
                    present.id()));
        }
        if (present != null) {
            return new AllodyniaCourse(AllodyniaCourse.Status.PRESENT, present.date(), present.kind().code()
                    + " recorded on " + present.date(), List.of(present.id()));
        }
        if (latest != null && !latest.present()) {
            return new AllodyniaCourse(AllodyniaCourse.Status.ABSENT, latest.date(), "allodynia examined and absent on "
                    + latest.date(), List.of(latest.id()));
        }
        return null;
    }

    private static boolean inEarlyWindow(List<DoseChange> changes, LocalDate day) {
        for (DoseChange ch : changes) {
            if (ch.reduction() && day.isAfter(ch.day()) && !day.isAfter(ch.day().plusDays(ch.withdrawalWindowDays()))) {
                return true;
            }
        }
        return false;
    }

    // --- §5 withdrawal, neurotoxicity, insufficient data ---

    private InterdosePain interdose(Course c) {
        List<String> timed = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        double excess = 0;
        LocalDate last = null;
        LocalDate from = c.asOf.minusDays(config.interdoseLookbackDays() - 1L);
        for (Symptom s : between(c.scores, from, c.asOf)) {
            if (!timedAtDoseEnd(s)) {
                continue;
            }
            List<Symptom> untimed = new ArrayList<>();
            for (Symptom o : between(c.scores, s.date().minusDays(config.interdoseCompareDays()),
                    s.date().plusDays(config.interdoseCompareDays()))) {
                if (o.timing().isEmpty()) {
                    untimed.add(o);
                }
            }
            Double median = median(untimed);
            if (median != null && millionths(s.intensity() - median) >= config.meaningfulPainChange()) {
                timed.add(s.id());
                untimed.forEach(o -> compared.add(o.id()));
                excess = Math.max(excess, s.intensity() - median);
                last = s.date();
            }
        }
        return timed.isEmpty() ? null
                : new InterdosePain(Ids.sortedDistinct(timed), Ids.sortedDistinct(compared), excess, last);
    }

    private static boolean timedAtDoseEnd(Symptom s) {
        return s.timing().contains(PainTiming.END_OF_DOSE) || s.timing().contains(PainTiming.AFTER_MISSED_DOSE);
    }

    private Neuroexcitation neuroexcitation(Course c, List<DoseChange> changes) {
        Set<String> kinds = new TreeSet<>();
        List<String> evidence = new ArrayList<>();
        LocalDate latest = null;
        boolean severe = false;
        LocalDate from = c.asOf.minusDays(config.neuroexcitationDays() - 1L);
        for (Symptom s : c.record.symptoms()) {
            if (!NEURO.contains(s.kind()) || !s.present() || s.date().isBefore(from) || s.date().isAfter(c.asOf)) {
                continue;
            }
            boolean onOpioid = false;
            for (int d = 0; d <= config.neuroexcitationAfterStopDays() && !onOpioid; d++) {
                onOpioid = c.series.anyOpioidOn(s.date().minusDays(d));
            }
            if (!onOpioid) {
                continue;
            }
            kinds.add(s.kind().code());
            evidence.add(s.id());
            severe |= s.kind() != SymptomKind.MYOCLONUS;
            if (latest == null || s.date().isAfter(latest)) {
                latest = s.date();
            }
        }
        if (kinds.isEmpty()) {
            return null;
        }
        List<String> strengtheners = new ArrayList<>();
        DoseSeries.Segment now = c.series.at(latest);
        if (now != null && now.bandMmePerDay() >= config.veryHighDoseMme()) {
            strengtheners.add("band dose " + Text.mme(now.bandMmePerDay()) + ", at or above "
                    + Text.mme(config.veryHighDoseMme()));
        }
        Set<String> parenteral = new TreeSet<>();
        for (DoseMme t : c.trace) {
            if (t.purpose() == DosePurpose.PAIN && t.route().isParenteral() && t.covers(latest)) {
                parenteral.add(t.drug().code() + " " + t.route().code());
                evidence.add(t.doseId());
            }
        }
        if (!parenteral.isEmpty()) {
            strengtheners.add("parenteral or neuraxial pain dose (" + String.join(", ", parenteral) + ")");
        }
        for (DoseChange ch : changes) {
            if (ch.kind() == DoseChange.Kind.ESCALATION && !ch.day().isAfter(latest)
                    && !ch.day().isBefore(latest.minusDays(config.neurotoxicityEscalationDays()))) {
                strengtheners.add("dose escalated on " + ch.day() + " (" + ch.text() + ")");
                evidence.add(ch.id());
            }
        }
        for (Observation o : c.record.observations()) {
            boolean kidney = o.code() == ObservationCode.CREATININE_CLEARANCE || o.code() == ObservationCode.EGFR;
            if (kidney && o.usableOn(c.asOf) && o.value() < config.severeRenalImpairmentMlMin()) {
                strengtheners.add((o.code() == ObservationCode.EGFR ? "eGFR " : "creatinine clearance ")
                        + Text.num(o.value()) + " on " + o.date());
                evidence.add(o.id());
                break;
            }
        }
        for (Condition k : c.record.conditions()) {
            if ((k.code() == ConditionCode.RENAL_IMPAIRMENT || k.code() == ConditionCode.DEHYDRATION)
                    && k.countsOn(c.asOf)) {
                strengtheners.add(k.code().code());
                evidence.add(k.id());
            }
        }
        return new Neuroexcitation(List.copyOf(kinds), latest, severe, strengtheners, Ids.sortedDistinct(evidence));
    }

    private PainProblem painProblem(Course c, List<DoseChange> changes, List<PainResponse> responses,
                                    SiteSpread spread, QualityShift quality, AllodyniaCourse allodynia) {
        boolean painOpioid = false;
        LocalDate firstPain = null;
        for (DoseMme t : c.trace) {
            if (t.purpose() != DosePurpose.PAIN || t.from().isAfter(c.asOf)) {
                continue;
            }
            if (t.to() == null || !t.to().isBefore(c.lookbackStart)) {
                painOpioid = true;
            }
            firstPain = firstPain == null || t.from().isBefore(firstPain) ? t.from() : firstPain;
        }
        if (!painOpioid) {
            return null;
        }
        List<Symptom> recent = between(c.scores, c.asOf.minusDays(config.painBeforeFallbackDays() - 1L), c.asOf);
        List<Symptom> latestDay = new ArrayList<>();
        List<Symptom> previousDay = new ArrayList<>();
        for (int i = c.scores.size() - 1; i >= 0; i--) {
            Symptom s = c.scores.get(i);
            if (s.date().isAfter(c.asOf)) {
                continue;
            }
            if (latestDay.isEmpty() || s.date().equals(latestDay.get(0).date())) {
                latestDay.add(s);
            } else if (previousDay.isEmpty() || s.date().equals(previousDay.get(0).date())) {
                previousDay.add(s);
            } else {
                break;
            }
        }
        Double latest = median(latestDay);
        Double previous = median(previousDay);
        String reason;
        if (recent.isEmpty()) {
            reason = "no pain score in the last " + config.painBeforeFallbackDays() + " days";
        } else if (latest != null && latest >= config.problemPainScore()) {
            reason = "pain " + Text.num(latest) + "/10 on " + latestDay.get(0).date();
        } else if (latest != null && previous != null
                && millionths(latest - previous) >= config.meaningfulPainChange()) {
            reason = "pain rose from " + Text.num(previous) + " to " + Text.num(latest) + "/10 on "
                    + latestDay.get(0).date();
        } else {
            return null;
        }
        List<String> missing = new ArrayList<>();
        boolean anyChange = false;
        for (DoseChange ch : changes) {
            anyChange |= ch.significant();
        }
        if (firstPain.isAfter(c.asOf.minusDays(config.longTermWindowDays()))) {
            missing.add("a dose history with start dates and changes (the first opioid dose for pain recorded starts "
                    + "on " + firstPain + ")");
        }
        if (between(c.scores, c.lookbackStart, c.asOf).size() < 2) {
            missing.add("at least two pain scores");
        }
        boolean assessable = false;
        for (PainResponse r : responses) {
            assessable |= r.outcome() != PainResponse.Outcome.NOT_ASSESSABLE;
        }
        if (anyChange && !assessable) {
            missing.add("a pain score before and one at least " + config.painAfterDelayDays()
                    + " days after a dose change");
        }
        if (!spread.assessed() && !quality.assessed() && allodynia == null) {
            missing.add("a sign examined (allodynia, spread of pain with its sites, quality of pain)");
        }
        List<String> present = new ArrayList<>();
        if (allodynia != null && allodynia.status() == AllodyniaCourse.Status.PRESENT) {
            present.add(allodynia.text());
        }
        if (spread.assessed() && (spread.widespread() || spread.newRegionCount() >= 2)) {
            present.add("pain spread to " + spread.newRegionsText());
        }
        if (quality.assessed() && quality.changed()) {
            present.add("pain quality changed (now " + quality.newDescriptors() + ")");
        }
        List<String> evidence = new ArrayList<>();
        latestDay.forEach(s -> evidence.add(s.id()));
        return new PainProblem(latest, reason, missing, present, Ids.sortedDistinct(evidence));
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
}
