package org.oihkb.fhir.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oihkb.model.Drug;
import org.oihkb.model.Release;
import org.oihkb.model.Route;

/**
 * The RxNorm opioid products of the CDC OMTK data, generated at build time by {@link RxNormTableGenerator}:
 * drug code to opioid ingredients with strength, and the dose form read as route, form and release.
 */
public final class RxNormTable {

    /** The RxNorm dose form code of a transdermal system (patch). */
    public static final String TRANSDERMAL_SYSTEM = "316987";

    /** One opioid ingredient of a product with its strength, e.g. 0.075 MG/HR or 5 MG/ML. */
    public record Ingredient(String code, String name, Drug drug, double strength, String strengthUnit) {
    }

    /**
     * One RxNorm drug.
     *
     * @param route from the dose form
     * @param form the contract's form word (tablet, patch, film, ...)
     * @param release extended when the dose form or name says so, otherwise immediate; {@code null} for patches
     * @param parenteral an injection, whose route the dose form does not tell
     */
    public record Product(String code, String name, String doseFormCode, String doseFormName, Route route,
                          String form, Release release, boolean parenteral, List<Ingredient> ingredients) {

        /** Whether this is a transdermal system, dosed in patches of a per-hour strength. */
        public boolean patch() {
            return TRANSDERMAL_SYSTEM.equals(doseFormCode);
        }
    }

    private static final Map<String, Drug> DRUGS = Map.ofEntries(
            Map.entry("buprenorphine", Drug.BUPRENORPHINE), Map.entry("codeine", Drug.CODEINE),
            Map.entry("fentanyl", Drug.FENTANYL), Map.entry("hydrocodone", Drug.HYDROCODONE),
            Map.entry("hydromorphone", Drug.HYDROMORPHONE), Map.entry("levorphanol", Drug.LEVORPHANOL),
            Map.entry("meperidine", Drug.MEPERIDINE), Map.entry("methadone", Drug.METHADONE),
            Map.entry("morphine", Drug.MORPHINE), Map.entry("oxycodone", Drug.OXYCODONE),
            Map.entry("oxymorphone", Drug.OXYMORPHONE), Map.entry("tapentadol", Drug.TAPENTADOL),
            Map.entry("tramadol", Drug.TRAMADOL));

    private static final RxNormTable INSTANCE = load();

    private final Map<String, Product> products;
    private final List<String> ingredientNames;

    private RxNormTable(Map<String, Product> products) {
        this.products = Map.copyOf(products);
        this.ingredientNames = products.values().stream().flatMap(p -> p.ingredients().stream())
                .map(Ingredient::name).distinct().sorted().toList();
    }

    /** The table shipped in the jar. */
    public static RxNormTable get() {
        return INSTANCE;
    }

    /** The product with this RxNorm drug code, or {@code null}. */
    public Product product(String rxNormCode) {
        return rxNormCode == null ? null : products.get(rxNormCode.strip());
    }

    /**
     * The product a dose of {@code drug} by {@code route} is written as: one opioid ingredient, alone when the
     * table has such a product, a patch exactly when
     * the route is transdermal, an injection for a parenteral route, of the given release when the table has
     * one (immediate when {@code release} is {@code null}), the lowest RxNorm code among equals so that the
     * choice never varies. {@code null} when the table has no such product.
     */
    public Product choose(Drug drug, Route route, Release release) {
        Release wanted = release == null ? Release.IMMEDIATE : release;
        Product best = null;
        int bestScore = Integer.MAX_VALUE;
        for (Product p : products.values()) {
            if (p.ingredients().size() != 1 || p.ingredients().get(0).drug() != drug || drug == Drug.OTHER) {
                continue;
            }
            boolean routeFits = route == Route.TRANSDERMAL ? p.patch()
                    : !p.patch() && (p.route() == route || route.isParenteral() && p.parenteral());
            if (!routeFits) {
                continue;
            }
            // the opioid alone before a combination (with naloxone or paracetamol), the dose form's own route
            // before an injection's, the wanted release before another
            int score = (p.name().contains(" / ") ? 4 : 0) + (p.route() == route ? 0 : 2)
                    + (p.patch() || p.release() == wanted ? 0 : 1);
            if (score < bestScore || score == bestScore && codeOrder(p.code(), best.code()) < 0) {
                best = p;
                bestScore = score;
            }
        }
        return best;
    }

