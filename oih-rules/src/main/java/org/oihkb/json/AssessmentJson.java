package org.oihkb.json;

import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import org.oihkb.model.Assessment;
import org.oihkb.model.Caution;
import org.oihkb.model.DataQualityNote;
import org.oihkb.model.DoseMme;
import org.oihkb.model.Exposure;
import org.oihkb.model.Finding;
import org.oihkb.model.Option;
import org.oihkb.model.OtherEdition;
import org.oihkb.model.RecordCheck;
import org.oihkb.model.WithheldOption;

/**
 * Writes an assessment as JSON (docs/contract.md section 2; schema {@code assessment.schema.json}). Field
 * order is fixed and lists are sorted, so equal assessments give byte-identical JSON. Thread-safe.
 */
public final class AssessmentJson {

    /** The assessment format written. */
    public static final int FORMAT = 1;

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** Largest buffer a thread keeps between two assessments, in characters. */
    private static final int KEEP_CHARS = 1 << 16;

    /**
     * One growing buffer per thread: a typical assessment is about 10,000 characters, and a fresh small buffer
     * per call was copied four times on its way there (about a third of the bytes a screened record allocated
     * in writing).
     */
    private static final ThreadLocal<CharArrayWriter> BUFFER =
            ThreadLocal.withInitial(() -> new CharArrayWriter(16_384));

    private AssessmentJson() {
    }

    /** Pretty-printed JSON, for people and files. */
    public static String toPrettyJson(Assessment a) {
        return write(a, true);
    }

    /** One line of JSON, for JSON Lines batches. */
    public static String toJsonLine(Assessment a) {
        return write(a, false);
    }

