package org.oihkb.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oihkb.model.BodySite;
import org.oihkb.model.Condition;
import org.oihkb.model.ConditionCode;
import org.oihkb.model.ConditionStatus;
import org.oihkb.model.DataQualityNote;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DosePurpose;
import org.oihkb.model.DoseStatus;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.InvalidRecordException;
import org.oihkb.model.Medication;
import org.oihkb.model.MedicationClass;
import org.oihkb.model.Observation;
import org.oihkb.model.ObservationCode;
import org.oihkb.model.PainQuality;
import org.oihkb.model.PainTiming;
import org.oihkb.model.Patient;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Release;
import org.oihkb.model.Route;
import org.oihkb.model.Sex;
import org.oihkb.model.Symptom;
import org.oihkb.model.SymptomKind;

/**
 * Reads a patient record from JSON (docs/contract.md section 1). Every problem is reported as an
 * {@link InvalidRecordException} naming the field path, the value and what was expected
 * ({@code doses[2].dailyDose must be > 0, was -5}); unknown fields are ignored with a warning.
 *
 * <p>The reader maps a tree by hand, with no polymorphic typing, and parses under limits on document
 * size, nesting depth and string length, so hostile input is refused with a message rather than an
 * out-of-memory error. Immutable and thread-safe.
 */
public final class RecordJson {

    /** A record and the warnings raised while reading it (unknown fields). */
    public record ReadResult(PatientRecord record, List<DataQualityNote> warnings) {
        /** Copies the warnings. */
        public ReadResult {
            warnings = List.copyOf(warnings);
        }
    }

    /** The id of the warning for an unknown field. */
    public static final String UNKNOWN_FIELD = "INPUT-001";

    /** Largest record accepted, in characters. */
    public static final long MAX_DOCUMENT_CHARS = 16L * 1024 * 1024;
    /** Deepest nesting accepted (a record needs 4). */
    public static final int MAX_NESTING = 32;
    /** Longest string accepted. */
    public static final int MAX_STRING_CHARS = 10_000;

    /**
     * The fields format 1 defines, by where they appear: {@code ""} for the record itself, {@code "patient"},
     * and each list's name for its entries. Other tools (scenario files) check their input against it.
     */
    public static final Map<String, Set<String>> FIELDS = Map.of(
            "", Set.of("format", "id", "asOf", "patient", "conditions", "medications", "observations", "doses",
                    "symptoms"),
            "patient", Set.of("id", "birthDate", "ageYears", "sex"),
            "conditions", Set.of("id", "code", "onset", "end", "status", "source"),
            "medications", Set.of("id", "class", "name", "start", "end", "source"),
            "observations", Set.of("id", "code", "value", "date", "source"),
            "doses", Set.of("id", "drug", "name", "route", "dailyDose", "unit", "start", "end", "purpose", "prn",
                    "takenDailyDose", "form", "release", "status", "source"),
            "symptoms", Set.of("id", "date", "kind", "present", "intensity", "sites", "quality", "timing", "signs",
                    "source"));

    private static final RecordJson DEFAULT = new RecordJson();

    private final ObjectMapper mapper;

    private RecordJson() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(MAX_DOCUMENT_CHARS)
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(MAX_STRING_CHARS)
                        .maxNumberLength(50)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // never echo input text (patient data) into error messages
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** The reader with the documented limits. */
    public static RecordJson reader() {
        return DEFAULT;
    }

