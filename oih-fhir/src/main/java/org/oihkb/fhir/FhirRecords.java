package org.oihkb.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParserErrorHandler.IParseLocation;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Resource;
import org.oihkb.fhir.internal.RecordMapper;
import org.oihkb.model.DataQualityNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door from FHIR R4 to the contract's patient record. Holds the process's one R4
 * {@link FhirContext} (expensive to build, thread-safe); immutable and safe to share between threads.
 *
 * <pre>{@code
 * FhirRecords fhir = FhirRecords.create();
 * FhirMapping m = fhir.read(json, LocalDate.of(2023, 5, 1));
 * Assessment a = engine.assess(m.record()).withDataQuality(m.notes());
 * }</pre>
 *
 * <p>What cannot be read at all (not JSON, not FHIR R4, a resource type not expected, more than
 * {@link #MAX_ENTRIES} entries, an impossible value) throws {@link FhirInputException}. What can be read
 * but not used becomes a data-quality note; the record holds everything that could be used.
 */
public final class FhirRecords {

    private static final Logger LOG = LoggerFactory.getLogger(FhirRecords.class);

    /** The most resources one input may hold (Bundle entries, prefetch items and draft orders together). */
    public static final int MAX_ENTRIES = 20_000;

    /** The largest JSON input accepted, in characters. */
    public static final int MAX_CHARS = 64 * 1024 * 1024;

    /** The CDC opioid CDS test data's date-roller extension: its {@code dateLastUpdated} is the data's date. */
    static final String DATE_ROLLER = "http://fhir.org/guides/cdc/opioid-cds/StructureDefinition/dataDateRoller";

    /** What a JSON input is. */
    public enum InputKind {
        /** A FHIR Bundle. */
        FHIR_BUNDLE,
        /** One FHIR resource other than a Bundle. */
        FHIR_RESOURCE,
        /** A CDS Hooks request (hook, context, prefetch). */
        CDS_HOOKS_REQUEST,
        /** Anything else, such as the contract's own record. */
        OTHER
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA.mappedFeature())
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_CHARS).maxNestingDepth(200).build());
    }

    private final FhirContext context;

    private FhirRecords(FhirContext context) {
        this.context = context;
    }

    /** A front door with its own R4 context. Build one per process and share it. */
    public static FhirRecords create() {
        return new FhirRecords(FhirContext.forR4());
    }

    /** The R4 context, for callers that parse or encode resources themselves. */
    public FhirContext context() {
        return context;
    }

    /**
     * Pays HAPI's one-off model scan (1-4 s) now rather than on the first request: parses a small resource.
     */
    public void prewarm() {
        parser().parseResource("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"MedicationRequest\",\"status\":\"active\",\"intent\":\"order\","
                + "\"subject\":{\"reference\":\"Patient/p\"},\"dosageInstruction\":[{\"timing\":{\"repeat\":"
                + "{\"frequency\":1,\"period\":1,\"periodUnit\":\"d\"}}}]}}]}");
    }

    /**
     * The record of the patient in a Bundle (collection, searchset, transaction, ...).
     *
     * @param asOf the date of the assessment; {@code null} takes the Bundle's {@code timestamp}
     * @throws FhirInputException when there is no date, more than {@link #MAX_ENTRIES} entries, or more than one patient
     */
    public FhirMapping fromBundle(Bundle bundle, LocalDate asOf) {
        List<Entry> entries = new ArrayList<>();
        flatten(bundle, false, entries, "Bundle");
        if (asOf == null) {
            asOf = bundle.hasTimestamp() ? RecordMapperAccess.date(bundle.getTimestamp()) : null;
            if (asOf == null) {
                asOf = rollerDate(entries);
            }
            if (asOf == null) {
                throw new FhirInputException("asOf", "is required: the Bundle has no timestamp to take it from", null);
            }
        }
        return map(entries, asOf, bundle.getIdElement().getIdPart(), null, List.of());
    }

    /**
     * The record of the patient these resources describe. Bundles among them are unpacked.
     *
     * @param asOf the date of the assessment, required
     */
    public FhirMapping fromResources(Collection<? extends IBaseResource> resources, LocalDate asOf) {
        if (asOf == null) {
            throw new FhirInputException("asOf", "is required for a set of resources", null);
        }
        List<Entry> entries = new ArrayList<>();
        for (IBaseResource r : resources) {
            if (!(r instanceof Resource res)) {
                throw new FhirInputException("resource", "must be a FHIR R4 resource", r == null ? null
                        : r.getClass().getName());
            }
            if (res instanceof Bundle b) {
                flatten(b, false, entries, "Bundle");
            } else {
                entries.add(new Entry(res, false, null));
            }
            bound(entries.size());
        }
        return map(entries, asOf, null, null, List.of());
    }

    /**
     * The record of a CDS Hooks request: {@code context.patientId}, {@code context.draftOrders} (assessed as
     * proposed orders) and every prefetch item, bare or in the CDS Hooks 1.x {@code {response, resource}}
     * wrapper. A request without prefetch is assessed on its context alone, with a note saying so.
     *
     * @param asOf the date of the assessment; {@code null} takes the request's own date (the draft orders'
     *             Bundle timestamp, else the CDC test data's date-roller date), and refuses when it has none
     * @throws FhirInputException when the JSON is not a CDS Hooks request or holds no usable FHIR
     */
    public FhirMapping fromCdsHooksRequest(String requestJson, LocalDate asOf) {
        JsonNode tree = tree(requestJson);
        return fromCdsHooks(tree, asOf);
    }

    /**
     * Reads a Bundle, a single resource or a CDS Hooks request, telling them apart by content.
     *
     * @param asOf the date of the assessment; may be {@code null} for input that carries its own date
     */
    public FhirMapping read(String json, LocalDate asOf) {
        JsonNode tree = tree(json);
        return switch (kind(tree)) {
            case CDS_HOOKS_REQUEST -> fromCdsHooks(tree, asOf);
            case FHIR_BUNDLE -> fromBundle((Bundle) parse(tree, "Bundle"), asOf);
            case FHIR_RESOURCE -> fromResources(List.of(parse(tree, "resource")), asOf);
            case OTHER -> throw new FhirInputException("resourceType", "is missing: the input is neither a FHIR "
                    + "resource nor a CDS Hooks request", null);
        };
    }

    /** Parses one FHIR R4 resource, e.g. one NDJSON line of a bulk export. */
    public IBaseResource parseResource(String json) {
        return parse(tree(json), "resource");
    }

    /** What a JSON text is, judged from its top-level fields; {@link InputKind#OTHER} when it is not JSON. */
    public static InputKind detect(String json) {
        try {
            return kind(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            return InputKind.OTHER;
        }
    }

    private static InputKind kind(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            return InputKind.OTHER;
        }
        if (tree.has("hook") && (tree.has("context") || tree.has("hookInstance"))) {
            return InputKind.CDS_HOOKS_REQUEST;
        }
        JsonNode type = tree.get("resourceType");
        if (type != null && type.isTextual()) {
            return "Bundle".equals(type.asText()) ? InputKind.FHIR_BUNDLE : InputKind.FHIR_RESOURCE;
        }
        return InputKind.OTHER;
    }

    private FhirMapping fromCdsHooks(JsonNode tree, LocalDate asOf) {
        if (!tree.isObject() || !tree.path("hook").isTextual()) {
            throw new FhirInputException("hook", "is missing: the input is not a CDS Hooks request", null);
        }
        JsonNode ctx = tree.path("context");
        if (!ctx.isObject()) {
            throw new FhirInputException("context", "must be an object in a CDS Hooks request", ctx.getNodeType());
        }
        String patientId = ctx.path("patientId").isTextual() ? ctx.get("patientId").asText() : null;
        List<Entry> entries = new ArrayList<>();
        LocalDate requestDate = null;
        JsonNode draft = ctx.get("draftOrders");
        if (draft != null && !draft.isNull()) {
            Resource r = parse(draft, "context.draftOrders");
            if (r instanceof Bundle b) {
                if (b.hasTimestamp()) {
                    requestDate = RecordMapperAccess.date(b.getTimestamp());
                }
                flatten(b, true, entries, "context.draftOrders");
            } else {
                entries.add(new Entry(r, true, null));
            }
        }
        List<DataQualityNote> extra = new ArrayList<>();
        JsonNode prefetch = tree.get("prefetch");
        if (prefetch == null || prefetch.isNull() || (prefetch.isObject() && prefetch.isEmpty())) {
            extra.add(new DataQualityNote(RecordMapper.MISSING, "The CDS Hooks request carries no prefetch: only its "
                    + "context (patient id, draft orders) was assessed; the patient's other medicines, conditions, "
                    + "observations, age and sex are missing.", List.of()));
        } else if (!prefetch.isObject()) {
            throw new FhirInputException("prefetch", "must be an object of prefetch items", prefetch.getNodeType());
        } else {
            Iterator<Map.Entry<String, JsonNode>> items = prefetch.fields();
            while (items.hasNext()) {
                Map.Entry<String, JsonNode> item = items.next();
                JsonNode value = item.getValue();
                String path = "prefetch." + item.getKey();
                if (value == null || value.isNull()) {
                    continue;
                }
                if (value.isObject() && !value.has("resourceType") && value.has("resource")) {
                    // CDS Hooks 1.x wrapper: { "response": { "status": ... }, "resource": ... }
                    JsonNode inner = value.get("resource");
                    if (inner == null || inner.isNull()) {
                        extra.add(new DataQualityNote(RecordMapper.MISSING, path + " holds no resource (response "
                                + value.path("response").path("status").asText("without a status") + ").", List.of()));
                        continue;
                    }
                    value = inner;
                    path += ".resource";
                }
                Resource r = parse(value, path);
                if (r instanceof Bundle b) {
                    flatten(b, false, entries, path);
                } else {
                    entries.add(new Entry(r, false, null));
                }
                bound(entries.size());
            }
        }
        if (asOf == null) {
            asOf = requestDate != null ? requestDate : rollerDate(entries);
            if (asOf == null) {
                throw new FhirInputException("asOf", "is required: the CDS Hooks request carries no date (no "
                        + "draftOrders timestamp)", null);
            }
        }
        String recordId = tree.path("hookInstance").isTextual() ? tree.get("hookInstance").asText() : null;
        return map(entries, asOf, recordId, patientId, extra);
    }

    private record Entry(Resource resource, boolean draftOrder, String fullUrl) {
    }

    private void flatten(Bundle b, boolean draftOrder, List<Entry> out, String path) {
        bound(out.size() + b.getEntry().size());
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            if (!e.hasResource()) {
                continue;
            }
            Resource r = e.getResource();
            if (r instanceof Bundle inner) {
                flatten(inner, draftOrder, out, path + ".entry");
            } else {
                out.add(new Entry(r, draftOrder, e.hasFullUrl() ? e.getFullUrl() : null));
            }
        }
    }

    private static void bound(int entries) {
        if (entries > MAX_ENTRIES) {
            throw new FhirInputException("Bundle.entry", "one input may hold at most " + MAX_ENTRIES + " resources",
                    entries + " resources");
        }
    }

    private FhirMapping map(List<Entry> entries, LocalDate asOf, String recordId, String patientId,
                            List<DataQualityNote> extra) {
        RecordMapper mapper = new RecordMapper(asOf).patientId(patientId);
        for (Entry e : entries) {
            mapper.add(e.resource(), e.draftOrder(), e.fullUrl());
        }
        RecordMapper.Result result = mapper.map(recordId);
        List<DataQualityNote> notes = new ArrayList<>(extra);
        notes.addAll(result.notes());
        LOG.debug("mapped {} resources to a record with {} notes", entries.size(), notes.size());
        return new FhirMapping(result.record(), notes);
    }

    private static LocalDate rollerDate(List<Entry> entries) {
        LocalDate latest = null;
        for (Entry e : entries) {
            if (!(e.resource() instanceof org.hl7.fhir.r4.model.DomainResource d)) {
                continue;
            }
            Extension roller = d.getExtensionByUrl(DATE_ROLLER);
            if (roller == null) {
                continue;
            }
            Extension last = roller.getExtensionByUrl("dateLastUpdated");
            if (last != null && last.getValue() instanceof org.hl7.fhir.r4.model.BaseDateTimeType t) {
                LocalDate date = RecordMapperAccess.date(t);
                if (date != null && (latest == null || date.isAfter(latest))) {
                    latest = date;
                }
            }
        }
        return latest;
    }

    private IParser parser() {
        return context.newJsonParser().setParserErrorHandler(STRICT_VALUES);
    }

    /**
     * Unknown elements are left out as HAPI does by default, but an invalid value (a date that is not a
     * date, a number that is not a number) is an error: guessing it away would change the record.
     */
    private static final LenientErrorHandler STRICT_VALUES = new LenientErrorHandler(false) {
        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            throw new DataFormatException((location == null ? "" : location + ": ") + "invalid value '" + value
                    + "'" + (error == null ? "" : ": " + error));
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String elementName, ValueType expected,
                                      ScalarType expectedScalar, ValueType found, ScalarType foundScalar) {
            throw new DataFormatException("element '" + elementName + "' has the JSON type " + found
                    + ", expected " + expected);
        }
    };

    private static JsonNode tree(String json) {
        if (json == null) {
            throw new FhirInputException("input", "is empty", null);
        }
        if (json.length() > MAX_CHARS) {
            throw new FhirInputException("input", "must be at most " + MAX_CHARS + " characters", json.length()
                    + " characters");
        }
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree == null || tree.isMissingNode()) {
                throw new FhirInputException("input", "is empty", null);
            }
            if (!tree.isObject()) {
                throw new FhirInputException("input", "must be a JSON object (a FHIR resource or a CDS Hooks "
                        + "request)", tree.getNodeType());
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new FhirInputException("input", "is not JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), null, e);
        }
    }

    private Resource parse(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new FhirInputException(path, "must be a FHIR resource (a JSON object)", node.getNodeType());
        }
        JsonNode type = node.get("resourceType");
        if (type == null || !type.isTextual()) {
            throw new FhirInputException(path + ".resourceType", "is missing: not a FHIR resource", null);
        }
        JsonNode entry = node.get("entry");
        if (entry != null && entry.isArray()) {
            bound(entry.size());
        }
        if (context.getResourceTypes().stream().noneMatch(t -> t.equals(type.asText()))) {
            throw new FhirInputException(path + ".resourceType", "is not a FHIR R4 resource type", "'"
                    + type.asText() + "'");
        }
        try {
            IBaseResource r = parser().parseResource(node instanceof ObjectNode o ? o.toString() : node.toString());
            return (Resource) r;
        } catch (DataFormatException | ClassCastException e) {
            throw new FhirInputException(path, "is not valid FHIR R4 JSON: " + oneLine(e.getMessage()), null, e);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