    /**
     * One line of key figures for population screening ({@code oih screen --output summary}): record and
     * patient ids, {@code asOf}, current and peak MME per day and whether they are complete, and the ids of
     * the findings, options and data-quality notes, each list sorted as in
     * the full assessment. About a twentieth of the full line; the full assessment stays the reference.
     */
    public static String toSummaryLine(Assessment a) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("recordId", a.recordId());
            g.writeStringField("patientId", a.patientId());
            g.writeStringField("asOf", a.asOf().toString());
            Exposure e = a.exposure();
            number(g, "currentMmePerDay", e.currentMmePerDay());
            number(g, "peakMmePerDay", e.peakMmePerDay());
            g.writeBooleanField("complete", e.complete());
            g.writeArrayFieldStart("findings");
            for (Finding f : a.findings()) {
                g.writeString(f.id());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("options");
            for (Option o : a.options()) {
                g.writeString(o.id());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("dataQuality");
            for (DataQualityNote n : a.dataQuality()) {
                g.writeString(n.id());
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    private static String write(Assessment a, boolean pretty) {
        CharArrayWriter out = BUFFER.get();
        out.reset();
        try {
            write(a, out, pretty);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String json = out.toString();
        if (out.size() > KEEP_CHARS) {
            BUFFER.remove();
        }
        return json;
    }

    /** Writes to {@code out}, pretty-printed or on one line. */
    public static void write(Assessment a, Writer out, boolean pretty) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (pretty) {
                g.setPrettyPrinter(new DefaultPrettyPrinter()
                        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                        .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            }
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeStringField("recordId", a.recordId());
            g.writeStringField("patientId", a.patientId());
            g.writeStringField("asOf", a.asOf().toString());
            g.writeObjectFieldStart("knowledgeBase");
            g.writeStringField("name", a.knowledgeBase().name());
            g.writeStringField("version", a.knowledgeBase().version());
            g.writeStringField("mmeEdition", a.knowledgeBase().mmeEdition());
            g.writeEndObject();
            exposure(g, a.exposure(), a.otherEdition());
            g.writeArrayFieldStart("findings");
            for (Finding f : a.findings()) {
                g.writeStartObject();
                head(g, f.id(), f.title(), f.indicator().code(), f.summary(), f.evidence(), f.sources(),
                        f.evidenceGrade());
                if (!f.criteriaMet().isEmpty() || !f.criteriaNotMet().isEmpty()) {
                    strings(g, "criteriaMet", f.criteriaMet());
                    strings(g, "criteriaNotMet", f.criteriaNotMet());
                }
                if (!f.cautions().isEmpty()) {
                    cautions(g, f.cautions());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("options");
            for (Option o : a.options()) {
                g.writeStartObject();
                head(g, o.id(), o.title(), o.indicator().code(), o.summary(), o.evidence(), o.sources(),
                        o.evidenceGrade());
                cautions(g, o.cautions());
                g.writeArrayFieldStart("checks");
                for (RecordCheck c : o.checks()) {
                    g.writeStartObject();
                    g.writeStringField("id", c.id());
                    g.writeStringField("title", c.title());
                    g.writeStringField("summary", c.summary());
                    g.writeStringField("missing", c.missing());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("withheldOptions");
            for (WithheldOption w : a.withheldOptions()) {
                g.writeStartObject();
                g.writeStringField("optionId", w.optionId());
                g.writeStringField("optionTitle", w.optionTitle());
                g.writeStringField("cautionId", w.cautionId());
                g.writeStringField("cautionTitle", w.cautionTitle());
                g.writeStringField("indicator", w.indicator().code());
                g.writeStringField("reason", w.reason());
                strings(g, "evidence", w.evidence());
                strings(g, "sources", w.sources());
                g.writeStringField("evidenceGrade", w.evidenceGrade());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("dataQuality");
            for (DataQualityNote n : a.dataQuality()) {
                g.writeStartObject();
                g.writeStringField("id", n.id());
                g.writeStringField("summary", n.summary());
                strings(g, "evidence", n.evidence());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void exposure(JsonGenerator g, Exposure e, OtherEdition other) throws IOException {
        g.writeObjectFieldStart("exposure");
        g.writeStringField("mmeEdition", e.mmeEdition());
        nullableNumber(g, "currentMmePerDay", e.currentMmePerDay());
        nullableNumber(g, "peakMmePerDay", e.peakMmePerDay());
        g.writeBooleanField("complete", e.complete());
        g.writeBooleanField("peakComplete", e.peakComplete());
        strings(g, "notComputedDoseIds", e.notComputedDoseIds());
        if (e.notComputableReason() != null) {
            g.writeStringField("notComputableReason", e.notComputableReason());
        }
        g.writeNumberField("daysOnOpioids", e.daysOnOpioids());
        g.writeBooleanField("longTermTherapy", e.longTermTherapy());
        g.writeBooleanField("nonPainOpioidCurrent", e.nonPainOpioidCurrent());
        g.writeArrayFieldStart("bands");
        for (Exposure.Band b : e.bands()) {
            g.writeStartObject();
            number(g, "thresholdMmePerDay", b.thresholdMmePerDay());
            g.writeStringField("edition", b.edition());
            g.writeStringField("status", b.status().code());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("series");
        for (Exposure.Series s : e.series()) {
            g.writeStartObject();
            g.writeStringField("drug", s.drug());
            if (s.name() != null) {
                g.writeStringField("name", s.name());
            }
            g.writeStringField("route", s.route());
            g.writeStringField("unit", s.unit());
            g.writeArrayFieldStart("values");
            for (Exposure.Point p : s.values()) {
                g.writeStartObject();
                g.writeStringField("from", p.from().toString());
                number(g, "value", p.value());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("trace");
        for (DoseMme t : e.trace()) {
            g.writeStartObject();
            g.writeStringField("doseId", t.doseId());
            g.writeStringField("drug", t.drug().code());
            g.writeStringField("route", t.route().code());
            g.writeStringField("purpose", t.purpose().code());
            g.writeStringField("from", t.from().toString());
            if (t.to() != null) {
                g.writeStringField("to", t.to().toString());
            }
            number(g, "dailyDose", t.dailyDose());
            g.writeStringField("unit", t.unit().code());
            if (t.factor() != null) {
                number(g, "factor", t.factor());
            }
            if (t.mmePerDay() != null) {
                number(g, "mmePerDay", t.mmePerDay());
            }
            g.writeBooleanField("countsForThresholds", t.countsForThresholds());
            if (t.note() != null) {
                g.writeStringField("note", t.note());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (other != null) {
            g.writeObjectFieldStart("otherEdition");
            g.writeStringField("mmeEdition", other.mmeEdition());
            nullableNumber(g, "currentMmePerDay", other.currentMmePerDay());
            nullableNumber(g, "peakMmePerDay", other.peakMmePerDay());
            g.writeBooleanField("complete", other.complete());
            g.writeBooleanField("peakComplete", other.peakComplete());
            g.writeArrayFieldStart("bands");
            for (OtherEdition.Band b : other.bands()) {
                g.writeStartObject();
                number(g, "thresholdMmePerDay", b.thresholdMmePerDay());
                g.writeStringField("status", b.status());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void cautions(JsonGenerator g, List<Caution> cautions) throws IOException {
        g.writeArrayFieldStart("cautions");
        for (Caution c : cautions) {
            g.writeStartObject();
            head(g, c.id(), c.title(), c.indicator().code(), c.summary(), c.evidence(), c.sources(), c.evidenceGrade());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void head(JsonGenerator g, String id, String title, String indicator, String summary,
                             List<String> evidence, List<String> sources, String grade) throws IOException {
        g.writeStringField("id", id);
        g.writeStringField("title", title);
        g.writeStringField("indicator", indicator);
        g.writeStringField("summary", summary);
        strings(g, "evidence", evidence);
        strings(g, "sources", sources);
        g.writeStringField("evidenceGrade", grade);
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void nullableNumber(JsonGenerator g, String name, Double v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            number(g, name, v);
        }
    }

    /** Integral values without a trailing ".0": 60, not 60.0; 281.25 as is. */
    private static void number(JsonGenerator g, String name, double v) throws IOException {
        g.writeFieldName(name);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumber((long) v);
        } else {
            g.writeNumber(BigDecimal.valueOf(v));
        }
    }
}
