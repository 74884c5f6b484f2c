package org.oihkb.model;

import java.time.LocalDate;

/**
 * A period during which the patient took {@code dailyDose} {@code unit} of one opioid by one route,
 * every day from {@code start} to {@code end} inclusive ({@code end == null}: still taking it).
 *
 * <p>Build one with {@link #builder()}:
 * <pre>{@code
 * DoseEvent d = DoseEvent.builder().drug(Drug.OXYCODONE).route(Route.ORAL)
 *         .dailyDose(40).unit(DoseUnit.MG).start(LocalDate.of(2024, 6, 1)).build();
 * }</pre>
 *
 * @param id stable id; derived from the content when {@code null}
 * @param drug required
 * @param name the product or drug name; required for {@link Drug#OTHER}
 * @param route required
 * @param dailyDose amount per day (the daily maximum when {@code prn}); finite and &gt; 0
 * @param unit required; {@code mcg/h} exactly for transdermal doses
 * @param start first day; required
 * @param end last day, inclusive; {@code null} while still taken
 * @param purpose {@code pain} by default, {@code unknown} by default for methadone and buprenorphine
 * @param prn taken as needed
 * @param takenDailyDose for PRN doses, what was actually taken per day; optional
 * @param form optional dose form (tablet, patch, buccal-tablet, film, ...)
 * @param release optional immediate or extended release
 * @param status {@code active} by default; {@code proposed} for an order being signed
 * @param source optional reference back to the host's record
 */
public record DoseEvent(String id, Drug drug, String name, Route route, double dailyDose, DoseUnit unit,
                        LocalDate start, LocalDate end, DosePurpose purpose, boolean prn, Double takenDailyDose,
                        String form, Release release, DoseStatus status, String source) {

    /** @throws InvalidRecordException naming the field and the value */
    public DoseEvent {
        Check.required("drug", drug);
        Check.optionalText("name", name);
        if (drug == Drug.OTHER && name == null) {
            throw new InvalidRecordException("name", "is required when drug is 'other'", null);
        }
        Check.required("route", route);
        Check.finite("dailyDose", dailyDose);
        if (dailyDose <= 0) {
            throw new InvalidRecordException("dailyDose", "must be > 0", Check.number(dailyDose));
        }
        Check.required("unit", unit);
        if (route == Route.TRANSDERMAL && unit != DoseUnit.MCG_PER_HOUR) {
            throw new InvalidRecordException("unit", "must be mcg/h for a transdermal " + drug.code() + " dose",
                    unit.code());
        }
        if (route != Route.TRANSDERMAL && unit == DoseUnit.MCG_PER_HOUR) {
            throw new InvalidRecordException("unit", "must be mg or mcg for the " + route.code() + " route "
                    + "(mcg/h is for transdermal patches)", unit.code());
        }
        Check.required("start", start);
        Check.notBefore("end", end, "start", start);
        if (purpose == null) {
            purpose = drug == Drug.METHADONE || drug == Drug.BUPRENORPHINE ? DosePurpose.UNKNOWN : DosePurpose.PAIN;
        }
        if (takenDailyDose != null) {
            Check.finite("takenDailyDose", takenDailyDose);
            if (takenDailyDose < 0) {
                throw new InvalidRecordException("takenDailyDose", "must be >= 0", Check.number(takenDailyDose));
            }
            if (prn && takenDailyDose > dailyDose) {
                throw new InvalidRecordException("takenDailyDose",
                        "must be <= dailyDose (" + Check.number(dailyDose) + "), the PRN maximum",
                        Check.number(takenDailyDose));
            }
        }
        Check.optionalText("form", form);
        status = status == null ? DoseStatus.ACTIVE : status;
        Check.optionalText("source", source);
        id = id != null ? Check.optionalText("id", id)
                : Ids.derive("d", drug, name, route, dailyDose, unit, start, end, purpose, prn, takenDailyDose,
                        form, release, status);
    }

    /** The first day the dose counts: {@code asOf} for a proposed order, {@code start} otherwise. */
    public LocalDate effectiveStart(LocalDate asOf) {
        return status == DoseStatus.PROPOSED ? asOf : start;
    }

    /** Whether the dose is for pain, and so enters MME thresholds, escalation and taper options. */
    public boolean forPain() {
        return purpose == DosePurpose.PAIN;
    }

    /** A builder with every optional field unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DoseEvent}; validation happens in {@link #build()}. */
    public static final class Builder {
        private String id;
        private Drug drug;
        private String name;
        private Route route;
        private double dailyDose;
        private DoseUnit unit;
        private LocalDate start;
        private LocalDate end;
        private DosePurpose purpose;
        private boolean prn;
        private Double takenDailyDose;
        private String form;
        private Release release;
        private DoseStatus status;
        private String source;

        private Builder() {
        }

        /** @see DoseEvent#id() */
        public Builder id(String id) { this.id = id; return this; }
        /** @see DoseEvent#drug() */
        public Builder drug(Drug drug) { this.drug = drug; return this; }
        /** @see DoseEvent#name() */
        public Builder name(String name) { this.name = name; return this; }
        /** @see DoseEvent#route() */
        public Builder route(Route route) { this.route = route; return this; }
        /** @see DoseEvent#dailyDose() */
        public Builder dailyDose(double dailyDose) { this.dailyDose = dailyDose; return this; }
        /** @see DoseEvent#unit() */
        public Builder unit(DoseUnit unit) { this.unit = unit; return this; }
        /** @see DoseEvent#start() */
        public Builder start(LocalDate start) { this.start = start; return this; }
        /** @see DoseEvent#end() */
        public Builder end(LocalDate end) { this.end = end; return this; }
        /** @see DoseEvent#purpose() */
        public Builder purpose(DosePurpose purpose) { this.purpose = purpose; return this; }
        /** @see DoseEvent#prn() */
        public Builder prn(boolean prn) { this.prn = prn; return this; }
        /** @see DoseEvent#takenDailyDose() */
        public Builder takenDailyDose(Double takenDailyDose) { this.takenDailyDose = takenDailyDose; return this; }
        /** @see DoseEvent#form() */
        public Builder form(String form) { this.form = form; return this; }
        /** @see DoseEvent#release() */
        public Builder release(Release release) { this.release = release; return this; }
        /** @see DoseEvent#status() */
        public Builder status(DoseStatus status) { this.status = status; return this; }
        /** @see DoseEvent#source() */
        public Builder source(String source) { this.source = source; return this; }

        /** @throws InvalidRecordException naming the field and the value */
        public DoseEvent build() {
            return new DoseEvent(id, drug, name, route, dailyDose, unit, start, end, purpose, prn, takenDailyDose,
                    form, release, status, source);
        }
    }
}
