package org.oihkb.cli;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.oihkb.facts.Text;
import org.oihkb.model.Assessment;
import org.oihkb.model.Caution;
import org.oihkb.model.DataQualityNote;
import org.oihkb.model.DoseMme;
import org.oihkb.model.Finding;
import org.oihkb.model.Option;
import org.oihkb.model.WithheldOption;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Symptom;
import org.oihkb.model.SymptomKind;

/**
 * Renders an assessment as one self-contained HTML page (no scripts, no network): the patient summary, the
 * conclusion of the differential and the regimen warnings, the options with their cautions (a caution on
 * every option once), the options not offered and why, what to check first, then an SVG chart of daily MME
 * (step line) and pain (points) on one time axis with dose changes and symptom events marked, the other
 * findings and the data-quality notes. Prints on A4.
 */
final class AssessmentHtml {

    private static final int W = 900;
    private static final int H = 320;
    private static final int LEFT = 60;
    private static final int RIGHT = 50;
    private static final int TOP = 20;
    private static final int BOTTOM = 50;

    private AssessmentHtml() {
    }

    static String render(Assessment a, PatientRecord r) {
        StringBuilder s = new StringBuilder(32_768);
        s.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>OIH assessment ").append(esc(a.recordId() == null ? "" : a.recordId())).append("</title>")
                .append("<style>").append(CSS).append("</style></head><body>\n");
        s.append("<header><h1>Opioid-induced hyperalgesia: assessment</h1>")
                .append("<p class=\"disclaimer\">Decision support for clinicians, not a diagnosis. There are no validated ")
                .append("diagnostic criteria for OIH; every conclusion is a possibility to weigh with clinical judgement.</p>")
                .append("<dl class=\"summary\"><dt>Patient</dt><dd>").append(esc(a.patientId())).append("</dd>")
                .append("<dt>As of</dt><dd>").append(a.asOf()).append("</dd>")
                .append("<dt>Current dose</dt><dd>").append(esc(Text.currentMme(a.exposure()))).append("</dd>")
                .append(a.otherEdition() == null ? "" : "<dt>Other MME table</dt><dd>"
                        + esc(ReportSections.otherEdition(a.otherEdition())) + "</dd>")
                .append("<dt>Peak, last year</dt><dd>").append(esc(Text.peakMme(a.exposure()))).append("</dd>")
                .append("<dt>Opioids for pain</dt><dd>").append(a.exposure().daysOnOpioids()).append(" of the last 90 days")
                .append(a.exposure().longTermTherapy() ? " (long-term therapy)" : "").append("</dd>")
                .append("<dt>MME table</dt><dd>").append(esc(a.knowledgeBase().mmeEdition())).append("</dd>")
                .append("<dt>Knowledge base</dt><dd>").append(esc(a.knowledgeBase().name())).append(' ')
                .append(esc(a.knowledgeBase().version())).append("</dd></dl></header>\n");
        ReportSections sec = new ReportSections(a);
        s.append("<section><h2>Conclusion</h2>");
        if (sec.conclusion.isEmpty()) {
            s.append("<p>No conclusion about OIH from this record.</p>");
        }
        sec.conclusion.forEach(x -> entry(s, x));
        if (!sec.regimen.isEmpty()) {
            s.append("</section>\n<section><h2>Regimen warnings</h2>");
            sec.regimen.forEach(x -> entry(s, x));
        }
        s.append("</section>\n<section><h2>Options to consider</h2>");
        if (a.options().isEmpty()) {
            s.append("<p>None.</p>");
        }
        if (!sec.everyOption.isEmpty()) {
            s.append("<div class=\"cautions every\"><h4>Cautions with every option below</h4>");
            for (Caution c : sec.everyOption) {
                card(s, c.indicator().code(), c.id(), c.title(), c.summary(), c.evidence(), c.sources(), c.evidenceGrade());
                s.append("</article>");
            }
            s.append("</div>");
        }
        for (Option o : a.options()) {
            card(s, o.indicator().code(), o.id(), o.title(), o.summary(), o.evidence(), o.sources(), o.evidenceGrade());
            List<Caution> own = sec.ownCautions.get(o);
            if (!own.isEmpty()) {
                s.append("<div class=\"cautions\"><h4>Cautions for this patient</h4>");
                for (Caution c : own) {
                    card(s, c.indicator().code(), c.id(), c.title(), c.summary(), c.evidence(), c.sources(),
                            c.evidenceGrade());
                    s.append("</article>");
                }
                s.append("</div>");
            }
            if (!o.checks().isEmpty()) {
                s.append("<p class=\"checks\"><b>Check first (not in the record):</b> ");
                List<String> names = new ArrayList<>();
                o.checks().forEach(k -> names.add(k.title()));
                s.append(esc(String.join("; ", names))).append("</p>");
            }
            s.append("</article>");
        }
        if (!a.withheldOptions().isEmpty()) {
            s.append("</section>\n<section><h2>Not offered</h2>");
            for (WithheldOption w : a.withheldOptions()) {
                s.append("<article class=\"card withheld ").append(esc(w.indicator().code())).append("\"><h3>")
                        .append("<span class=\"badge\">NOT OFFERED</span> ").append(esc("Not offered: "
                        + ReportSections.lower(w.optionTitle()) + " (" + w.reason() + ")")).append("</h3>")
                        .append("<p class=\"meta\"><span class=\"id\">").append(esc(w.optionId())).append(" / ")
                        .append(esc(w.cautionId())).append("</span> ").append(esc(w.cautionTitle()))
                        .append("<br><b>Evidence:</b> ").append(esc(String.join(", ", w.evidence())))
                        .append("<br><b>Sources:</b> ").append(esc(String.join("; ", w.sources())))
                        .append("<br><b>Grade:</b> ").append(esc(w.evidenceGrade())).append("</p></article>");
            }
        }
        if (!sec.checks.isEmpty()) {
            s.append("</section>\n<section><h2>Check first: not in the record</h2><ul class=\"checklist\">");
            for (ReportSections.CheckEntry k : sec.checks) {
                s.append("<li><span class=\"id\">").append(esc(k.check().id())).append("</span> ")
                        .append(esc(k.check().summary())).append(" <span class=\"for\">(for: ")
                        .append(esc(String.join("; ", k.optionTitles()))).append(")</span></li>");
            }
            s.append("</ul>");
        }
        s.append("</section>\n<section><h2>Dose and pain over time</h2>").append(chart(a, r));
        s.append("</section>\n<section><h2>Other findings</h2>");
        if (sec.other.isEmpty()) {
            s.append("<p>None.</p>");
        }
        sec.other.forEach(x -> entry(s, x));
        s.append("</section>\n<section><h2>Data quality</h2>");
        if (a.dataQuality().isEmpty()) {
            s.append("<p>Nothing missing.</p>");
        } else {
            s.append("<ul>");
            for (DataQualityNote n : a.dataQuality()) {
                s.append("<li><b>").append(esc(n.id())).append("</b> ").append(esc(n.summary())).append("</li>");
            }
            s.append("</ul>");
        }
        s.append("</section>\n<footer>Generated by oih-kb from the record's facts only; time is taken from its asOf ")
                .append("date. Sources and evidence grades are those the rules carry.</footer></body></html>\n");
        return s.toString();
    }

