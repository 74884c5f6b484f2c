package org.oihkb.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.oihkb.json.RecordJson;
import org.oihkb.model.InvalidRecordException;
import org.oihkb.model.PatientRecord;

/**
 * One scenario file: a patient record in the contract's shape, with dates written relative to
 * {@code asOf} ({@code start: -30} or {@code start: {day: -30}}), and what must happen.
 *
 * <pre>
 * description: Oxycodone 60 mg/day is 90 MME/day
 * asOf: 2025-03-01            # optional; this date by default
 * mirrors: fires-90-mme.yaml  # silent scenarios name the firing scenario they differ from minimally
 * record:
 *   doses:
 *     - {drug: oxycodone, route: oral, dailyDose: 60, unit: mg, start: -100}
 * expect:
 *   fires: [EXP-050, EXP-090]
 *   silent: [OIH-010]
 *   currentMmePerDay: 90
 *   options: [OPT-010]                 # optional: option ids offered, exactly
 *   cautions: {OPT-010: [CAU-001]}     # optional: caution ids on an option, exactly
 * </pre>
 *
 * YAML is read by Jackson's YAML parser into a plain tree (no object construction from tags), then the
 * record goes through the same {@link RecordJson} reader as any JSON record.
 *
 * @param file where it was read from
 * @param description what it shows, in clinical words
 * @param mirrors for a silent scenario, the firing scenario it mirrors; otherwise {@code null}
 * @param record the record, dates resolved
 * @param fires rule ids that must fire
 * @param silent rule ids that must stay silent
 * @param values expected values: {@code currentMmePerDay}, {@code peakMmePerDay}, {@code longTermTherapy}
 * @param options option ids that must be offered, exactly; {@code null} when not checked
 * @param cautions per option id, the caution ids it must carry, exactly
 */
public record Scenario(Path file, String description, String mirrors, PatientRecord record, List<String> fires,
                       List<String> silent, Map<String, JsonNode> values, List<String> options,
                       Map<String, List<String>> cautions) {

    /** The default {@code asOf} of a scenario. */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2025, 3, 1);

    private static final Set<String> DATE_FIELDS = Set.of("start", "end", "date", "onset", "birthDate");
    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory()).build();

    /** Copies the collections. */
    public Scenario {
        fires = List.copyOf(fires);
        silent = List.copyOf(silent);
        values = Map.copyOf(values);
        options = options == null ? null : List.copyOf(options);
        cautions = Map.copyOf(cautions);
    }

    /** The file name, which says the outcome: {@code fires-...} or {@code silent-...}. */
    public String name() {
        return file.getFileName().toString();
    }

    /**
     * Reads a scenario file.
     *
     * @throws ScenarioException naming the file and what is wrong with it
     */
    public static Scenario read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new ScenarioException(file + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException(file + ": must be a YAML mapping with description, record and expect");
        }
        LocalDate asOf = DEFAULT_AS_OF;
        if (root.hasNonNull("asOf")) {
            try {
                asOf = LocalDate.parse(root.get("asOf").asText());
            } catch (DateTimeParseException e) {
                throw new ScenarioException(file + ": asOf must be a date (YYYY-MM-DD), was '"
                        + root.get("asOf").asText() + "'");
            }
        }
        ObjectNode record = recordTree(root.get("record"), asOf, file);
        PatientRecord patientRecord;
        try {
            patientRecord = RecordJson.reader().read(record).record();
        } catch (InvalidRecordException e) {
            throw new ScenarioException(file + ": record: " + e.getMessage());
        }
        JsonNode expect = root.path("expect");
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (String key : List.of("currentMmePerDay", "peakMmePerDay", "longTermTherapy", "daysOnOpioids")) {
            if (expect.has(key)) {
                values.put(key, expect.get(key));
            }
        }
        Map<String, List<String>> cautions = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = expect.path("cautions").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            cautions.put(e.getKey(), strings(e.getValue()));
        }
        return new Scenario(file, root.path("description").asText(""), root.hasNonNull("mirrors")
                ? root.get("mirrors").asText() : null, patientRecord, strings(expect.path("fires")),
                strings(expect.path("silent")), values, expect.has("options") ? strings(expect.get("options")) : null,
                cautions);
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
                : YAML.createObjectNode();
        record.put("format", 1);
        record.put("asOf", asOf.toString());
        if (!record.has("id")) {
            record.put("id", file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        }
        if (!record.has("patient")) {
            record.putObject("patient").put("id", "scenario");
        }
        resolveDates(record, asOf, file);
        return record;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (node.isTextual()) {
            out.add(node.asText());
        }
        return out;
    }

    private static void resolveDates(JsonNode node, LocalDate asOf, Path file) {
        if (node instanceof ObjectNode obj) {
            Iterator<Map.Entry<String, JsonNode>> fields = obj.fields();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            fields.forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> e : entries) {
                JsonNode v = e.getValue();
                if (DATE_FIELDS.contains(e.getKey())) {
                    if (v.isIntegralNumber()) {
                        obj.put(e.getKey(), asOf.plusDays(v.asLong()).toString());
                    } else if (v.isObject() && v.has("day") && v.get("day").isIntegralNumber()) {
                        obj.put(e.getKey(), asOf.plusDays(v.get("day").asLong()).toString());
                    }
                } else {
                    resolveDates(v, asOf, file);
                }
            }
        } else if (node instanceof ArrayNode arr) {
            arr.forEach(n -> resolveDates(n, asOf, file));
        }
    }
}
