package org.oihkb.scenario;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oihkb.engine.Config;
import org.oihkb.engine.MmeEdition;
import org.oihkb.json.RecordJson;
import org.oihkb.model.InvalidRecordException;
import org.oihkb.model.PatientRecord;

/**
 * One scenario file: a patient record in the contract's shape, with dates written relative to
 * {@code asOf} ({@code start: -30} or {@code start: {day: -30}}), the thresholds and MME edition it runs
 * with, and what must happen.
 *
 * <pre>
 * description: Oxycodone 60 mg/day is 90 MME/day
 * asOf: 2025-03-01            # optional; this date by default
 * mirrors: fires-90-mme.yaml  # silent scenarios name the firing scenario they differ from minimally
 * config: {highDoseMme: 40}   # optional: Config settings that differ from the defaults
 * edition: cdc-2016           # optional: the MME table; cdc-2022 by default
 * boundary: {threshold: highDoseMme, side: at}   # optional, or a list: the boundary this scenario pins
 * record:
 *   doses:
 *     - {drug: oxycodone, route: oral, dailyDose: 60, unit: mg, start: -100}
 * expect:
 *   fires: [EXP-050, EXP-090]
 *   silent: [OIH-010]
 *   currentMmePerDay: 90
 *   options: [OPT-010]                 # optional: option ids offered, exactly
 *   cautions: {OPT-010: [CAU-001]}     # optional: caution ids on an option, exactly
 *   criteriaMet: {OIH-010: [current dose at or above 75 MME/day]}  # optional: text in a finding's criteria
 *   criteriaNotMet: {OIH-010: [more than one characteristic sign]}
 *   criteriaAbsent: {OIH-090: [dose escalated]}  # optional: text in none of a finding's criteria met
 *   checks: {OPT-030: [CHK-020, CHK-021]}  # optional: record-check ids listed under an option, exactly
 *   evidence: {CAU-013: [o1, m1]}      # optional: the fact ids a conclusion rests on, exactly
 *   text: {CAU-013: [QTc 470 ms]}      # optional: texts each of which must appear in a conclusion's summary
 * </pre>
 *
 * <p>{@code evidence} and {@code text} take any conclusion id: a finding (regimen findings included), an option,
 * a caution on an option or a finding, a check (its evidence is the fact it says is missing), a withheld option's
 * contraindication (its reason is its text) or a data-quality note. The conclusion must be in the assessment;
 * where it appears more than once (a caution on several options) its evidence is the union over every place,
 * and each text must appear in one of its summaries.
 *
 * <p>The file is read strictly: a key the format does not define, anywhere (top level, {@code expect},
 * {@code config}, {@code boundary}, a fact field), is an error naming the file, the line and the accepted
 * keys, because a misspelt {@code expect} key would otherwise test nothing. YAML is read into a plain tree
 * (no object construction from tags), then the record goes through the same {@link RecordJson} reader as
 * any JSON record.
 *
 * @param file where it was read from
 * @param description what it shows, in clinical words
 * @param mirrors for a silent scenario, the firing scenario it mirrors; otherwise {@code null}
 * @param config the thresholds it runs with: the defaults with the file's {@code config} applied
 * @param edition the MME edition it runs with
 * @param boundaries the threshold boundaries it pins (empty when none)
 * @param record the record, dates resolved
 * @param fires rule ids that must fire
 * @param silent rule ids that must stay silent
 * @param values expected values: {@code currentMmePerDay}, {@code peakMmePerDay}, {@code longTermTherapy},
 *               {@code daysOnOpioids}
 * @param options option ids that must be offered, exactly; {@code null} when not checked
 * @param cautions per option id, the caution ids it must carry, exactly
 * @param criteriaMet per finding id, texts each of which must appear in one of its criteria met
 * @param criteriaNotMet per finding id, texts each of which must appear in one of its criteria not met
 * @param criteriaAbsent per finding id, texts none of which may appear in its criteria met (the finding must be
 *                       there): a strengthener that does not hold, for findings that list only what holds
 * @param checks per option id, the record-check ids listed under it, exactly
 * @param evidence per conclusion id, the fact ids it rests on, exactly (the union over every place it appears)
 * @param text per conclusion id, texts each of which must appear in its summary (in one of them, when it
 *             appears more than once)
 */
