package org.oihkb.fhir.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;
import org.oihkb.fhir.FhirInputException;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DosePurpose;
import org.oihkb.model.DoseStatus;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.Medication;
import org.oihkb.model.MedicationClass;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Route;

/**
 * MedicationRequest, MedicationStatement and MedicationDispense to opioid dose periods (by the CDC MME
 * calculator's rules over the OMTK table) and non-opioid medicines (by class).
 */
final class MedicationMapper {

    private static final Set<String> MASS_UNITS = Set.of("mg", "ug", "mcg", "g");
    private static final Set<String> VOLUME_UNITS = Set.of("mL", "ml");
    private static final Set<String> RATE_UNITS = Set.of("ug/h", "mcg/h", "mg/h", "ug/hr", "mcg/hr");
    // Counts of the product's units ("1 tablet", "2 {puff}"): each carries the product's strength
    private static final Set<String> COUNT_UNITS = Set.of("tablet", "tablets", "tab", "tabs", "{tbl}", "{tablet}",
            "{tablets}", "capsule", "capsules", "cap", "{capsule}", "{cap}", "patch", "patches", "{patch}",
            "spray", "sprays", "{spray}", "actuation", "actuations", "{actuat}", "{actuation}", "puff", "{puff}",
            "film", "films", "{film}", "strip", "{strip}", "lozenge", "{lozenge}", "troche", "{troche}",
            "suppository", "{suppository}", "1", "{dose}", "dose", "doses", "each", "ea", "{each}", "unit",
            "{unit}", "implant", "{implant}", "TAB", "CAP", "PATCH", "{Tablet}", "Tablet", "Capsule", "Patch");

    private final LocalDate asOf;
    private final RecordMapper owner;
    private final boolean oudContext;
    private final RxNormTable table = RxNormTable.get();

    MedicationMapper(LocalDate asOf, RecordMapper owner, boolean oudContext) {
        this.asOf = asOf;
        this.owner = owner;
        this.oudContext = oudContext;
    }

    /** What one medication resource says, in one shape. */
    private record Order(Resource resource, CodeableConcept medication, Dosage dosage, String dosagePath,
                         DoseStatus status, LocalDate start, LocalDate end, List<CodeableConcept> reasons) {
    }

    void map(RecordMapper.Input in, PatientRecord.Builder b) {
        Resource resource = in.resource();
        Order order = resource instanceof MedicationRequest m ? request(m, in.draftOrder())
                : resource instanceof MedicationStatement m ? statement(m)
                : resource instanceof MedicationDispense m ? dispense(m) : null;
        if (order == null) {
            return;
        }
        RxNormTable.Product product = null;
        for (Coding c : order.medication().getCoding()) {
            if (Vocabulary.RXNORM.equals(c.getSystem())) {
                product = table.product(c.getCode());
                if (product != null) {
                    break;
                }
            }
        }
        if (product != null) {
            opioid(order, product, b);
            return;
        }
        product = table.fromName(name(order.medication()));
        if (product != null) {
            owner.note(RecordMapper.FROM_NAME, order.resource(), "medication", "(" + RecordMapper.codes(
                    order.medication()) + ") is not in the CDC OMTK RxNorm table; ingredient, strength and form "
                    + "were read from its name '" + product.name() + "'");
            opioid(order, product, b);
            return;
        }
        MedicationClass cls = RecordMapper.medicationClass(order.medication());
        if (cls != null) {
            nonOpioid(order, cls, b);
            return;
        }
        owner.note(RecordMapper.UNKNOWN_MEDICATION, order.resource(), "medication", "(" + RecordMapper.codes(
                order.medication()) + (name(order.medication()) == null ? "" : ", '" + name(order.medication()) + "'")
                + ") is neither an opioid of the CDC OMTK RxNorm table nor a medicine of a listed class; not used");
    }

