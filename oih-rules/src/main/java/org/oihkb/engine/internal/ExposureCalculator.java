package org.oihkb.engine.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.oihkb.engine.Config;
import org.oihkb.engine.MmeEdition;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DoseMme;
import org.oihkb.model.DosePurpose;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Exposure;
import org.oihkb.model.PatientRecord;

/**
 * Turns dose periods into the MME trace, the daily dose series and the exposure summary (docs/definitions.md,
 * Exposure). This is arithmetic over a table, done once in Java so that no rule joins doses with days;
 * the rules decide on its results.
 */
public final class ExposureCalculator {

    /** The exposure summary and the series the rules build on. */
    public record Result(Exposure exposure, DoseSeries series) {
    }

    private static final Comparator<DoseEvent> BY_START_THEN_ID =
            Comparator.comparing(DoseEvent::start).thenComparing(DoseEvent::id);

    private final MmeTable table;
    private final MmeEdition edition;
    private final Config config;

    /** A calculator for one edition and configuration; immutable and thread-safe. */
    public ExposureCalculator(MmeTable table, MmeEdition edition, Config config) {
        this.table = table;
        this.edition = edition;
        this.config = config;
    }

    /** Computes the exposure of one record. */
    public Result compute(PatientRecord record) {
        LocalDate asOf = record.asOf();
        List<DoseMme> trace = trace(record.doses(), asOf);
        Map<String, DoseEvent> byId = new HashMap<>();
        record.doses().forEach(d -> byId.put(d.id(), d));
        DoseSeries series = series(trace, byId, asOf);

        List<String> notComputed = new ArrayList<>();
        Set<String> reasons = new TreeSet<>();
        boolean nonPain = false;
        for (DoseMme t : trace) {
            if (!t.covers(asOf) || (t.to() != null && t.to().isBefore(t.from()))) {
                continue;
            }
            if (t.purpose() == DosePurpose.PAIN && !t.computed()) {
                notComputed.add(t.doseId());
                reasons.add(reason(t));
            }
            nonPain |= t.purpose() != DosePurpose.PAIN;
        }
        notComputed.sort(null);
        DoseSeries.Segment now = series.at(asOf);
        Double current;
        if (now == null || now.painDoses() == 0) {
            current = 0.0;
        } else {
            current = now.painDosesWithMme() == 0 ? null : now.bandMmePerDay();
        }
        boolean complete = notComputed.isEmpty();
        LocalDate peakFrom = asOf.minusDays(config.peakLookbackDays() - 1L);
        Double peak = 0.0;
        boolean peakComplete = true;
        boolean anyPainDay = false;
        boolean anyComputed = false;
        for (DoseSeries.Segment s : series.segments()) {
            if (s.to().isBefore(peakFrom) || s.from().isAfter(asOf) || s.painDoses() == 0) {
                continue;
            }
            anyPainDay = true;
            peakComplete &= s.complete();
            if (s.painDosesWithMme() > 0) {
                anyComputed = true;
                peak = Math.max(peak, s.bandMmePerDay());
            }
        }
        if (anyPainDay && !anyComputed) {
            peak = null;
        }
        List<Exposure.Band> bands = List.of(
                new Exposure.Band(config.highDoseMme(), "cdc-2022", band(current, complete, config.highDoseMme())),
                new Exposure.Band(config.veryHighDoseMme(), "cdc-2016", band(current, complete,
                        config.veryHighDoseMme())));
        int days = daysOnOpioids(trace, asOf.minusDays(config.longTermWindowDays() - 1L), asOf);
        Exposure exposure = new Exposure(edition.code(), current, peak, complete, peakComplete, notComputed,
                reasons.isEmpty() ? null : String.join("; ", reasons), days, days >= config.longTermMinDays(), nonPain,
                bands, seriesWithoutMme(series, trace, byId, asOf), trace);
        return new Result(exposure, series);
    }