    /** Findings of one id as one card: the title once, then each sentence. */
    private static void entry(StringBuilder s, ReportSections.Entry x) {
        Finding f = x.first();
        if (x.all().size() == 1) {
            card(s, f.indicator().code(), f.id(), f.title(), f.summary(), f.evidence(), f.sources(), f.evidenceGrade());
        } else {
            java.util.TreeSet<String> evidence = new java.util.TreeSet<>();
            StringBuilder list = new StringBuilder("<ul>");
            for (Finding g : x.all()) {
                list.append("<li>").append(esc(g.summary())).append("</li>");
                evidence.addAll(g.evidence());
            }
            list.append("</ul>");
            card(s, f.indicator().code(), f.id(), f.title(), "", List.copyOf(evidence), f.sources(), f.evidenceGrade());
            s.append(list);
        }
        for (Finding g : x.all()) {
            if (!g.criteriaMet().isEmpty() || !g.criteriaNotMet().isEmpty()) {
                s.append("<div class=\"criteria\"><h4>Criteria met</h4><ul>");
                g.criteriaMet().forEach(c -> s.append("<li>").append(esc(c)).append("</li>"));
                s.append("</ul><h4>Not met or not assessed</h4><ul>");
                g.criteriaNotMet().forEach(c -> s.append("<li>").append(esc(c)).append("</li>"));
                s.append("</ul></div>");
            }
            if (!g.cautions().isEmpty()) {
                s.append("<div class=\"cautions\"><h4>Caution</h4>");
                for (Caution c : g.cautions()) {
                    card(s, c.indicator().code(), c.id(), c.title(), c.summary(), c.evidence(), c.sources(),
                            c.evidenceGrade());
                    s.append("</article>");
                }
                s.append("</div>");
            }
        }
        s.append("</article>");
    }