public record Scenario(Path file, String description, String mirrors, Config config, MmeEdition edition,
                       List<Boundary> boundaries, PatientRecord record, List<String> fires, List<String> silent,
                       Map<String, JsonNode> values, List<String> options, Map<String, List<String>> cautions,
                       Map<String, List<String>> criteriaMet, Map<String, List<String>> criteriaNotMet,
                       Map<String, List<String>> criteriaAbsent, Map<String, List<String>> checks,
                       Map<String, List<String>> evidence, Map<String, List<String>> text) {

    /** The default {@code asOf} of a scenario. */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2025, 3, 1);

    /** The keys a scenario file may have at the top level. */
    public static final Set<String> TOP_LEVEL_KEYS = Set.of("description", "asOf", "mirrors", "config", "edition",
            "boundary", "record", "expect");
    /** The keys of {@code expect}. */
    public static final Set<String> EXPECT_KEYS = Set.of("fires", "silent", "currentMmePerDay", "peakMmePerDay",
            "longTermTherapy", "daysOnOpioids", "options", "cautions", "criteriaMet", "criteriaNotMet",
            "criteriaAbsent", "checks", "evidence", "text");
    /** The expected values compared with the assessment's exposure. */
    public static final List<String> VALUE_KEYS = List.of("currentMmePerDay", "peakMmePerDay", "longTermTherapy",
            "daysOnOpioids");
    /** The keys of a {@code boundary} entry. */
    public static final Set<String> BOUNDARY_KEYS = Set.of("threshold", "side");

    private static final Set<String> DATE_FIELDS = Set.of("start", "end", "date", "onset", "birthDate");
    private static final String RECORD_LISTS = "conditions|medications|observations|doses|symptoms";

    /**
     * Which side of a threshold a scenario sits on: {@code at} the threshold (for a day window, the last day
     * inside it) or just {@code past} it (the first day outside; the next value beyond an inclusive limit).
     */
    public enum Side {
        /** Exactly at the threshold; for a day window, the last day in. */
        AT,
        /** Just past the threshold; for a day window, the first day out. */
        PAST;

        /** The word used in scenario files. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A threshold boundary a scenario pins.
     *
     * @param threshold the name of a {@link Config} setting
     * @param side at it, or just past it
     */
    public record Boundary(String threshold, Side side) {
    }

    /** Copies the collections. */
    public Scenario {
        boundaries = List.copyOf(boundaries);
        fires = List.copyOf(fires);
        silent = List.copyOf(silent);
        values = Map.copyOf(values);
        options = options == null ? null : List.copyOf(options);
        cautions = Map.copyOf(cautions);
        criteriaMet = Map.copyOf(criteriaMet);
        criteriaNotMet = Map.copyOf(criteriaNotMet);
        criteriaAbsent = Map.copyOf(criteriaAbsent);
        checks = Map.copyOf(checks);
        evidence = Map.copyOf(evidence);
        text = Map.copyOf(text);
    }

    /** The file name, which says the outcome: {@code fires-...} or {@code silent-...}. */
    public String name() {
        return file.getFileName().toString();
    }

    /** The names of every {@link Config} setting, in declaration order. */
    public static List<String> configKeys() {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : Config.class.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }

    /**
     * Reads a scenario file.
     *
     * @throws ScenarioException naming the file, the line and what is wrong
     */
    public static Scenario read(Path file) {
        LocatedYaml yaml;
        try {
            yaml = LocatedYaml.parse(Files.readString(file));
        } catch (IOException e) {
            throw new ScenarioException(file + ": not valid YAML or cannot be read: " + e.getMessage());
        }
        return new Reader(file, yaml).read();
    }

    /** Reads one file, with its locations for messages. */
    private static final class Reader {
        private final Path file;
        private final LocatedYaml yaml;

        Reader(Path file, LocatedYaml yaml) {
            this.file = file;
            this.yaml = yaml;
        }

        private ScenarioException error(String pointer, String problem) {
            return new ScenarioException(file + ":" + yaml.line(pointer) + ": " + display(pointer) + ": " + problem);
        }

        private static String display(String pointer) {
            return pointer.isEmpty() ? "(top level)" : pointer.substring(1).replace('/', '.')
                    .replaceAll("\\.(\\d+)(?=\\.|$)", "[$1]");
        }

        private void keys(JsonNode node, String pointer, Collection<String> accepted, String what) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!accepted.contains(n)) {
                    throw error(pointer + "/" + n, "unknown key '" + n + "' in " + what + "; accepted keys: "
                            + String.join(", ", new TreeSet<>(accepted)));
                }
            }
        }

        private JsonNode object(JsonNode root, String name) {
            JsonNode n = root.get(name);
            if (n != null && !n.isObject() && !n.isNull()) {
                throw error("/" + name, "must be a mapping, was " + n.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            return n == null || n.isNull() ? JsonNodeFactory.instance.objectNode() : n;
        }

        Scenario read() {
            JsonNode root = yaml.root();
            if (root == null || !root.isObject()) {
                throw new ScenarioException(file + ":1: must be a YAML mapping with description, record and expect");
            }
            keys(root, "", TOP_LEVEL_KEYS, "a scenario");
            LocalDate asOf = DEFAULT_AS_OF;
            if (root.hasNonNull("asOf")) {
                try {
                    asOf = LocalDate.parse(root.get("asOf").asText());
                } catch (DateTimeParseException e) {
                    throw error("/asOf", "must be a date (YYYY-MM-DD), was '" + root.get("asOf").asText() + "'");
                }
            }
            Config config = config(object(root, "config"));
            MmeEdition edition = MmeEdition.CDC_2022;
            if (root.hasNonNull("edition")) {
                try {
                    edition = MmeEdition.fromCode("edition", root.get("edition").asText());
                } catch (InvalidRecordException e) {
                    throw error("/edition", e.getMessage());
                }
            }
            List<Boundary> boundaries = boundaries(root.get("boundary"));
            JsonNode recordNode = object(root, "record");
            checkRecord(recordNode);
            checkDates(recordNode, "/record");
            ObjectNode record = recordTree(recordNode, asOf, file);
            PatientRecord patientRecord;
            try {
                patientRecord = RecordJson.reader().read(record).record();
            } catch (InvalidRecordException e) {
                throw error(pointer("/record", e.field()), "record: " + e.getMessage());
            }
            JsonNode expect = object(root, "expect");
            keys(expect, "/expect", EXPECT_KEYS, "expect");
            Map<String, JsonNode> values = new LinkedHashMap<>();
            for (String key : VALUE_KEYS) {
                if (expect.has(key)) {
                    JsonNode v = expect.get(key);
                    // an MME that cannot be computed is null (docs/definitions.md §1), and a scenario can say so
                    boolean ok = key.equals("longTermTherapy") ? v.isBoolean()
                            : v.isNumber() || (v.isNull() && key.endsWith("MmePerDay"));
                    if (!ok) {
                        throw error("/expect/" + key, "must be " + (key.equals("longTermTherapy") ? "true or false"
                                : key.endsWith("MmePerDay") ? "a number or null" : "a number") + ", was '" + v.asText()
                                + "'");
                    }
                    values.put(key, v);
                }
            }
            return new Scenario(file, root.path("description").asText(""), root.hasNonNull("mirrors")
                    ? root.get("mirrors").asText() : null, config, edition, boundaries, patientRecord,
                    strings(expect.path("fires"), "/expect/fires"), strings(expect.path("silent"), "/expect/silent"),
                    values, expect.has("options") ? strings(expect.get("options"), "/expect/options") : null,
                    byId(expect, "cautions", "option id to caution ids"),
                    byId(expect, "criteriaMet", "finding id to texts"),
                    byId(expect, "criteriaNotMet", "finding id to texts"),
                    byId(expect, "criteriaAbsent", "finding id to texts"),
                    byId(expect, "checks", "option id to check ids"),
                    byId(expect, "evidence", "conclusion id to fact ids"),
                    byId(expect, "text", "conclusion id to texts"));
        }

        private Map<String, List<String>> byId(JsonNode expect, String key, String what) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            JsonNode node = expect.path(key);
            if (!node.isMissingNode() && !node.isObject()) {
                throw error("/expect/" + key, "must be a mapping from " + what);
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), strings(e.getValue(), "/expect/" + key + "/" + e.getKey()));
            }
            return out;
        }

        private Config config(JsonNode node) {
            List<String> accepted = configKeys();
            keys(node, "/config", accepted, "config (the settings of org.oihkb.engine.Config)");
            Config.Builder b = Config.builder();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = "/config/" + e.getKey();
                JsonNode v = e.getValue();
                try {
                    Class<?> type = Config.class.getMethod(e.getKey()).getReturnType();
                    if (type == int.class) {
                        if (!v.isIntegralNumber()) {
                            throw error(at, "must be a whole number, was '" + v.asText() + "'");
                        }
                        Config.Builder.class.getMethod(e.getKey(), int.class).invoke(b, v.intValue());
                    } else {
                        if (!v.isNumber()) {
                            throw error(at, "must be a number, was '" + v.asText() + "'");
                        }
                        Config.Builder.class.getMethod(e.getKey(), double.class).invoke(b, v.doubleValue());
                    }
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException("Config." + e.getKey() + " has no builder method of its type", ex);
                }
            }
            try {
                return b.build();
            } catch (IllegalArgumentException e) {
                String field = e instanceof InvalidRecordException ir ? ir.field().replaceFirst("^config\\.", "") : "";
                throw error("/config/" + field, e.getMessage());
            }
        }

        private List<Boundary> boundaries(JsonNode node) {
            List<Boundary> out = new ArrayList<>();
            if (node == null || node.isNull()) {
                return out;
            }
            List<JsonNode> entries = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(entries::add);
            } else {
                entries.add(node);
            }
            List<String> thresholds = configKeys();
            for (int i = 0; i < entries.size(); i++) {
                String at = node.isArray() ? "/boundary/" + i : "/boundary";
                JsonNode b = entries.get(i);
                if (!b.isObject()) {
                    throw error(at, "must be a mapping {threshold: NAME, side: at|past}");
                }
                keys(b, at, BOUNDARY_KEYS, "boundary");
                String threshold = b.path("threshold").asText("");
                if (!thresholds.contains(threshold)) {
                    throw error(at + "/threshold", "'" + threshold + "' is not a Config setting; accepted: "
                            + String.join(", ", thresholds));
                }
                String side = b.path("side").asText("");
                if (!side.equals("at") && !side.equals("past")) {
                    throw error(at + "/side", "must be 'at' or 'past', was '" + side + "'");
                }
                out.add(new Boundary(threshold, Side.valueOf(side.toUpperCase(Locale.ROOT))));
            }
            return out;
        }

        private void checkRecord(JsonNode record) {
            keys(record, "/record", RecordJson.FIELDS.get(""), "record");
            JsonNode patient = record.get("patient");
            if (patient != null && patient.isObject()) {
                keys(patient, "/record/patient", RecordJson.FIELDS.get("patient"), "record.patient");
            }
            for (String list : RECORD_LISTS.split("\\|")) {
                JsonNode entries = record.get(list);
                if (entries == null || !entries.isArray()) {
                    continue;
                }
                for (int i = 0; i < entries.size(); i++) {
                    if (entries.get(i).isObject()) {
                        keys(entries.get(i), "/record/" + list + "/" + i, RecordJson.FIELDS.get(list),
                                "a fact of record." + list);
                    }
                }
            }
        }

        /** {@code doses[2].dailyDose} as a pointer under {@code base}. */
        private static String pointer(String base, String field) {
            if (field == null || field.isEmpty() || field.equals("$")) {
                return base;
            }
            return base + "/" + field.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
        }

        private List<String> strings(JsonNode node, String at) {
            List<String> out = new ArrayList<>();
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    if (!node.get(i).isTextual()) {
                        throw error(at + "/" + i, "must be text, was '" + node.get(i).asText() + "'");
                    }
                    out.add(node.get(i).asText());
                }
            } else if (node.isTextual()) {
                out.add(node.asText());
            } else if (!node.isMissingNode() && !node.isNull()) {
                throw error(at, "must be a list");
            }
            return out;
        }

        /** Every relative date written as a mapping is {@code {day: N}}, nothing else. */
        private void checkDates(JsonNode node, String at) {
            if (node instanceof ObjectNode obj) {
                Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String here = at + "/" + e.getKey();
                    if (DATE_FIELDS.contains(e.getKey()) && e.getValue().isObject()) {
                        keys(e.getValue(), here, Set.of("day"), "a relative date");
                        if (!e.getValue().path("day").isIntegralNumber()) {
                            throw error(here, "a relative date is {day: N} with N a whole number of days");
                        }
                    } else {
                        checkDates(e.getValue(), here);
                    }
                }
            } else if (node instanceof ArrayNode arr) {
                for (int i = 0; i < arr.size(); i++) {
                    checkDates(arr.get(i), at + "/" + i);
                }
            }
        }
    }

    /**
     * The contract record a scenario-style {@code record:} mapping stands for: {@code format} 1, the given
     * {@code asOf}, the file's name as id and a placeholder patient unless the mapping has its own, and every
     * relative date ({@code start: -30} or {@code start: {day: -30}}) resolved against {@code asOf}. The
     * published-case set writes its records the same way.
     *
     * @param recordNode the {@code record:} mapping; {@code null} or not a mapping gives an empty record
     * @param asOf the date relative dates count from
     * @param file the file it came from, whose name becomes the record id when it has none
     * @return a new tree, ready for {@link RecordJson}
     */
    public static ObjectNode recordTree(JsonNode recordNode, LocalDate asOf, Path file) {
        ObjectNode record = recordNode != null && recordNode.isObject() ? ((ObjectNode) recordNode).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        record.put("format", 1);
        record.put("asOf", asOf.toString());
        if (!record.has("id")) {
            record.put("id", file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        }
        if (!record.has("patient")) {
            record.putObject("patient").put("id", "scenario");
        }
        resolveDates(record, asOf);
        return record;
    }

    private static void resolveDates(JsonNode node, LocalDate asOf) {
        if (node instanceof ObjectNode obj) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            obj.fields().forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> e : entries) {
                JsonNode v = e.getValue();
                if (DATE_FIELDS.contains(e.getKey())) {
                    if (v.isIntegralNumber()) {
                        obj.put(e.getKey(), asOf.plusDays(v.asLong()).toString());
                    } else if (v.isObject() && v.path("day").isIntegralNumber()) {
                        obj.put(e.getKey(), asOf.plusDays(v.get("day").asLong()).toString());
                    }
                } else {
                    resolveDates(v, asOf);
                }
            }
        } else if (node instanceof ArrayNode arr) {
            arr.forEach(n -> resolveDates(n, asOf));
        }
    }
}
