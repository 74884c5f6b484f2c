package org.oihkb.engine.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.oihkb.engine.MmeEdition;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DoseUnit;

/**
 * The MME conversion factors as data ({@code mme-factors.csv}), keyed by edition, drug, route, unit and
 * form. Whatever the table does not cover gets no MME and a reason: nothing is guessed.
 */
public final class MmeTable {

    /** A conversion: either a factor or the reason there is none. */
    public record Conversion(Double factor, Double mmePerDay, String reason) {
        /** Whether an MME was computed. */
        public boolean computed() {
            return factor != null;
        }
    }

    private record Row(String edition, String drug, String route, String unit, String form, Double minExclusive,
                       Double maxInclusive, Double factor, String reason, Long hundredths) {
        /** Whether the row fits the dose; its edition and drug are the index's keys, so they are not compared. */
        boolean matches(DoseEvent d, double dailyAmount) {
            double doseInRowUnit = inRowUnit(d, dailyAmount);
            return (route.equals("*") || route.equals(d.route().code()))
                    && (unit.equals("*") || unit.equals(d.unit().code())
                        || (unit.equals("mg") && d.unit() == DoseUnit.MCG))
                    && (form.equals("*") || form.equals(d.form()))
                    && (minExclusive == null || doseInRowUnit > minExclusive)
                    && (maxInclusive == null || doseInRowUnit <= maxInclusive);
        }

        /** The amount in this row's unit: a dose in mcg is converted to mg for an mg row. */
        double inRowUnit(DoseEvent d, double dailyAmount) {
            return unit.equals("mg") && d.unit() == DoseUnit.MCG ? dailyAmount / 1000.0 : dailyAmount;
        }
    }

    /** The rows by edition and drug, each list in the file's order (the first matching row wins). */
    private final Map<String, Map<String, List<Row>>> rows;

    private MmeTable(List<Row> rows) {
        Map<String, Map<String, List<Row>>> index = new HashMap<>();
        for (Row r : rows) {
            index.computeIfAbsent(r.edition(), k -> new HashMap<>()).computeIfAbsent(r.drug(), k -> new ArrayList<>())
                    .add(r);
        }
        index.replaceAll((edition, byDrug) -> {
            byDrug.replaceAll((drug, list) -> List.copyOf(list));
            return Map.copyOf(byDrug);
        });
        this.rows = Map.copyOf(index);
    }

    /** The table shipped with the library. */
    public static MmeTable builtIn() {
        try (InputStream in = MmeTable.class.getResourceAsStream("/org/oihkb/engine/mme-factors.csv")) {
            return parse(Objects.requireNonNull(in, "mme-factors.csv is missing from the classpath"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MmeTable parse(InputStream in) throws IOException {
        List<Row> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        boolean header = true;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] c = line.split(",", 9);
            Double factor = num(c[7]);
            rows.add(new Row(c[0], c[1], c[2], c[3], c[4], num(c[5]), num(c[6]), factor,
                    c[8].isBlank() ? null : c[8], factor == null ? null : hundredths(factor)));
        }
        return new MmeTable(rows);
    }

    private static Double num(String s) {
        return s.isBlank() ? null : Double.valueOf(s);
    }

    /**
     * Converts one dose at the given daily amount (the recorded dose, or what was taken for PRN).
     * Parenteral routes are never converted.
     */
    public Conversion convert(MmeEdition edition, DoseEvent dose, double dailyAmount) {
        if (dose.route().isParenteral()) {
            return new Conversion(null, null, "MME not computed: " + dose.route().code()
                    + " route has no factor in the CDC tables");
        }
        Row r = row(edition, dose, dailyAmount);
        if (r == null) {
            return new Conversion(null, null, "MME not computed: no " + edition.code() + " factor for "
                    + dose.drug().code() + " " + dose.route().code() + " in " + dose.unit().code());
        }
        if (r.factor() == null) {
            return new Conversion(null, null, r.reason());
        }
        return new Conversion(r.factor(), product(r.inRowUnit(dose, dailyAmount), r.factor(), r.hundredths()), null);
    }

    /**
     * The factor {@link #convert} would apply, or {@code null} when it would compute no MME, without the
     * multiplication or the reason's wording: enough to tell whether two editions convert a dose alike.
     */
    public Double factor(MmeEdition edition, DoseEvent dose, double dailyAmount) {
        if (dose.route().isParenteral()) {
            return null;
        }
        Row r = row(edition, dose, dailyAmount);
        return r == null ? null : r.factor();
    }

    private Row row(MmeEdition edition, DoseEvent dose, double dailyAmount) {
        for (Row r : rows.getOrDefault(edition.code(), Map.of()).getOrDefault(dose.drug().code(), List.of())) {
            if (r.matches(dose, dailyAmount)) {
                return r;
            }
        }
        return null;
    }

    /**
     * {@link #multiply}'s product, without decimal arithmetic when the amount is a whole number and the factor
     * has at most two decimals (nearly every dose): the product in hundredths is then an exact integer, and one
     * division gives the double nearest to it, as {@code BigDecimal.doubleValue} does.
     */
    static double product(double amount, double factor, Long hundredths) {
        if (hundredths != null && amount == Math.rint(amount) && Math.abs(amount) < 1e12) {
            return Math.round(amount) * hundredths / 100.0;
        }
        return multiply(amount, factor);
    }

    /** The factor in hundredths when it has at most two decimals, else {@code null}. */
    static Long hundredths(double factor) {
        BigDecimal f = BigDecimal.valueOf(factor).movePointRight(2);
        try {
            long h = f.longValueExact();
            return Math.abs(h) < 1_000_000 ? h : null;
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** Decimal multiplication, so 60 mg × 4.7 is exactly 282 and thresholds compare as a clinician would. */
    static double multiply(double amount, double factor) {
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(factor))
                .setScale(3, RoundingMode.HALF_UP).doubleValue();
    }
}