    private static void card(StringBuilder s, String indicator, String id, String title, String summary,
                             List<String> evidence, List<String> sources, String grade) {
        s.append("<article class=\"card ").append(esc(indicator)).append("\"><h3><span class=\"badge\">")
                .append(esc(indicator.toUpperCase(Locale.ROOT))).append("</span> <span class=\"id\">").append(esc(id))
                .append("</span> ").append(esc(title)).append("</h3><p>").append(esc(summary)).append("</p>")
                .append("<p class=\"meta\"><b>Evidence:</b> ").append(esc(String.join(", ", evidence)))
                .append("<br><b>Sources:</b> ").append(esc(String.join("; ", sources)))
                .append("<br><b>Grade:</b> ").append(esc(grade)).append("</p>");
    }

    /** The chart: a step line of the daily MME of pain doses and pain scores as points, one time axis. */
    static String chart(Assessment a, PatientRecord r) {
        LocalDate end = a.asOf();
        LocalDate start = end.minusDays(365);
        for (DoseMme t : a.exposure().trace()) {
            if (t.from().isBefore(start) && (t.to() == null || t.to().isAfter(end.minusDays(730)))) {
                start = t.from().isBefore(end.minusDays(730)) ? end.minusDays(730) : t.from();
            }
        }
        for (Symptom sy : r.symptoms()) {
            if (sy.date().isBefore(start) && !sy.date().isBefore(end.minusDays(730))) {
                start = sy.date();
            }
        }
        long days = Math.max(1, ChronoUnit.DAYS.between(start, end));
        TreeSet<LocalDate> bounds = new TreeSet<>();
        bounds.add(start);
        for (DoseMme t : a.exposure().trace()) {
            if (t.countsForThresholds()) {
                bounds.add(t.from());
                if (t.to() != null) {
                    bounds.add(t.to().plusDays(1));
                }
            }
        }
        List<double[]> steps = new ArrayList<>();
        double maxMme = 10;
        for (LocalDate d : bounds) {
            if (d.isBefore(start) || d.isAfter(end)) {
                continue;
            }
            double mme = 0;
            for (DoseMme t : a.exposure().trace()) {
                if (t.countsForThresholds() && t.covers(d)) {
                    mme += t.mmePerDay();
                }
            }
            steps.add(new double[] {ChronoUnit.DAYS.between(start, d), mme});
            maxMme = Math.max(maxMme, mme);
        }
        maxMme = Math.ceil(maxMme / 50) * 50;
        final LocalDate origin = start;
        final double top = maxMme;
        double plotW = W - LEFT - RIGHT;
        double plotH = H - TOP - BOTTOM;
        java.util.function.DoubleUnaryOperator x = d -> LEFT + d / days * plotW;
        java.util.function.DoubleUnaryOperator yMme = m -> TOP + plotH - m / top * plotH;
        java.util.function.DoubleUnaryOperator yPain = p -> TOP + plotH - p / 10 * plotH;

        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-label=\"Daily MME and pain intensity over time\">");
        for (int i = 0; i <= 5; i++) {
            double v = top * i / 5;
            double y = yMme.applyAsDouble(v);
            s.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>", LEFT,
                    W - RIGHT, y, y));
            s.append(String.format(Locale.ROOT, "<text class=\"axis mme\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    LEFT - 6, y + 4, Text.num(v)));
            s.append(String.format(Locale.ROOT, "<text class=\"axis pain\" x=\"%d\" y=\"%.1f\">%d</text>", W - RIGHT + 6,
                    yPain.applyAsDouble(i * 2) + 4, i * 2));
        }
        s.append(String.format(Locale.ROOT, "<text class=\"axis mme\" x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" "
                + "text-anchor=\"middle\">MME/day</text>", TOP + (int) plotH / 2, TOP + (int) plotH / 2));
        s.append(String.format(Locale.ROOT, "<text class=\"axis pain\" x=\"%d\" y=\"%d\" transform=\"rotate(90 %d %d)\" "
                + "text-anchor=\"middle\">pain 0-10</text>", W - 12, TOP + (int) plotH / 2, W - 12, TOP + (int) plotH / 2));
        for (int q = 0; q <= 4; q++) {
            long d = days * q / 4;
            s.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    x.applyAsDouble(d), H - BOTTOM + 18, origin.plusDays(d)));
        }
        StringBuilder path = new StringBuilder();
        double lastY = yMme.applyAsDouble(0);
        path.append(String.format(Locale.ROOT, "M%.1f %.1f", x.applyAsDouble(0), lastY));
        for (double[] st : steps) {
            double px = x.applyAsDouble(st[0]);
            double py = yMme.applyAsDouble(st[1]);
            path.append(String.format(Locale.ROOT, " L%.1f %.1f L%.1f %.1f", px, lastY, px, py));
            lastY = py;
        }
        path.append(String.format(Locale.ROOT, " L%.1f %.1f", x.applyAsDouble(days), lastY));
        s.append("<path class=\"series-mme\" d=\"").append(path).append("\"/>");
        for (int i = 1; i < steps.size(); i++) {
            double px = x.applyAsDouble(steps.get(i)[0]);
            s.append(String.format(Locale.ROOT, "<line class=\"dose-change\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%.1f\"/>",
                    px, px, TOP, TOP + plotH));
        }
        for (Symptom sy : r.symptoms()) {
            if (sy.date().isBefore(origin)) {
                continue;
            }
            double px = x.applyAsDouble(ChronoUnit.DAYS.between(origin, sy.date()));
            if (sy.isPainScore()) {
                s.append(String.format(Locale.ROOT, "<circle class=\"series-pain\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\">"
                        + "<title>%s pain %s</title></circle>", px, yPain.applyAsDouble(sy.intensity()), sy.date(),
                        Text.num(sy.intensity())));
            } else if (sy.present() && (sy.kind() == SymptomKind.ALLODYNIA || sy.kind() == SymptomKind.HYPERALGESIA
                    || sy.kind() == SymptomKind.WITHDRAWAL)) {
                String label = sy.kind() == SymptomKind.WITHDRAWAL ? "W" : "A";
                s.append(String.format(Locale.ROOT, "<g class=\"event\"><polygon points=\"%.1f,%d %.1f,%d %.1f,%d\"/>"
                        + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text><title>%s %s</title></g>",
                        px, TOP + 2, px - 6, TOP - 8 + 20, px + 6, TOP - 8 + 20, px, TOP + 24, label, sy.date(),
                        sy.kind().code()));
            }
        }
        s.append("</svg><p class=\"legend\"><span class=\"key mme\"></span> daily MME of opioids for pain (")
                .append(esc(a.exposure().mmeEdition())).append(")  <span class=\"key pain\"></span> pain score ")
                .append(" <span class=\"key change\"></span> dose change  A allodynia or hyperalgesia  W withdrawal</p>");
        return s.toString();
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1f23;margin:0 auto;
            max-width:960px;padding:24px}h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;border-bottom:2px solid #d0d7de;
            padding-bottom:4px;margin-top:28px}h3{font-size:15px;margin:0 0 6px}h4{margin:8px 0 4px;font-size:13px}
            .disclaimer{background:#fff8c5;border:1px solid #d4a72c;padding:8px 12px;border-radius:6px}
            .summary{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:12px 0}.summary dt{font-weight:600}
            .summary dd{margin:0}.card{border:1px solid #d0d7de;border-left:6px solid #8c959f;border-radius:6px;padding:10px 14px;
            margin:10px 0;break-inside:avoid}.card.warning{border-left-color:#d4a72c}.card.critical{border-left-color:#cf222e}
            .card.info{border-left-color:#0969da}.badge{font-size:11px;padding:1px 6px;border-radius:10px;background:#eaeef2}
            .critical>h3 .badge{background:#cf222e;color:#fff}.warning>h3 .badge{background:#d4a72c;color:#fff}
            .id{font-family:ui-monospace,Menlo,monospace;color:#57606a}.meta{font-size:12.5px;color:#57606a;margin:6px 0 0}
            .cautions{margin-left:18px}.criteria ul{margin:0 0 4px 18px;padding:0;font-size:13.5px}
            .chart{width:100%;height:auto;background:#fff}.grid{stroke:#eaeef2}.axis{font-size:11px;fill:#57606a}
            .axis.mme{fill:#0969da}.axis.pain{fill:#cf222e}.series-mme{fill:none;stroke:#0969da;stroke-width:2.5}
            .series-pain{fill:#cf222e;stroke:#fff;stroke-width:1.5}.dose-change{stroke:#0969da;stroke-dasharray:3 3;opacity:.45}
            .event polygon{fill:#8250df}.event text{font-size:10px;fill:#8250df;font-weight:700}
            .legend{font-size:12.5px;color:#57606a}.key{display:inline-block;width:18px;height:4px;vertical-align:middle;
            margin:0 4px 0 10px}.key.mme{background:#0969da}.key.pain{background:#cf222e;height:10px;width:10px;border-radius:50%}
            .key.change{border-top:2px dashed #0969da;height:0}.withheld{background:#fff5f5}.withheld h3{font-size:15px}
            .checks{font-size:13.5px;background:#f6f8fa;padding:6px 10px;border-radius:4px}.checklist li{margin:3px 0}
            .for{color:#57606a;font-size:13px}.every{margin-left:0}footer{margin-top:32px;font-size:12px;color:#57606a}
            @media print{body{padding:0;font-size:11pt}.card{border-left-width:4px}h2{break-after:avoid}}
            """;
}