    private Order request(MedicationRequest m, boolean draftOrder) {
        String status = m.hasStatus() ? m.getStatus().toCode() : "unknown";
        DoseStatus doseStatus;
        switch (status) {
            case "draft" -> doseStatus = DoseStatus.PROPOSED;
            case "active", "on-hold", "completed", "stopped" -> doseStatus = DoseStatus.ACTIVE;
            case "cancelled", "entered-in-error" -> {
                owner.note(RecordMapper.UNUSABLE, m, "status", "is " + status + "; the order was never taken, not used");
                return null;
            }
            default -> {
                owner.note(RecordMapper.UNUSABLE, m, "status", "is " + status + "; taken as an active order");
                doseStatus = DoseStatus.ACTIVE;
            }
        }
        if (draftOrder) {
            doseStatus = DoseStatus.PROPOSED;
        }
        CodeableConcept med = owner.medicationConcept(m, m.getMedication(), "medication");
        if (med == null) {
            return null;
        }
        LocalDate start = null;
        LocalDate end = null;
        Integer supplyDays = null;
        if (m.hasDispenseRequest()) {
            MedicationRequest.MedicationRequestDispenseRequestComponent d = m.getDispenseRequest();
            start = RecordMapper.start(d.getValidityPeriod());
            end = RecordMapper.end(d.getValidityPeriod());
            if (d.hasExpectedSupplyDuration()) {
                supplyDays = days(m, d.getExpectedSupplyDuration(), "dispenseRequest.expectedSupplyDuration");
                if (supplyDays != null && d.hasNumberOfRepeatsAllowed()) {
                    supplyDays = supplyDays * (1 + Math.max(0, d.getNumberOfRepeatsAllowed()));
                }
            }
        }
        if (start == null && m.hasAuthoredOn()) {
            start = RecordMapper.date(m.getAuthoredOnElement());
        }
        if (doseStatus == DoseStatus.PROPOSED) {
            start = asOf;
            end = null;
        }
        if (start != null && supplyDays != null) {
            end = start.plusDays(supplyDays - 1L);
        }
        return new Order(m, med, m.getDosageInstruction().isEmpty() ? null : m.getDosageInstructionFirstRep(),
                "dosageInstruction[0]", doseStatus, start, end, m.getReasonCode());
    }

    private Order statement(MedicationStatement m) {
        String status = m.hasStatus() ? m.getStatus().toCode() : "unknown";
        if (!Set.of("active", "completed", "stopped", "on-hold").contains(status)) {
            owner.note(RecordMapper.UNUSABLE, m, "status", "is " + status + "; not used");
            return null;
        }
        CodeableConcept med = owner.medicationConcept(m, m.getMedication(), "medication");
        if (med == null) {
            return null;
        }
        LocalDate start = null;
        LocalDate end = null;
        if (m.hasEffectiveDateTimeType()) {
            start = RecordMapper.date(m.getEffectiveDateTimeType());
        } else if (m.hasEffectivePeriod()) {
            start = RecordMapper.start(m.getEffectivePeriod());
            end = RecordMapper.end(m.getEffectivePeriod());
        }
        if (start == null && m.hasDateAsserted()) {
            start = RecordMapper.date(m.getDateAssertedElement());
        }
        return new Order(m, med, m.getDosage().isEmpty() ? null : m.getDosageFirstRep(), "dosage[0]",
                DoseStatus.ACTIVE, start, end, m.getReasonCode());
    }

    private Order dispense(MedicationDispense m) {
        String status = m.hasStatus() ? m.getStatus().toCode() : "unknown";
        if (!Set.of("completed", "in-progress").contains(status)) {
            owner.note(RecordMapper.UNUSABLE, m, "status", "is " + status + "; not used");
            return null;
        }
        CodeableConcept med = owner.medicationConcept(m, m.getMedication(), "medication");
        if (med == null) {
            return null;
        }
        LocalDate start = m.hasWhenHandedOver() ? RecordMapper.date(m.getWhenHandedOverElement())
                : m.hasWhenPrepared() ? RecordMapper.date(m.getWhenPreparedElement()) : null;
        LocalDate end = null;
        if (start != null && m.hasDaysSupply()) {
            Integer days = days(m, m.getDaysSupply(), "daysSupply");
            end = days == null ? null : start.plusDays(days - 1L);
        }
        return new Order(m, med, m.getDosageInstruction().isEmpty() ? null : m.getDosageInstructionFirstRep(),
                "dosageInstruction[0]", DoseStatus.ACTIVE, start, end, List.of());
    }

    private void nonOpioid(Order order, MedicationClass cls, PatientRecord.Builder b) {
        LocalDate start = order.start();
        if (start != null && start.isAfter(asOf)) {
            owner.note(RecordMapper.AFTER_AS_OF, order.resource(), "", "starts after asOf (" + asOf + "); not used");
            return;
        }
        LocalDate end = order.end() != null && start != null && order.end().isBefore(start) ? null : order.end();
        b.medication(new Medication(RecordMapper.key(order.resource()), cls, name(order.medication()), start, end,
                RecordMapper.key(order.resource())));
    }