    /** @throws InvalidRecordException naming the field, the value and the expectation */
    public ReadResult read(String json) {
        try {
            return map(mapper.readTree(json));
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** @throws InvalidRecordException naming the field, the value and the expectation */
    public ReadResult read(Reader json) throws IOException {
        try {
            return map(mapper.readTree(json));
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /**
     * Reads a record file (UTF-8).
     *
     * @throws InvalidRecordException naming the field, the value and the expectation
     * @throws IOException if the file cannot be read
     */
    public ReadResult read(Path file) throws IOException {
        // a byte stream lets Jackson detect the encoding and skip a byte order mark (files saved by Notepad)
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** @throws InvalidRecordException naming the field, the value and the expectation */
    public ReadResult read(InputStream json) throws IOException {
        try {
            return map(mapper.readTree(json));
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** Maps an already parsed tree (for example one line of a batch, or a scenario converted from YAML). */
    public ReadResult read(JsonNode tree) {
        return map(tree);
    }

    /**
     * Writes a record as one line of JSON in the contract's shape (the inverse of reading it), for
     * batches, generators and hosts that map their data to records.
     */
    public String toJsonLine(PatientRecord r) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", r.format());
        if (r.id() != null) {
            root.put("id", r.id());
        }
        root.put("asOf", r.asOf().toString());
        ObjectNode p = root.putObject("patient");
        p.put("id", r.patient().id());
        if (r.patient().birthDate() != null) {
            p.put("birthDate", r.patient().birthDate().toString());
        }
        if (r.patient().ageYears() != null) {
            p.put("ageYears", r.patient().ageYears());
        }
        p.put("sex", r.patient().sex().code());
        com.fasterxml.jackson.databind.node.ArrayNode conditions = root.putArray("conditions");
        for (Condition c : r.conditions()) {
            ObjectNode o = conditions.addObject().put("id", c.id()).put("code", c.code().code());
            putDate(o, "onset", c.onset());
            putDate(o, "end", c.end());
            o.put("status", c.status().code());
            putText(o, "source", c.source());
        }
        com.fasterxml.jackson.databind.node.ArrayNode medications = root.putArray("medications");
        for (Medication m : r.medications()) {
            ObjectNode o = medications.addObject().put("id", m.id()).put("class", m.medicationClass().code());
            putText(o, "name", m.name());
            putDate(o, "start", m.start());
            putDate(o, "end", m.end());
            putText(o, "source", m.source());
        }
        com.fasterxml.jackson.databind.node.ArrayNode observations = root.putArray("observations");
        for (Observation ob : r.observations()) {
            ObjectNode o = observations.addObject().put("id", ob.id()).put("code", ob.code().code())
                    .put("value", ob.value()).put("date", ob.date().toString());
            putText(o, "source", ob.source());
        }
        com.fasterxml.jackson.databind.node.ArrayNode doses = root.putArray("doses");
        for (DoseEvent d : r.doses()) {
            ObjectNode o = doses.addObject().put("id", d.id()).put("drug", d.drug().code());
            putText(o, "name", d.name());
            o.put("route", d.route().code()).put("dailyDose", d.dailyDose()).put("unit", d.unit().code())
                    .put("start", d.start().toString());
            putDate(o, "end", d.end());
            o.put("purpose", d.purpose().code());
            if (d.prn()) {
                o.put("prn", true);
            }
            if (d.takenDailyDose() != null) {
                o.put("takenDailyDose", d.takenDailyDose());
            }
            putText(o, "form", d.form());
            if (d.release() != null) {
                o.put("release", d.release().code());
            }
            o.put("status", d.status().code());
            putText(o, "source", d.source());
        }
        com.fasterxml.jackson.databind.node.ArrayNode symptoms = root.putArray("symptoms");
        for (Symptom sy : r.symptoms()) {
            ObjectNode o = symptoms.addObject().put("id", sy.id()).put("date", sy.date().toString())
                    .put("kind", sy.kind().code());
            if (!sy.present()) {
                o.put("present", false);
            }
            if (sy.intensity() != null) {
                o.put("intensity", sy.intensity());
            }
            codes(o, "sites", sy.sites().stream().map(BodySite::code).toList());
            codes(o, "quality", sy.quality().stream().map(PainQuality::code).toList());
            codes(o, "timing", sy.timing().stream().map(PainTiming::code).toList());
            codes(o, "signs", sy.signs());
            putText(o, "source", sy.source());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record tree always serialises", e);
        }
    }

    private static void putDate(ObjectNode o, String name, LocalDate date) {
        if (date != null) {
            o.put(name, date.toString());
        }
    }

    private static void putText(ObjectNode o, String name, String text) {
        if (text != null) {
            o.put(name, text);
        }
    }

    private static void codes(ObjectNode o, String name, List<String> values) {
        if (!values.isEmpty()) {
            com.fasterxml.jackson.databind.node.ArrayNode a = o.putArray(name);
            values.forEach(a::add);
        }
    }

    private static String sign(String field, String value) {
        if (value.isBlank()) {
            throw new InvalidRecordException(field, "must not be blank (name the withdrawal sign, e.g. sweating)",
                    value);
        }
        return value;
    }

    private static InvalidRecordException malformed(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return InvalidRecordException.refused(e.getOriginalMessage().replaceAll(",? from `[^`]*`", "")
                    .replace("(", "").replace(")", ""));
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "an unknown position" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
        return InvalidRecordException.malformed(where, clean(e.getOriginalMessage()));
    }

    /**
     * A parser message as a user should read it: without the parser's hints about its own settings ("enable
     * `JsonReadFeature...` to allow") and with "[Source: REDACTED ...; line: 1, column: 3]" as "line 1, column 3".
     */
    static String clean(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String m = message.replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
        m = m.replaceAll("[:;,]? *\\(?(enable|disable) `[^`]*` to [a-z ]+\\)?", "");
        m = m.replaceAll(" *\\(not recognized as one since Feature '[^']*' not enabled for parser\\)", "");
        return m.trim();
    }

    private ReadResult map(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            throw new InvalidRecordException("$", "must be a JSON object", "empty input");
        }
        Ctx ctx = new Ctx();
        Obj r = ctx.object(root, "");
        r.unknown(FIELDS.get(""));
        if (root.has("format") && root.get("format").isNull()) {
            throw new InvalidRecordException("format", "must be " + PatientRecord.FORMAT + ", not null", "null");
        }
        JsonNode formatNode = r.node("format");
        int format = formatNode == null ? PatientRecord.FORMAT : r.integer("format");
        if (format != PatientRecord.FORMAT) {
            throw new InvalidRecordException("format", "must be " + PatientRecord.FORMAT
                    + " (this version reads format 1)", format);
        }
        String id = r.text("id");
        LocalDate asOf = r.requiredDate("asOf");
        Obj p = r.requiredObject("patient");
        p.unknown(FIELDS.get("patient"));
        Patient patient = build("patient", () -> new Patient(p.requiredText("id"), p.date("birthDate"),
                p.optionalInteger("ageYears"), p.code("sex", Sex::fromCode)));

        List<Condition> conditions = r.list("conditions", (c, path) -> {
            c.unknown(FIELDS.get("conditions"));
            return build(path, () -> new Condition(c.text("id"), c.requiredCode("code", ConditionCode::fromCode),
                    c.date("onset"), c.date("end"), c.code("status", ConditionStatus::fromCode), c.text("source")));
        });
        List<Medication> medications = r.list("medications", (m, path) -> {
            m.unknown(FIELDS.get("medications"));
            return build(path, () -> new Medication(m.text("id"), m.requiredCode("class", MedicationClass::fromCode),
                    m.text("name"), m.date("start"), m.date("end"), m.text("source")));
        });
        List<Observation> observations = r.list("observations", (o, path) -> {
            o.unknown(FIELDS.get("observations"));
            return build(path, () -> new Observation(o.text("id"), o.requiredCode("code", ObservationCode::fromCode),
                    o.requiredNumber("value"), o.requiredDate("date"), o.text("source")));
        });
        List<DoseEvent> doses = r.list("doses", (d, path) -> {
            d.unknown(FIELDS.get("doses"));
            return build(path, () -> DoseEvent.builder()
                    .id(d.text("id"))
                    .drug(d.requiredCode("drug", Drug::fromCode))
                    .name(d.text("name"))
                    .route(d.requiredCode("route", Route::fromCode))
                    .dailyDose(d.requiredNumber("dailyDose"))
                    .unit(d.requiredCode("unit", DoseUnit::fromCode))
                    .start(d.requiredDate("start"))
                    .end(d.date("end"))
                    .purpose(d.code("purpose", DosePurpose::fromCode))
                    .prn(d.bool("prn", false))
                    .takenDailyDose(d.optionalNumber("takenDailyDose"))
                    .form(d.text("form"))
                    .release(d.code("release", Release::fromCode))
                    .status(d.code("status", DoseStatus::fromCode))
                    .source(d.text("source"))
                    .build());
        });
        List<Symptom> symptoms = r.list("symptoms", (s, path) -> {
            s.unknown(FIELDS.get("symptoms"));
            return build(path, () -> new Symptom(s.text("id"), s.requiredDate("date"),
                    s.requiredCode("kind", SymptomKind::fromCode), s.bool("present", true),
                    s.optionalNumber("intensity"), s.codes("sites", BodySite::fromCode),
                    s.codes("quality", PainQuality::fromCode), s.codes("timing", PainTiming::fromCode),
                    s.codes("signs", RecordJson::sign), s.text("source")));
        });
        PatientRecord record = new PatientRecord(format, id, asOf, patient, conditions, medications, observations,
                doses, symptoms);
        return new ReadResult(record, ctx.warnings);
    }

    private interface Builder<T> {
        T build();
    }

    private static <T> T build(String path, Builder<T> builder) {
        try {
            return builder.build();
        } catch (InvalidRecordException e) {
            // the reader names full paths itself; only the facts' own checks need the prefix
            if (e.field().startsWith(path + ".") || e.field().equals("$")) {
                throw e;
            }
            throw e.within(path);
        }
    }

    /** Collects warnings while reading one record. */
    private static final class Ctx {
        final List<DataQualityNote> warnings = new ArrayList<>();

        Obj object(JsonNode node, String path) {
            if (!node.isObject()) {
                throw new InvalidRecordException(path.isEmpty() ? "$" : path, "must be a JSON object", describe(node));
            }
            return new Obj(this, (ObjectNode) node, path);
        }
    }

    /** One JSON object being read, with its path for messages. */
    private static final class Obj {
        private final Ctx ctx;
        private final ObjectNode node;
        private final String path;

        Obj(Ctx ctx, ObjectNode node, String path) {
            this.ctx = ctx;
            this.node = node;
            this.path = path;
        }

        private String field(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        void unknown(Set<String> known) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!known.contains(n)) {
                    ctx.warnings.add(new DataQualityNote(UNKNOWN_FIELD, "Unknown field '" + field(n)
                            + "' was ignored (format 1 does not define it).", List.of()));
                }
            }
        }

        JsonNode node(String name) {
            JsonNode n = node.get(name);
            return n == null || n.isNull() ? null : n;
        }

        String text(String name) {
            JsonNode n = node(name);
            if (n == null) {
                return null;
            }
            if (!n.isTextual()) {
                throw new InvalidRecordException(field(name), "must be a string", describe(n));
            }
            return n.textValue();
        }

        String requiredText(String name) {
            String t = text(name);
            if (t == null) {
                throw new InvalidRecordException(field(name), "is required", null);
            }
            return t;
        }

        LocalDate date(String name) {
            String t = text(name);
            if (t == null) {
                return null;
            }
            try {
                return isoDate(t);
            } catch (DateTimeParseException e) {
                throw new InvalidRecordException(field(name), "must be a date (YYYY-MM-DD)", "'" + t + "'");
            }
        }

        /**
         * {@code LocalDate.parse} for the usual {@code YYYY-MM-DD}, without the formatter's parse objects (a
         * record has dozens of dates, and the formatter costs about ten times more); anything else, an impossible
         * day included, goes to the formatter so that what it accepts and rejects, and its messages, stay the same.
         */
        private static LocalDate isoDate(String t) {
            if (t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
                int y = digits(t, 0, 4);
                int m = digits(t, 5, 7);
                int d = digits(t, 8, 10);
                if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= Month.of(m).length(Year.isLeap(y))) {
                    return LocalDate.of(y, m, d);
                }
            }
            return LocalDate.parse(t);
        }

        private static int digits(String t, int from, int to) {
            int v = 0;
            for (int i = from; i < to; i++) {
                char c = t.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                v = v * 10 + (c - '0');
            }
            return v;
        }

        LocalDate requiredDate(String name) {
            LocalDate d = date(name);
            if (d == null) {
                throw new InvalidRecordException(field(name), "is required (a date, YYYY-MM-DD)", null);
            }
            return d;
        }

        Double optionalNumber(String name) {
            JsonNode n = node(name);
            if (n == null) {
                return null;
            }
            if (!n.isNumber()) {
                throw new InvalidRecordException(field(name), "must be a number", describe(n));
            }
            return n.doubleValue();
        }

        double requiredNumber(String name) {
            Double d = optionalNumber(name);
            if (d == null) {
                throw new InvalidRecordException(field(name), "is required (a number)", null);
            }
            return d;
        }

        Integer optionalInteger(String name) {
            JsonNode n = node(name);
            if (n == null) {
                return null;
            }
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                throw new InvalidRecordException(field(name), "must be a whole number", describe(n));
            }
            return n.intValue();
        }

        int integer(String name) {
            Integer i = optionalInteger(name);
            if (i == null) {
                throw new InvalidRecordException(field(name), "is required (a whole number)", null);
            }
            return i;
        }

        boolean bool(String name, boolean absent) {
            JsonNode n = node(name);
            if (n == null) {
                return absent;
            }
            if (!n.isBoolean()) {
                throw new InvalidRecordException(field(name), "must be true or false", describe(n));
            }
            return n.booleanValue();
        }

        <E> E code(String name, BiFunction<String, String, E> parse) {
            String t = text(name);
            return t == null ? null : parse.apply(field(name), t);
        }

        <E> E requiredCode(String name, BiFunction<String, String, E> parse) {
            return parse.apply(field(name), requiredText(name));
        }

        <E> List<E> codes(String name, BiFunction<String, String, E> parse) {
            JsonNode n = node(name);
            if (n == null) {
                return List.of();
            }
            if (!n.isArray()) {
                throw new InvalidRecordException(field(name), "must be a list of strings", describe(n));
            }
            List<E> out = new ArrayList<>(n.size());
            for (int i = 0; i < n.size(); i++) {
                JsonNode item = n.get(i);
                String f = field(name) + "[" + i + "]";
                if (!item.isTextual()) {
                    throw new InvalidRecordException(f, "must be a string", describe(item));
                }
                out.add(parse.apply(f, item.textValue()));
            }
            return out;
        }

        Obj requiredObject(String name) {
            JsonNode n = node(name);
            if (n == null) {
                throw new InvalidRecordException(field(name), "is required", null);
            }
            return ctx.object(n, field(name));
        }

        <T> List<T> list(String name, BiFunction<Obj, String, T> item) {
            JsonNode n = node(name);
            if (n == null) {
                return List.of();
            }
            if (!n.isArray()) {
                throw new InvalidRecordException(field(name), "must be a list", describe(n));
            }
            if (n.size() > PatientRecord.MAX_FACTS) {
                throw new InvalidRecordException(field(name), "must hold at most " + PatientRecord.MAX_FACTS
                        + " facts", n.size() + " facts");
            }
            List<T> out = new ArrayList<>(n.size());
            for (int i = 0; i < n.size(); i++) {
                String p = field(name) + "[" + i + "]";
                out.add(item.apply(ctx.object(n.get(i), p), p));
            }
            return out;
        }
    }

    private static String describe(JsonNode n) {
        if (n.isTextual()) {
            String t = n.textValue();
            return "'" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "'";
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "a list";
        }
        return n.toString();
    }
}
