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
import org.oihkb.model.WithheldOption;

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

        ReportSections r = new ReportSections(a);
        s.append("CONCLUSION");
        if (r.conclusion.isEmpty()) {
            s.append(": no conclusion about OIH from this record\n");
        } else {
            s.append('\n');
            r.conclusion.forEach(x -> entry(s, x));
        }
        if (!r.regimen.isEmpty()) {
            s.append("\nREGIMEN WARNINGS\n");
            r.regimen.forEach(x -> entry(s, x));
        }

        s.append("\nOPTIONS TO CONSIDER");
        if (a.options().isEmpty()) {
            s.append(": none\n");
        } else {
            s.append('\n');
            if (!r.everyOption.isEmpty()) {
                s.append("  With every option below:\n");
                for (Caution c : r.everyOption) {
                    item(s, "      caution ", c.indicator().code(), c.id(), c.title(), c.summary(), c.evidence(),
                            c.sources(), c.evidenceGrade());
                }
            }
            for (Option o : a.options()) {
                item(s, "  ", o.indicator().code(), o.id(), o.title(), o.summary(), o.evidence(), o.sources(),
                        o.evidenceGrade());
                for (Caution c : r.ownCautions.get(o)) {
                    item(s, "      caution ", c.indicator().code(), c.id(), c.title(), c.summary(), c.evidence(),
                            c.sources(), c.evidenceGrade());
                }
            }
        }
        if (!a.withheldOptions().isEmpty()) {
            s.append("\nNOT OFFERED\n");
            for (WithheldOption w : a.withheldOptions()) {
                s.append("  [").append(w.indicator().code().toUpperCase(java.util.Locale.ROOT)).append("] Not offered: ")
                        .append(ReportSections.lower(w.optionTitle())).append(" (").append(w.reason()).append(")\n");
                s.append("      ").append(w.cautionId()).append("  ").append(w.cautionTitle()).append('\n');
                list(s, "      Evidence: ", w.evidence());
                list(s, "      Sources: ", w.sources());
            }
        }
        if (!r.checks.isEmpty()) {
            s.append("\nCHECK FIRST (not in the record)\n");
            for (ReportSections.CheckEntry k : r.checks) {
                s.append("  ").append(k.check().id()).append("  ").append(k.check().summary()).append(" (for: ")
                        .append(String.join("; ", k.optionTitles())).append(")\n");
            }
        }

        Exposure e = a.exposure();
        s.append("\nEXPOSURE\n");
        s.append("  Current ").append(Text.currentMme(e)).append(", peak ")
                .append(Text.peakMme(e)).append(" in the last year")
                .append(e.complete() ? "" : "; no MME for " + String.join(", ", e.notComputedDoseIds()))
                .append('\n');
        if (a.otherEdition() != null) {
            s.append("  ").append(ReportSections.otherEdition(a.otherEdition())).append('\n');
        }
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

        s.append("\nOTHER FINDINGS");
        if (r.other.isEmpty()) {
            s.append(": none\n");
        } else {
            s.append('\n');
            r.other.forEach(x -> entry(s, x));
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

    /** Findings of one id as one entry: the title once, then each sentence. */
    private static void entry(StringBuilder s, ReportSections.Entry x) {
        Finding f = x.first();
        if (x.all().size() == 1) {
            item(s, "  ", f.indicator().code(), f.id(), f.title(), f.summary(), f.evidence(), f.sources(),
                    f.evidenceGrade());
        } else {
            s.append("  [").append(f.indicator().code().toUpperCase(java.util.Locale.ROOT)).append("] ").append(f.id())
                    .append("  ").append(f.title()).append('\n');
            java.util.TreeSet<String> evidence = new java.util.TreeSet<>();
            for (Finding g : x.all()) {
                s.append("      - ").append(g.summary()).append('\n');
                evidence.addAll(g.evidence());
            }
            list(s, "      Evidence: ", List.copyOf(evidence));
            list(s, "      Sources: ", f.sources());
            s.append("      Grade: ").append(f.evidenceGrade()).append('\n');
        }
        for (Finding g : x.all()) {
            list(s, "      Criteria met: ", g.criteriaMet());
            list(s, "      Not met or not assessed: ", g.criteriaNotMet());
            for (Caution c : g.cautions()) {
                item(s, "      caution ", c.indicator().code(), c.id(), c.title(), c.summary(), c.evidence(),
                        c.sources(), c.evidenceGrade());
            }
        }
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