    /**
     * Whether {@code other} gives every pain dose of the record the same factor as this calculator, so
     * that its exposure has the same current and peak MME, completeness and bands (only the edition's name and the
     * wording of its reasons differ): the edition enters those figures through the conversions of the pain doses'
     * daily amounts alone (a PRN amount taken moves only the trend, another purpose counts towards no threshold).
     * Both must share the table and the configuration. Costs a table look-up per pain dose, against the
     * whole computation.
     */
    public boolean convertsAlike(PatientRecord record, ExposureCalculator other) {
        if (other.table != table || !other.config.equals(config)) {
            return false;
        }
        for (DoseEvent d : record.doses()) {
            // the same factor on the same amount is the same MME, and no factor is no MME in either
            if (d.purpose() == DosePurpose.PAIN && !Objects.equals(table.factor(edition, d, d.dailyDose()),
                    other.table.factor(other.edition, d, d.dailyDose()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a pain opioid was taken on enough days of the long-term window ending on {@code day}. */
    public boolean longTermOn(List<DoseMme> trace, LocalDate day) {
        return daysOnOpioids(trace, day.minusDays(config.longTermWindowDays() - 1L), day) >= config.longTermMinDays();
    }

    private static Exposure.BandStatus band(Double current, boolean complete, double threshold) {
        if (current == null) {
            return Exposure.BandStatus.NOT_ASSESSABLE;
        }
        if (current >= threshold) {
            return Exposure.BandStatus.HOLDS;
        }
        return complete ? Exposure.BandStatus.NO : Exposure.BandStatus.NOT_ASSESSABLE;
    }

    private String reason(DoseMme t) {
        if (t.route().isParenteral()) {
            return "route " + t.route().code() + " is not in the " + edition.code() + " table";
        }
        String note = t.note() == null ? "no factor" : t.note();
        return note.replaceFirst("^MME not (computed|used): ", "");
    }

    private static List<Exposure.Series> seriesWithoutMme(DoseSeries series, List<DoseMme> trace,
                                                         Map<String, DoseEvent> doses, LocalDate asOf) {
        Set<String> keys = new TreeSet<>();
        for (DoseMme t : trace) {
            if (t.purpose() == DosePurpose.PAIN && !t.computed() && !t.from().isAfter(asOf)) {
                keys.add(seriesKey(doses.get(t.doseId())));
            }
        }
        List<Exposure.Series> out = new ArrayList<>();
        for (String key : keys) {
            DoseSeries.Key k = series.keys().get(key);
            if (k == null) {
                continue;
            }
            List<Exposure.Point> points = new ArrayList<>();
            Double last = null;
            List<DoseSeries.Segment> segments = series.segments();
            for (int i = 0; i < segments.size(); i++) {
                DoseSeries.Segment s = segments.get(i);
                double v = s.series().getOrDefault(key, 0.0);
                if (last == null ? v != 0 : v != last) {
                    points.add(new Exposure.Point(s.from(), v));
                    last = v;
                }
                boolean gapAfter = i + 1 < segments.size() && segments.get(i + 1).from().isAfter(s.to().plusDays(1));
                if (gapAfter && last != null && last != 0) {
                    points.add(new Exposure.Point(s.to().plusDays(1), 0));
                    last = 0.0;
                }
            }
            out.add(new Exposure.Series(k.drug(), k.name(), k.route(), k.unit(), points));
        }
        return out;
    }

    /** The series a dose belongs to: one per drug, name for {@code other}, and route (DEFINITIONS §1). */
    static String seriesKey(DoseEvent d) {
        return d.drug().code() + "|" + (d.drug() == org.oihkb.model.Drug.OTHER ? d.name() : "") + "|"
                + d.route().code();
    }

    private List<DoseMme> trace(List<DoseEvent> doses, LocalDate asOf) {
        Map<String, List<DoseEvent>> groups = new TreeMap<>();
        for (DoseEvent d : doses) {
            // a scheduled dose and a PRN breakthrough dose of the same opioid are two regimens taken together,
            // not a dose change of one (an extended-release base plus an immediate-release rescue is common)
            groups.computeIfAbsent(d.drug().code() + "|" + d.route().code() + "|" + d.name() + "|" + d.prn(),
                    k -> new ArrayList<>()).add(d);
        }
        List<DoseMme> out = new ArrayList<>();
        for (List<DoseEvent> group : groups.values()) {
            group.sort(Comparator.comparing((DoseEvent d) -> d.effectiveStart(asOf)).thenComparing(DoseEvent::id));
            for (int i = 0; i < group.size(); i++) {
                DoseEvent d = group.get(i);
                LocalDate from = d.effectiveStart(asOf);
                LocalDate to = d.end();
                if (i + 1 < group.size()) {
                    LocalDate nextStart = group.get(i + 1).effectiveStart(asOf);
                    // a later period of the same drug and route replaces this one from its start day
                    if (to == null || !nextStart.isAfter(to)) {
                        to = nextStart.minusDays(1);
                    }
                }
                out.add(convert(d, from, to));
            }
        }
        out.sort(Comparator.comparing(DoseMme::from).thenComparing(DoseMme::doseId));
        return out;
    }

    private DoseMme convert(DoseEvent d, LocalDate from, LocalDate to) {
        if (d.purpose() == DosePurpose.OUD_TREATMENT) {
            return new DoseMme(d.id(), d.drug(), d.route(), d.purpose(), from, to, d.dailyDose(), d.unit(), null, null,
                    false, "MME not applied: treatment of opioid use disorder (CDC 2022 MME caution 7)");
        }
        MmeTable.Conversion c = table.convert(edition, d, d.dailyDose());
        if (c.computed() && c.mmePerDay() > config.maxPlausibleMme()) {
            // far beyond any clinical dose: most likely a unit slip (mcg entered as mg); never let it drive findings
            return new DoseMme(d.id(), d.drug(), d.route(), d.purpose(), from, to, d.dailyDose(), d.unit(), c.factor(),
                    null, false, "MME not used: " + Math.round(c.mmePerDay()) + " MME/day is above the plausible maximum of "
                    + Math.round(config.maxPlausibleMme()) + "; check the dose and its unit");
        }
        boolean pain = d.purpose() == DosePurpose.PAIN;
        String note = c.computed() ? (pain ? null : "purpose unknown: not counted towards MME thresholds until the "
                + "purpose is recorded (CDC 2022 MME caution 7)") : c.reason();
        return new DoseMme(d.id(), d.drug(), d.route(), d.purpose(), from, to, d.dailyDose(), d.unit(), c.factor(),
                c.mmePerDay(), pain && c.computed(), note);
    }

    private DoseSeries series(List<DoseMme> trace, Map<String, DoseEvent> doses, LocalDate asOf) {
        TreeSet<LocalDate> breaks = new TreeSet<>();
        List<DoseMme> live = new ArrayList<>();
        // keyed by the trace's own entries: a record's hash walks all twelve fields, identity does not
        Map<DoseMme, Double> trendMme = new IdentityHashMap<>();
        Map<DoseMme, Double> seriesValue = new IdentityHashMap<>();
        Map<DoseMme, String> seriesKeys = new IdentityHashMap<>();
        Map<String, DoseSeries.Key> keys = new TreeMap<>();
        for (DoseMme t : trace) {
            if ((t.to() != null && t.to().isBefore(t.from())) || t.from().isAfter(asOf)) {
                continue;
            }
            live.add(t);
            breaks.add(t.from());
            if (t.to() != null && t.to().isBefore(asOf)) {
                breaks.add(t.to().plusDays(1));
            }
            if (t.purpose() != DosePurpose.PAIN) {
                continue;
            }
            DoseEvent d = doses.get(t.doseId());
            String key = seriesKey(d);
            keys.putIfAbsent(key, new DoseSeries.Key(t.drug().code(), t.drug() == org.oihkb.model.Drug.OTHER
                    ? d.name() : null, t.route().code(), t.unit() == DoseUnit.MCG_PER_HOUR ? "mcg/h" : "mg/day"));
            double amount = d.prn() ? (d.takenDailyDose() == null ? 0 : d.takenDailyDose()) : d.dailyDose();
            seriesKeys.put(t, key);
            seriesValue.put(t, t.unit() == DoseUnit.MCG ? amount / 1000.0 : amount);
            if (t.computed()) {
                double trend = t.mmePerDay();
                if (d.prn()) {
                    // nothing taken, or an amount outside every band of the table (0 mg of 2016 methadone), adds nothing
                    MmeTable.Conversion taken = d.takenDailyDose() == null || d.takenDailyDose() <= 0 ? null
                            : table.convert(edition, d, d.takenDailyDose());
                    trend = taken != null && taken.computed() ? taken.mmePerDay() : 0;
                }
                trendMme.put(t, trend);
            }
        }
        List<DoseSeries.Segment> segments = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>(breaks);
        for (int i = 0; i < days.size(); i++) {
            LocalDate from = days.get(i);
            LocalDate to = i + 1 < days.size() ? days.get(i + 1).minusDays(1) : asOf;
            double band = 0;
            double trend = 0;
            int pain = 0;
            int withMme = 0;
            boolean any = false;
            Map<String, Double> values = new TreeMap<>();
            for (DoseMme t : live) {
                if (!t.covers(from)) {
                    continue;
                }
                any = true;
                if (t.purpose() != DosePurpose.PAIN) {
                    continue;
                }
                pain++;
                if (t.computed()) {
                    withMme++;
                    band += t.mmePerDay();
                    trend += trendMme.get(t);
                }
                double v = seriesValue.get(t);
                if (v > 0) {
                    values.merge(seriesKeys.get(t), v, Double::sum);
                }
            }
            if (any) {
                values.replaceAll((k, v) -> round(v));
                segments.add(new DoseSeries.Segment(from, to, round(band), round(trend), pain, withMme, values, true));
            }
        }
        return new DoseSeries(segments, keys);
    }

    private static double round(double v) {
        if (v == Math.rint(v)) {
            // whole numbers are the common case and need no decimal arithmetic (-0.0 becomes 0.0, as below)
            return v + 0.0;
        }
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    private static int daysOnOpioids(List<DoseMme> trace, LocalDate windowStart, LocalDate windowEnd) {
        List<LocalDate[]> spans = new ArrayList<>();
        for (DoseMme t : trace) {
            if (t.purpose() != DosePurpose.PAIN) {
                continue;
            }
            LocalDate from = t.from().isBefore(windowStart) ? windowStart : t.from();
            LocalDate to = t.to() == null || t.to().isAfter(windowEnd) ? windowEnd : t.to();
            if (!to.isBefore(from)) {
                spans.add(new LocalDate[] {from, to});
            }
        }
        spans.sort(Comparator.comparing((LocalDate[] s) -> s[0]));
        long days = 0;
        LocalDate coveredTo = null;
        for (LocalDate[] s : spans) {
            LocalDate from = coveredTo != null && !s[0].isAfter(coveredTo) ? coveredTo.plusDays(1) : s[0];
            if (!s[1].isBefore(from)) {
                days += ChronoUnit.DAYS.between(from, s[1]) + 1;
            }
            if (coveredTo == null || s[1].isAfter(coveredTo)) {
                coveredTo = s[1];
            }
        }
        return (int) days;
    }
}