    private void opioid(Order order, RxNormTable.Product product, PatientRecord.Builder b) {
        Resource r = order.resource();
        if (order.start() == null) {
            owner.note(RecordMapper.UNUSABLE, r, "", "has no start date (no validityPeriod.start, authoredOn, "
                    + "effective or whenHandedOver); the " + product.name() + " dose is not used");
            return;
        }
        if (order.status() != DoseStatus.PROPOSED && order.start().isAfter(asOf)) {
            owner.note(RecordMapper.AFTER_AS_OF, r, "", "starts " + order.start() + ", after asOf (" + asOf
                    + "); not used");
            return;
        }
        LocalDate end = order.end();
        if (end != null && end.isBefore(order.start())) {
            owner.note(RecordMapper.UNUSABLE, r, "", "ends (" + end + ") before it starts (" + order.start()
                    + "); the end is not used");
            end = null;
        }
        Dose dose = dose(order, product);
        if (dose == null) {
            return;
        }
        Route route = product.route();
        if (route == null) {
            route = parenteralRoute(order);
        }
        List<RxNormTable.Ingredient> ingredients = product.ingredients();
        for (int i = 0; i < ingredients.size(); i++) {
            RxNormTable.Ingredient ing = ingredients.get(i);
            double daily;
            DoseUnit unit;
            if (product.patch()) {
                unit = DoseUnit.MCG_PER_HOUR;
                daily = dose.rate() ? dose.value() * rateFactor(dose.unit()) : dose.value() * perHourMcg(ing);
            } else if (dose.kind() == DoseKind.MASS) {
                daily = dose.perDay() * dose.value() * massToMg(dose.unit());
                unit = DoseUnit.MG;
            } else {
                double strengthMg = ing.strength() * (ing.strengthUnit().startsWith("MG") ? 1 : 0);
                daily = dose.perDay() * dose.value() * strengthMg;
                unit = DoseUnit.MG;
            }
            if (ing.drug() == Drug.FENTANYL && unit == DoseUnit.MG) {
                // Transmucosal fentanyl is prescribed and converted in micrograms
                daily = daily * 1000;
                unit = DoseUnit.MCG;
            }
            if (!(daily > 0) || Double.isInfinite(daily)) {
                owner.note(RecordMapper.NO_DOSE, r, order.dosagePath(), "gives a daily dose of " + RecordMapper.num(daily)
                        + "; the " + product.name() + " dose is not used");
                continue;
            }
            String id = RecordMapper.key(r) + (ingredients.size() > 1 ? "#" + ing.name() : "");
            b.dose(DoseEvent.builder().id(id).drug(ing.drug())
                    .name(ing.drug() == Drug.OTHER ? ing.name() : product.name())
                    .route(route).dailyDose(round(daily)).unit(unit).start(order.start()).end(end)
                    .purpose(purpose(order, product, ing)).prn(dose.prn()).form(product.form())
                    .release(product.release()).status(order.status()).source(RecordMapper.key(r)).build());
        }
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private enum DoseKind { MASS, VOLUME, COUNT }

    private record Dose(double value, String unit, DoseKind kind, boolean rate, double perDay, boolean prn) {
    }

    /** The CDC calculator's reading of a dosage: dose, unit and doses per day, or {@code null} with a note. */
    private Dose dose(Order order, RxNormTable.Product product) {
        Resource r = order.resource();
        Dosage dosage = order.dosage();
        String path = order.dosagePath();
        if (dosage == null) {
            owner.note(RecordMapper.NO_DOSE, r, path, "is missing; no daily dose of " + product.name()
                    + " can be computed");
            return null;
        }
        Dosage.DosageDoseAndRateComponent dr = null;
        int drIndex = -1;
        for (int i = 0; i < dosage.getDoseAndRate().size(); i++) {
            Dosage.DosageDoseAndRateComponent c = dosage.getDoseAndRate().get(i);
            boolean ordered = !c.hasType() || c.getType().getCoding().stream().anyMatch(k -> "ordered".equals(k.getCode()));
            if (ordered) {
                dr = c;
                drIndex = i;
                break;
            }
        }
        if (dr == null || !dr.hasDose()) {
            owner.note(RecordMapper.NO_DOSE, r, path + ".doseAndRate", dr == null && dosage.hasDoseAndRate()
                    ? "has no entry of type 'ordered' or without a type; no daily dose can be computed"
                    : "gives no dose; no daily dose of " + product.name() + " can be computed");
            return null;
        }
        String dosePath = path + ".doseAndRate[" + drIndex + "]";
        Quantity q;
        if (dr.getDose() instanceof Range range) {
            // A dose range takes its high end, the most aggressive dosing (as the CDC calculator does)
            q = range.getHigh();
            dosePath += ".doseRange.high";
            if (q == null || !q.hasValue()) {
                owner.note(RecordMapper.NO_DOSE, r, dosePath, "is missing; no daily dose can be computed");
                return null;
            }
        } else {
            q = (Quantity) dr.getDose();
            dosePath += ".doseQuantity";
        }
        if (!q.hasValue()) {
            owner.note(RecordMapper.NO_DOSE, r, dosePath, "has no value; no daily dose can be computed");
            return null;
        }
        double value = q.getValue().doubleValue();
        String unit = RecordMapper.unitOf(q);
        if (value < 0) {
            throw new FhirInputException(RecordMapper.key(r) + "." + dosePath + ".value", "a dose must be > 0",
                    RecordMapper.num(value) + (unit == null ? "" : " " + unit));
        }
        if (value == 0) {
            owner.note(RecordMapper.NO_DOSE, r, dosePath, "is 0; no daily dose can be computed");
            return null;
        }
        DoseKind kind;
        boolean rate = false;
        if (unit != null && MASS_UNITS.contains(unit)) {
            kind = DoseKind.MASS;
        } else if (unit != null && RATE_UNITS.contains(unit) && product.patch()) {
            kind = DoseKind.MASS;
            rate = true;
        } else if (unit != null && VOLUME_UNITS.contains(unit)) {
            if (product.ingredients().stream().anyMatch(i -> !i.strengthUnit().endsWith("/ML"))) {
                owner.note(RecordMapper.NO_DOSE, r, dosePath, "is in mL, but " + product.name() + " is not a "
                        + "solution; no daily dose can be computed");
                return null;
            }
            kind = DoseKind.VOLUME;
        } else if (unit == null || COUNT_UNITS.contains(unit)) {
            if (product.ingredients().stream().anyMatch(i -> i.strengthUnit().endsWith("/ML"))) {
                owner.note(RecordMapper.NO_DOSE, r, dosePath, "counts units ('" + unit + "') of a solution ("
                        + product.name() + "); no daily dose can be computed");
                return null;
            }
            kind = DoseKind.COUNT;
        } else {
            owner.note(RecordMapper.NO_DOSE, r, dosePath, "unit '" + unit + "' makes no sense for "
                    + product.name() + "; no daily dose can be computed");
            return null;
        }
        Double perDay = perDay(r, dosage.getTiming(), path + ".timing");
        if (perDay == null) {
            return null;
        }
        boolean prn = dosage.hasAsNeeded() && (!dosage.hasAsNeededBooleanType() || dosage.getAsNeededBooleanType().booleanValue());
        return new Dose(value, unit, kind, rate, perDay, prn);
    }

    /** Doses per day: frequencyMax over frequency per period, else the count of timeOfDay, else 1 (CDC rules). */
    private Double perDay(Resource r, Timing timing, String path) {
        Timing.TimingRepeatComponent repeat = timing != null && timing.hasRepeat() ? timing.getRepeat() : null;
        if (repeat == null) {
            return 1.0;
        }
        Integer frequency = repeat.hasFrequencyMax() ? Integer.valueOf(repeat.getFrequencyMax())
                : repeat.hasFrequency() ? Integer.valueOf(repeat.getFrequency()) : null;
        if (frequency != null && repeat.hasPeriod()) {
            double period = repeat.getPeriod().doubleValue();
            if (!(period > 0) || frequency < 0) {
                throw new FhirInputException(path + ".repeat.period", "must be > 0 with a frequency >= 0",
                        RecordMapper.num(period) + ", frequency " + frequency);
            }
            if (!repeat.hasPeriodUnit()) {
                owner.note(RecordMapper.NO_DOSE, r, path + ".repeat.periodUnit", "is missing; doses per day cannot be "
                        + "computed, no daily dose is used");
                return null;
            }
            double days = switch (repeat.getPeriodUnit().toCode()) {
                case "s" -> period / 86_400;
                case "min" -> period / 1440;
                case "h" -> period / 24;
                case "d" -> period;
                case "wk" -> period * 7;
                case "mo" -> period * 30;
                case "a" -> period * 365;
                default -> Double.NaN;
            };
            if (Double.isNaN(days)) {
                owner.note(RecordMapper.NO_DOSE, r, path + ".repeat.periodUnit", "'" + repeat.getPeriodUnit().toCode()
                        + "' is not a period unit; no daily dose is used");
                return null;
            }
            return frequency / days;
        }
        if (!repeat.getTimeOfDay().isEmpty()) {
            return (double) repeat.getTimeOfDay().size();
        }
        return 1.0;
    }

    private Integer days(Resource r, Quantity d, String path) {
        if (!d.hasValue()) {
            return null;
        }
        double v = d.getValue().doubleValue();
        String unit = d.hasCode() ? d.getCode() : d.hasUnit() ? d.getUnit().toLowerCase(Locale.ROOT) : "d";
        double days = switch (unit) {
            case "d", "day", "days" -> v;
            case "wk", "week", "weeks" -> v * 7;
            case "mo", "month", "months" -> v * 30;
            default -> Double.NaN;
        };
        if (Double.isNaN(days) || days < 1 || days > 3660) {
            owner.note(RecordMapper.UNUSABLE, r, path, "(" + RecordMapper.num(v) + " " + unit + ") is not a usable "
                    + "supply duration; the end of the period is not known");
            return null;
        }
        return (int) Math.ceil(days);
    }

    private Route parenteralRoute(Order order) {
        Dosage d = order.dosage();
        if (d != null && d.hasRoute()) {
            for (Coding c : d.getRoute().getCoding()) {
                String code = c.getCode() == null ? "" : c.getCode();
                String display = c.hasDisplay() ? c.getDisplay().toLowerCase(Locale.ROOT) : "";
                if (code.equals("47625008") || display.contains("intravenous")) {
                    return Route.INTRAVENOUS;
                }
                if (code.equals("78421000") || display.contains("intramuscular")) {
                    return Route.INTRAMUSCULAR;
                }
                if (code.equals("34206005") || display.contains("subcutaneous")) {
                    return Route.SUBCUTANEOUS;
                }
            }
        }
        owner.note(RecordMapper.UNUSABLE, order.resource(), order.dosagePath() + ".route", "does not say how the "
                + "injection is given; taken as intravenous (injections have no MME factor either way)");
        return Route.INTRAVENOUS;
    }

    /**
     * The purpose of a dose: a pain reason says pain; an OUD reason, a buprenorphine product for OUD
     * (sublingual, with naloxone, implant) or methadone in an OUD context says OUD treatment; other
     * buprenorphine and methadone stays unknown (the assessment asks for it).
     */
    private DosePurpose purpose(Order order, RxNormTable.Product product, RxNormTable.Ingredient ing) {
        for (CodeableConcept reason : order.reasons()) {
            for (Coding c : reason.getCoding()) {
                org.oihkb.model.ConditionCode code = Vocabulary.get().condition(c);
                if (code == org.oihkb.model.ConditionCode.OPIOID_USE_DISORDER) {
                    return DosePurpose.OUD_TREATMENT;
                }
                if (code == org.oihkb.model.ConditionCode.CHRONIC_PAIN) {
                    return DosePurpose.PAIN;
                }
            }
        }
        return inferred(ing.drug(), product, oudContext);
    }

    /** The purpose of a dose without a reason code: from the drug, the product and the OUD context. */
    static DosePurpose inferred(Drug drug, RxNormTable.Product product, boolean oudContext) {
        if (drug == Drug.BUPRENORPHINE) {
            String name = product.name().toLowerCase(Locale.ROOT);
            if (product.route() == Route.SUBLINGUAL || name.contains("naloxone") || "implant".equals(product.form())) {
                return DosePurpose.OUD_TREATMENT;
            }
            if (product.route() == Route.TRANSDERMAL || product.route() == Route.BUCCAL) {
                return DosePurpose.PAIN;
            }
            return oudContext ? DosePurpose.OUD_TREATMENT : DosePurpose.UNKNOWN;
        }
        if (drug == Drug.METHADONE) {
            return oudContext ? DosePurpose.OUD_TREATMENT : DosePurpose.UNKNOWN;
        }
        return DosePurpose.PAIN;
    }

    private static double perHourMcg(RxNormTable.Ingredient ing) {
        return ing.strengthUnit().equals("MG/HR") ? ing.strength() * 1000 : Double.NaN;
    }

    private static double rateFactor(String unit) {
        return unit.startsWith("mg") ? 1000 : 1;
    }

    private static double massToMg(String unit) {
        return switch (unit) {
            case "g" -> 1000;
            case "ug", "mcg" -> 0.001;
            default -> 1;
        };
    }

    private static String name(CodeableConcept cc) {
        if (cc.hasText()) {
            return cc.getText();
        }
        for (Coding c : cc.getCoding()) {
            if (c.hasDisplay()) {
                return c.getDisplay();
            }
        }
        return null;
    }

}
