package org.oihkb.cli;

import java.util.List;

import org.oihkb.facts.Text;
import org.oihkb.model.Assessment;
import org.oihkb.model.Caution;
import org.oihkb.model.DataQualityNote;
import org.oihkb.model.DoseMme;
import org.oihkb.model.Exposure;
import org.oihkb.model.Finding;
import org.oihkb.model.Option;

/** Renders an assessment as plain text for a clinician reading a terminal. */
final class AssessmentText {
    private AssessmentText() {
    }

    static String render(Assessment a) {
        StringBuilder s = new StringBuilder(2048);
        s.append("OIH knowledge base ").append(a.knowledgeBase().version())
                .append(": decision support for clinicians, not a diagnosis\n");
        s.append("Record ").append(a.recordId() == null ? "(no id)" : a.recordId())
                .append(", patient ").append(a.patientId())
                .append(", as of ").append(a.asOf())
                .append(", MME table ").append(a.knowledgeBase().mmeEdition()).append("\n\n");

        Exposure e = a.exposure();
        s.append("EXPOSURE\n");
        s.append("  Current ").append(Text.currentMme(e)).append(", peak ")
                .append(Text.peakMme(e)).append(" in the last year")
                .append(e.complete() ? "" : "; no MME for " + String.join(", ", e.notComputedDoseIds()))
                .append('\n');
        if (e.nonPainOpioidCurrent()) {
            s.append("  Opioid-tolerant; MME thresholds do not apply to MOUD doses\n");
        }
        for (Exposure.Series sr : e.series()) {
            s.append("  Series ").append(sr.name() == null ? sr.drug() : sr.name()).append(' ').append(sr.route())
                    .append(" (").append(sr.unit()).append("):");
            for (Exposure.Point p : sr.values()) {
                s.append(' ').append(p.from()).append(' ').append(Text.num(p.value())).append(';');
            }
            s.setLength(s.length() - 1);
            s.append('\n');
        }
        s.append("  Opioids for pain on ").append(e.daysOnOpioids()).append(" of the last 90 days")
                .append(e.longTermTherapy() ? ": long-term therapy" : "").append('\n');
        for (DoseMme t : e.trace()) {
            s.append("  ").append(t.doseId()).append("  ").append(t.drug().code()).append(' ').append(t.route().code())
                    .append(' ').append(Text.num(t.dailyDose())).append(' ').append(t.unit().code())
                    .append(t.unit().code().equals("mcg/h") ? "" : "/day")
                    .append("  ").append(t.from()).append(" to ").append(t.to() == null ? "now" : t.to());
            if (t.mmePerDay() != null) {
                s.append("  x").append(Text.num(t.factor())).append(" = ").append(Text.mme(t.mmePerDay()));
            }
            if (t.note() != null) {
                s.append("  (").append(t.note()).append(')');
            }
            s.append('\n');
        }

        s.append("\nFINDINGS");
        if (a.findings().isEmpty()) {
            s.append(": none\n");
        } else {
            s.append('\n');
            for (Finding f : a.findings()) {
                item(s, "  ", f.indicator().code(), f.id(), f.title(), f.summary(), f.evidence(), f.sources(),
                        f.evidenceGrade());
                list(s, "      Criteria met: ", f.criteriaMet());
                list(s, "      Not met or not assessed: ", f.criteriaNotMet());
            }
        }

        s.append("\nOPTIONS TO CONSIDER");
        if (a.options().isEmpty()) {
            s.append(": none\n");
        } else {
            s.append('\n');
            for (Option o : a.options()) {
                item(s, "  ", o.indicator().code(), o.id(), o.title(), o.summary(), o.evidence(), o.sources(),
                        o.evidenceGrade());
                for (Caution c : o.cautions()) {
                    item(s, "      caution ", c.indicator().code(), c.id(), c.title(), c.summary(), c.evidence(),
                            c.sources(), c.evidenceGrade());
                }
            }
        }

        s.append("\nDATA QUALITY");
        if (a.dataQuality().isEmpty()) {
            s.append(": nothing missing\n");
        } else {
            s.append('\n');
            for (DataQualityNote n : a.dataQuality()) {
                s.append("  ").append(n.id()).append("  ").append(n.summary()).append('\n');
            }
        }
        return s.toString();
    }

    private static void item(StringBuilder s, String indent, String indicator, String id, String title, String summary,
                             List<String> evidence, List<String> sources, String grade) {
        s.append(indent).append('[').append(indicator.toUpperCase(java.util.Locale.ROOT)).append("] ").append(id)
                .append("  ").append(title).append('\n');
        String pad = " ".repeat(indent.length() + 4);
        s.append(pad).append(summary).append('\n');
        list(s, pad + "Evidence: ", evidence);
        list(s, pad + "Sources: ", sources);
        s.append(pad).append("Grade: ").append(grade).append('\n');
    }

    private static void list(StringBuilder s, String label, List<String> values) {
        if (!values.isEmpty()) {
            s.append(label).append(String.join("; ", values)).append('\n');
        }
    }
}
