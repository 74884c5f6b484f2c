package org.oihkb.engine.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.oihkb.engine.Config;
import org.oihkb.facts.ProposedEscalation;
import org.oihkb.facts.TherapyDuration;
import org.oihkb.facts.Text;
import org.oihkb.facts.ToleranceLoss;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DoseMme;
import org.oihkb.model.DosePurpose;
import org.oihkb.model.DoseStatus;
import org.oihkb.model.PatientRecord;

/**
 * The regimen facts of the regimen findings (docs/definitions.md, Regimen findings): a recent stop or fast
 * reduction of opioids of any purpose, and a proposed order that escalates the pain regimen. The regimen
 * on a day is judged in MME when every dose of the days compared has one, otherwise per series (drug,
 * route, unit) in its own unit, so doses without an MME are never read as zero.
 */
public final class RegimenChanges {

    /** Uncovered days an exposure episode bridges (docs/definitions.md, Exposure episode: 7 bridged, 8 end it). */
    private static final int EPISODE_GAP_DAYS = 7;

    private final Config config;

    /** For one configuration; immutable and thread-safe. */
    public RegimenChanges(Config config) {
        this.config = config;
    }

    /**
     * The facts for one record: at most one {@link TherapyDuration}, one {@link ToleranceLoss} and one
     * {@link ProposedEscalation}.
     */
    public List<Object> facts(PatientRecord record, List<DoseMme> trace) {
        List<Object> out = new ArrayList<>(2);
        LocalDate asOf = record.asOf();
        if (trace.isEmpty()) {
            return out;
        }
        TherapyDuration duration = duration(trace, asOf);
        if (duration != null) {
            out.add(duration);
        }
        ToleranceLoss loss = toleranceLoss(trace, asOf);
        if (loss != null) {
            out.add(loss);
        }
        TreeSet<String> proposed = new TreeSet<>();
        for (DoseEvent d : record.doses()) {
            if (d.status() == DoseStatus.PROPOSED && d.purpose() == DosePurpose.PAIN) {
                proposed.add(d.id());
            }
        }
        if (!proposed.isEmpty()) {
            ProposedEscalation p = proposedEscalation(trace, asOf, proposed);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The current episode of pain opioids: pain dose periods merged across gaps of at most the bridged number of
     * days (7); {@code null} when no pain dose runs on {@code asOf}.
     */
    private static TherapyDuration duration(List<DoseMme> trace, LocalDate asOf) {
        List<DoseMme> pain = new ArrayList<>();
        for (DoseMme t : trace) {
            if (counted(t, true) && !t.from().isAfter(asOf)) {
                pain.add(t);
            }
        }
        boolean current = false;
        for (DoseMme t : pain) {
            current |= t.covers(asOf);
        }
        if (!current) {
            return null;
        }
        pain.sort(java.util.Comparator.comparing(DoseMme::from));
        LocalDate recordFirst = pain.get(0).from();
        LocalDate start = null;
        LocalDate end = null;
        for (DoseMme t : pain) {
            LocalDate to = t.to() == null || t.to().isAfter(asOf) ? asOf : t.to();
            if (end == null || t.from().isAfter(end.plusDays(EPISODE_GAP_DAYS + 1L))) {
                start = t.from();
                end = to;
            } else if (to.isAfter(end)) {
                end = to;
            }
        }
        LocalDate year = asOf.minusDays(365);
        boolean yearOrMore = !start.isAfter(year);
        return new TherapyDuration(start, yearOrMore, !yearOrMore && recordFirst.isAfter(year));
    }

    private ToleranceLoss toleranceLoss(List<DoseMme> trace, LocalDate asOf) {
        int days = config.overdoseRiskDays();
        LocalDate first = asOf.minusDays(2L * days);
        boolean any = false;
        for (DoseMme t : trace) {
            if (live(t) && (t.to() == null || !t.to().isBefore(first)) && !t.from().isAfter(asOf)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return null;
        }
        // one value per day of [first, asOf], computed once: index i is day first + i
        int n = 2 * days + 1;
        boolean complete = complete(trace, first, asOf, false);
        double[] total = new double[n];
        List<Map<String, Double>> perSeries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LocalDate day = first.plusDays(i);
            if (complete) {
                total[i] = mme(trace, day, false);
            } else {
                perSeries.add(series(trace, day, false));
            }
        }
        // D runs over the days ending on asOf, [asOf - (days - 1), asOf]: indices days + 1 to 2 days
        for (int i = days + 1; i < n; i++) {
            ToleranceLoss here = fall(trace, first, days, i, complete, total, perSeries);
            if (here != null) {
                return here;
            }
        }
        return null;
    }

    /** The fall on day {@code first + i} against the {@code days} days before it, or {@code null}. */
    private ToleranceLoss fall(List<DoseMme> trace, LocalDate first, int days, int i, boolean complete, double[] total,
                               List<Map<String, Double>> perSeries) {
        double f = config.overdoseRiskFraction();
        LocalDate d = first.plusDays(i);
        if (complete) {
            double max = 0;
            int maxAt = -1;
            for (int j = i - days; j < i; j++) {
                if (total[j] > max) {
                    max = total[j];
                    maxAt = j;
                }
            }
            return max > 0 && total[i] <= f * max ? new ToleranceLoss(total[i] == 0 ? stopDay(trace, d) : d,
                    total[i] == 0, Text.mme(max), Text.mme(total[i]), ids(trace, first.plusDays(maxAt), false)) : null;
        }
        Map<String, Double> now = perSeries.get(i);
        Map<String, Double> max = new TreeMap<>();
        Map<String, Integer> maxAt = new TreeMap<>();
        for (int j = i - days; j < i; j++) {
            for (Map.Entry<String, Double> e : perSeries.get(j).entrySet()) {
                if (e.getValue() > max.getOrDefault(e.getKey(), 0.0)) {
                    max.put(e.getKey(), e.getValue());
                    maxAt.put(e.getKey(), j);
                }
            }
        }
        for (String s : now.keySet()) {
            if (!max.containsKey(s)) {
                // a series that starts while another falls is a switch, not a loss of tolerance
                return null;
            }
        }
        for (Map.Entry<String, Double> e : max.entrySet()) {
            double v = now.getOrDefault(e.getKey(), 0.0);
            if (v <= f * e.getValue()) {
                return new ToleranceLoss(now.isEmpty() ? stopDay(trace, d) : d, now.isEmpty(), label(e.getKey(), e.getValue()),
                        v == 0 ? "none" : label(e.getKey(), v),
                        ids(trace, first.plusDays(maxAt.get(e.getKey())), false));
            }
        }
        return null;
    }

    /** The first day without any opioid: the day after the last dose that ran before {@code day}. */
    private static LocalDate stopDay(List<DoseMme> trace, LocalDate day) {
        LocalDate last = null;
        for (DoseMme t : trace) {
            if (live(t) && t.to() != null && t.to().isBefore(day) && (last == null || t.to().isAfter(last))) {
                last = t.to();
            }
        }
        return last == null ? day : last.plusDays(1);
    }

    private ProposedEscalation proposedEscalation(List<DoseMme> trace, LocalDate asOf, TreeSet<String> proposed) {
        LocalDate before = asOf.minusDays(1);
        // compared as docs/definitions.md says, 100 x after >= 120 x before, so an exact 20% is an escalation
        double rise = 100 * (1 + config.escalationFraction());
        if (complete(trace, before, asOf, true)) {
            double b = mme(trace, before, true);
            double a = mme(trace, asOf, true);
            return b > 0 && 100 * a >= rise * b ? new ProposedEscalation(List.copyOf(proposed), Text.mme(b), Text.mme(a))
                    : null;
        }
        Map<String, Double> b = series(trace, before, true);
        Map<String, Double> a = series(trace, asOf, true);
        boolean rises = false;
        boolean falls = false;
        List<String> was = new ArrayList<>();
        List<String> now = new ArrayList<>();
        for (Map.Entry<String, Double> e : b.entrySet()) {
            Double x = a.get(e.getKey());
            if (x == null) {
                continue;
            }
            rises |= 100 * x >= rise * e.getValue();
            falls |= x < e.getValue();
            was.add(label(e.getKey(), e.getValue()));
            now.add(label(e.getKey(), x));
        }
        return rises && !falls ? new ProposedEscalation(List.copyOf(proposed), String.join(", ", was),
                String.join(", ", now)) : null;
    }

    private static boolean live(DoseMme t) {
        return t.to() == null || !t.to().isBefore(t.from());
    }

    private static boolean counted(DoseMme t, boolean painOnly) {
        return live(t) && (!painOnly || t.purpose() == DosePurpose.PAIN);
    }

    /** Whether every counted dose running on a day of [from, to] has an MME. */
    private static boolean complete(List<DoseMme> trace, LocalDate from, LocalDate to, boolean painOnly) {
        for (DoseMme t : trace) {
            if (counted(t, painOnly) && !t.computed() && !t.from().isAfter(to)
                    && (t.to() == null || !t.to().isBefore(from))) {
                return false;
            }
        }
        return true;
    }

    private static double mme(List<DoseMme> trace, LocalDate day, boolean painOnly) {
        double sum = 0;
        for (DoseMme t : trace) {
            if (counted(t, painOnly) && t.covers(day)) {
                sum += t.mmePerDay();
            }
        }
        return sum;
    }

    private static Map<String, Double> series(List<DoseMme> trace, LocalDate day, boolean painOnly) {
        Map<String, Double> out = new TreeMap<>();
        for (DoseMme t : trace) {
            if (counted(t, painOnly) && t.covers(day)) {
                out.merge(t.drug().code() + " " + t.route().code() + " " + t.unit().code(), t.dailyDose(), Double::sum);
            }
        }
        return out;
    }

    private static String label(String series, double value) {
        String[] p = series.split(" ");
        return p[0] + " " + p[1] + " " + Text.num(value) + " " + p[2] + (p[2].equals("mcg/h") ? "" : "/day");
    }

    private static List<String> ids(List<DoseMme> trace, LocalDate day, boolean painOnly) {
        TreeSet<String> ids = new TreeSet<>();
        for (DoseMme t : trace) {
            if (day != null && counted(t, painOnly) && t.covers(day)) {
                ids.add(t.doseId());
            }
        }
        return List.copyOf(ids);
    }
}