    private static int codeOrder(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    /** How many drugs the table holds. */
    public int size() {
        return products.size();
    }

    private static final java.util.regex.Pattern STRENGTH = java.util.regex.Pattern.compile(
            "^[a-z ,()-]*?(\\d+(?:\\.\\d+)?)\\s*(mg/ml|mg/hr|mg/h|mg/actuat|mcg/hr|mcg/h|mcg/actuat|mg|mcg|ug)\\b");

    /**
     * A product read from an RxNorm-style name ("Morphine Sulfate 10 MG [Kadian]", "72 HR Fentanyl 0.075 MG/HR
     * Transdermal System") when its code is not in the table: one opioid ingredient, the strength that follows
     * it, the form from the name's words. {@code null} when the name has no such reading.
     */
    public Product fromName(String name) {
        if (name == null) {
            return null;
        }
        String text = name.toLowerCase(Locale.ROOT);
        Ingredient found = null;
        for (String ingredient : ingredientNames) {
            java.util.regex.Matcher at = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(ingredient)
                    + "\\b").matcher(text);
            if (!at.find()) {
                continue;
            }
            if (found != null) {
                return null;
            }
            java.util.regex.Matcher m = STRENGTH.matcher(text.substring(at.end()));
            if (!m.find()) {
                return null;
            }
            double value = Double.parseDouble(m.group(1));
            String unit = m.group(2);
            if (unit.startsWith("mcg") || unit.startsWith("ug")) {
                value = value / 1000;
            }
            String rxUnit = unit.endsWith("/ml") ? "MG/ML" : unit.contains("/h") ? "MG/HR"
                    : unit.endsWith("/actuat") ? "MG/ACTUAT" : "MG";
            found = new Ingredient(null, ingredient, DRUGS.getOrDefault(ingredient, Drug.OTHER), value, rxUnit);
        }
        if (found == null) {
            return null;
        }
        Route route = route(text);
        boolean patch = text.contains("transdermal") || "MG/HR".equals(found.strengthUnit());
        Release release = patch ? null : text.contains("extended release") || text.matches(".*\\b(12|24) hr\\b.*")
                ? Release.EXTENDED : Release.IMMEDIATE;
        return new Product(null, name, patch ? TRANSDERMAL_SYSTEM : null, null, patch ? Route.TRANSDERMAL : route,
                patch ? "patch" : form(text), release, route == null, List.of(found));
    }

    private static RxNormTable load() {
        InputStream in = RxNormTable.class.getResourceAsStream("rxnorm-opioids.tsv");
        if (in == null) {
            throw new IllegalStateException("rxnorm-opioids.tsv is missing from the jar (it is generated by the build)");
        }
        Map<String, List<String[]>> rowsByDrug = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                rowsByDrug.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Product> products = new HashMap<>();
        rowsByDrug.forEach((code, rows) -> products.put(code, product(rows)));
        return new RxNormTable(products);
    }

    private static Product product(List<String[]> rows) {
        String[] first = rows.get(0);
        List<Ingredient> ingredients = new ArrayList<>();
        for (String[] f : rows) {
            String ingredient = f[5].toLowerCase(Locale.ROOT);
            ingredients.add(new Ingredient(f[4], ingredient, DRUGS.getOrDefault(ingredient, Drug.OTHER),
                    Double.parseDouble(f[6]), f[7]));
        }
        String doseForm = first[3];
        // A pack names its contents' form only in the drug name, e.g. "{2 (fentanyl ... Mucosal Spray) } Pack"
        String formText = ("Pack".equals(doseForm) ? first[1] : doseForm).toLowerCase(Locale.ROOT);
        Route route = route(formText);
        boolean parenteral = route == null;
        Release release = TRANSDERMAL_SYSTEM.equals(first[2]) ? null
                : formText.contains("extended release") || first[1].matches(".*\\b(12|24) HR\\b.*")
                ? Release.EXTENDED : Release.IMMEDIATE;
        return new Product(first[0], first[1], first[2], doseForm, route, form(formText), release, parenteral,
                List.copyOf(ingredients));
    }

    /** The route a dose form implies; {@code null} for injections, whose route the order must say. */
    private static Route route(String form) {
        if (form.contains("transdermal")) {
            return Route.TRANSDERMAL;
        }
        if (form.contains("sublingual") || form.contains("mucosal spray")) {
            return Route.SUBLINGUAL;
        }
        if (form.contains("buccal") || form.contains("lozenge")) {
            return Route.BUCCAL;
        }
        if (form.contains("nasal")) {
            return Route.NASAL;
        }
        if (form.contains("rectal")) {
            return Route.RECTAL;
        }
        if (form.contains("implant")) {
            return Route.SUBCUTANEOUS;
        }
        if (form.contains("inject") || form.contains("syringe") || form.contains("cartridge")) {
            return null;
        }
        return Route.ORAL;
    }

    private static String form(String form) {
        if (form.contains("transdermal")) {
            return "patch";
        }
        if (form.contains("buccal film")) {
            return "film";
        }
        if (form.contains("sublingual film")) {
            return "film";
        }
        if (form.contains("buccal tablet")) {
            return "buccal-tablet";
        }
        if (form.contains("sublingual tablet")) {
            return "sublingual-tablet";
        }
        if (form.contains("lozenge")) {
            return "lozenge";
        }
        if (form.contains("nasal spray")) {
            return "nasal-spray";
        }
        if (form.contains("mucosal spray")) {
            return "mucosal-spray";
        }
        if (form.contains("suppository")) {
            return "suppository";
        }
        if (form.contains("implant")) {
            return "implant";
        }
        if (form.contains("capsule")) {
            return "capsule";
        }
        if (form.contains("suspension") && !form.contains("tablet")) {
            return "suspension";
        }
        if (form.contains("solution") && !form.contains("inject")) {
            return "solution";
        }
        if (form.contains("tablet")) {
            return "tablet";
        }
        return "injection";
    }
}
