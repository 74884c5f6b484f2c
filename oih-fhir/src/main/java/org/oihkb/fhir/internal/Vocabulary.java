package org.oihkb.fhir.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.oihkb.model.ConditionCode;
import org.oihkb.model.MedicationClass;

/** The code lists of the mapping (conditions, observations, non-opioid classes), read from the jar once. */
final class Vocabulary {

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String AHRQ_PMS = "http://cds.ahrq.gov/cdsconnect/pms";

    /** What an observation code becomes. */
    enum ObservationTarget { PAIN, QTC_MS, EGFR, CREATININE_CLEARANCE, COWS_SCORE }

    private static final Vocabulary INSTANCE = new Vocabulary();

    private final Map<String, ConditionCode> snomedConditions = new HashMap<>();
    private final List<Map.Entry<String, ConditionCode>> icd10Prefixes = new ArrayList<>();
    private final Map<String, ObservationTarget> observations = new HashMap<>();
    private final Map<Pattern, MedicationClass> medicationClasses = new LinkedHashMap<>();
    private final Map<ConditionCode, Coding> conditionCodings = new LinkedHashMap<>();
    private final Map<MedicationClass, String> classIngredients = new LinkedHashMap<>();

    private Vocabulary() {
        for (String[] f : rows("conditions.tsv")) {
            ConditionCode code = ConditionCode.fromCode("conditions.tsv", f[2]);
            if (f[0].equals("snomed")) {
                snomedConditions.put(f[1], code);
                // the first SNOMED CT row of a code is the one written: an exact concept, not a prefix
                conditionCodings.putIfAbsent(code, new Coding(SNOMED, f[1], null));
            } else {
                icd10Prefixes.add(Map.entry(f[1], code));
            }
        }
        // Longest prefix first, so a specific row wins over a chapter row
        icd10Prefixes.sort((a, b) -> b.getKey().length() - a.getKey().length());
        for (String[] f : rows("observations.tsv")) {
            observations.put(f[0] + "|" + f[1], ObservationTarget.valueOf(f[2].toUpperCase(Locale.ROOT).replace('-', '_')));
        }
        for (String[] f : rows("medication-classes.tsv")) {
            MedicationClass cls = MedicationClass.fromCode("medication-classes.tsv", f[0]);
            medicationClasses.put(Pattern.compile("\\b" + Pattern.quote(f[1]) + "\\b"), cls);
            classIngredients.putIfAbsent(cls, f[1]);
        }
    }

    static Vocabulary get() {
        return INSTANCE;
    }

    /** The contract condition for a coding, or {@code null}. */
    ConditionCode condition(Coding c) {
        String system = c.getSystem();
        String code = c.getCode();
        if (system == null || code == null) {
            return null;
        }
        if (system.equals(SNOMED)) {
            return snomedConditions.get(code.strip());
        }
        if (system.startsWith("http://hl7.org/fhir/sid/icd-10")) {
            String normal = code.strip().replace(".", "").toUpperCase(Locale.ROOT);
            for (Map.Entry<String, ConditionCode> e : icd10Prefixes) {
                if (normal.startsWith(e.getKey())) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    /**
     * A coding that reads back as {@code code} (the first SNOMED CT row of conditions.tsv), or {@code null} for
     * a code with no SNOMED CT row (disease progression and new injury are clinical judgements with no code).
     */
    Coding coding(ConditionCode code) {
        Coding c = conditionCodings.get(code);
        return c == null ? null : c.copy();
    }

    /** An ingredient name that reads back as {@code cls} (its first row of medication-classes.tsv), or {@code null}. */
    String ingredient(MedicationClass cls) {
        return classIngredients.get(cls);
    }

    /** What an observation coding becomes, or {@code null}. */
    ObservationTarget observation(Coding c) {
        if (c.getSystem() == null || c.getCode() == null) {
            return null;
        }
        String system = switch (c.getSystem()) {
            case LOINC -> "loinc";
            case AHRQ_PMS -> "ahrq-pms";
            default -> null;
        };
        return system == null ? null : observations.get(system + "|" + c.getCode().strip());
    }

    /** Whether a concept names the Clinical Opiate Withdrawal Scale (no LOINC code is widely used for it). */
    static boolean namesCows(CodeableConcept concept) {
        String text = text(concept);
        return text.contains("clinical opiate withdrawal scale") || text.matches(".*\\bcows\\b.*");
    }

    /** The non-opioid class whose ingredient the concept names, or {@code null}. */
    MedicationClass medicationClass(CodeableConcept concept) {
        String text = text(concept);
        for (Map.Entry<Pattern, MedicationClass> e : medicationClasses.entrySet()) {
            if (e.getKey().matcher(text).find()) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The concept's text and every coding's display, lower case. */
    static String text(CodeableConcept concept) {
        StringBuilder b = new StringBuilder();
        if (concept.hasText()) {
            b.append(concept.getText()).append(' ');
        }
        for (Coding c : concept.getCoding()) {
            if (c.hasDisplay()) {
                b.append(c.getDisplay()).append(' ');
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static List<String[]> rows(String name) {
        InputStream in = Vocabulary.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the jar");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
