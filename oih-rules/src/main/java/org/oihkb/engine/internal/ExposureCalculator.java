package org.oihkb.engine.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.oihkb.engine.Config;
import org.oihkb.engine.MmeEdition;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DoseMme;
import org.oihkb.model.DosePurpose;
import org.oihkb.model.Exposure;
import org.oihkb.model.PatientRecord;

/**
 * Turns dose periods into the MME trace, the daily dose series and the exposure summary (DEFINITIONS.md,
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
        for (DoseMme t : trace) {
            if (t.purpose() == DosePurpose.PAIN && !t.computed() && t.covers(asOf)) {
                notComputed.add(t.doseId());
            }
        }
        notComputed.sort(null);
        int days = daysOnOpioids(trace, asOf.minusDays(config.longTermWindowDays() - 1L), asOf);
        Exposure exposure = new Exposure(edition.code(), series.bandOn(asOf),
                series.peakBand(asOf.minusDays(config.peakLookbackDays()), asOf), notComputed.isEmpty(), notComputed,
                days, days >= config.longTermMinDays(), trace);
        return new Result(exposure, series);
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
        TreeMap<LocalDate, double[]> deltas = new TreeMap<>();
        for (DoseMme t : trace) {
            if (!t.countsForThresholds() || (t.to() != null && t.to().isBefore(t.from()))) {
                continue;
            }
            DoseEvent d = doses.get(t.doseId());
            double band = t.mmePerDay();
            double trend = band;
            if (d.prn()) {
                // nothing taken, or an amount outside every band of the table (0 mg of 2016 methadone), adds nothing
                MmeTable.Conversion taken = d.takenDailyDose() == null || d.takenDailyDose() <= 0 ? null
                        : table.convert(edition, d, d.takenDailyDose());
                trend = taken != null && taken.computed() ? taken.mmePerDay() : 0;
            }
            add(deltas, t.from(), band, trend);
            if (t.to() != null) {
                add(deltas, t.to().plusDays(1), -band, -trend);
            }
        }
        List<DoseSeries.Segment> segments = new ArrayList<>();
        double band = 0;
        double trend = 0;
        LocalDate segmentStart = null;
        for (Map.Entry<LocalDate, double[]> e : deltas.entrySet()) {
            LocalDate day = e.getKey();
            if (segmentStart != null && (band != 0 || trend != 0)) {
                segments.add(new DoseSeries.Segment(segmentStart, day.minusDays(1), band, trend));
            }
            band = round(band + e.getValue()[0]);
            trend = round(trend + e.getValue()[1]);
            segmentStart = day;
        }
        if (segmentStart != null && (band != 0 || trend != 0)) {
            // an open-ended period runs to asOf for the purpose of the series
            segments.add(new DoseSeries.Segment(segmentStart, segmentStart.isAfter(asOf) ? segmentStart : asOf,
                    band, trend));
        }
        return new DoseSeries(segments);
    }

    private static void add(TreeMap<LocalDate, double[]> deltas, LocalDate day, double band, double trend) {
        double[] d = deltas.computeIfAbsent(day, k -> new double[2]);
        d[0] += band;
        d[1] += trend;
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
