package org.oihkb.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a stewardship team reads first: how many patients were screened, counts by conclusion, by finding and by
 * MME band, as CSV ({@code section,key,count}) and as one self-contained HTML page (inline SVG, no scripts, no
 * external requests). Counts only: no patient identifier or clinical value of a single patient.
 *
 * @param input inputs read (records or patients)
 * @param assessed inputs assessed
 * @param rejected inputs that could not be assessed
 * @param byConclusion patients by conclusion of the differential, in {@link Conclusions#ORDER}
 * @param byFinding patients with each finding, by finding id
 * @param byMmeBand patients by band of their current MME, in {@link #BANDS} order
 * @param mmeLowerBounds patients whose current MME is a lower bound (some current pain dose without an MME)
 */
public record Summary(long input, long assessed, long rejected, Map<String, Long> byConclusion,
                      Map<String, Long> byFinding, Map<String, Long> byMmeBand, long mmeLowerBounds) {

    /** MME bands (CDC 2022: 50 and 90 MME/day); "not computable" is a null MME, never 0. */
    public static final List<String> BANDS = List.of("0", "1-49", "50-89", "90+", "not computable");

    /** Copies the maps, keeping their order. */
    public Summary {
        byConclusion = new LinkedHashMap<>(byConclusion);
        byFinding = new LinkedHashMap<>(byFinding);
        byMmeBand = new LinkedHashMap<>(byMmeBand);
    }

    /** The band of a current MME per day; {@code null} is "not computable". */
    public static String band(Double mme) {
        if (mme == null) {
            return "not computable";
        }
        if (mme <= 0) {
            return "0";
        }
        if (mme < 50) {
            return "1-49";
        }
        return mme < 90 ? "50-89" : "90+";
    }

    /** {@code section,key,count} lines with a header. */
    public String toCsv() {
        StringBuilder s = new StringBuilder("section,key,count\n");
        s.append("total,input,").append(input).append('\n');
        s.append("total,assessed,").append(assessed).append('\n');
        s.append("total,rejected,").append(rejected).append('\n');
        s.append("total,mmeLowerBound,").append(mmeLowerBounds).append('\n');
        byConclusion.forEach((k, v) -> s.append("conclusion,").append(csv(k)).append(',').append(v).append('\n'));
        byFinding.forEach((k, v) -> s.append("finding,").append(csv(k)).append(',').append(v).append('\n'));
        byMmeBand.forEach((k, v) -> s.append("mmeBand,").append(csv(k)).append(',').append(v).append('\n'));
        return s.toString();
    }

    /** The page: totals, then one horizontal bar chart per section. */
    public String toHtml(String title) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#1d2733;max-width:960px}\n")
                .append("h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 6px}p.note{color:#55606e;font-size:13px}\n")
                .append(".totals{display:flex;gap:16px;margin:16px 0}.tile{border:1px solid #d6dde5;border-radius:6px;padding:10px 16px}\n")
                .append(".tile b{display:block;font-size:24px}.tile span{font-size:13px;color:#55606e}\n")
                .append("svg text{font-size:12px;fill:#1d2733}svg .v{fill:#55606e}\n")
                .append("@media print{body{margin:0}}\n</style></head><body>\n")
                .append("<h1>").append(esc(title)).append("</h1>\n")
                .append("<p class=\"note\">Decision support: each count is of patients with a possible pattern to review, ")
                .append("never a diagnosis. Counts only; no patient is identified on this page.</p>\n")
                .append("<div class=\"totals\">");
        tile(h, input, "records in");
        tile(h, assessed, "assessed");
        tile(h, rejected, "rejected (see the rejected table)");
        tile(h, mmeLowerBounds, "MME is a lower bound");
        h.append("</div>\n");
        chart(h, "Patients by conclusion", byConclusion, "#2f6f9f");
        chart(h, "Patients with each finding", byFinding, "#7a5195");
        chart(h, "Patients by current MME per day", byMmeBand, "#ef8a3c");
        h.append("<p class=\"note\">MME bands follow CDC 2022 (50 and 90 MME/day). \"not computable\": a current pain ")
                .append("dose exists and none has a conversion factor. The conclusion is the first finding of the ")
                .append("differential that fired, in the order listed in docs/spark.md.</p>\n</body></html>\n");
        return h.toString();
    }

    private static void tile(StringBuilder h, long value, String label) {
        h.append("<div class=\"tile\"><b>").append(String.format(Locale.ROOT, "%,d", value)).append("</b><span>")
                .append(esc(label)).append("</span></div>");
    }

    private static void chart(StringBuilder h, String title, Map<String, Long> counts, String colour) {
        h.append("<h2>").append(esc(title)).append("</h2>\n");
        List<Map.Entry<String, Long>> rows = new ArrayList<>(counts.entrySet());
        if (rows.isEmpty()) {
            h.append("<p class=\"note\">none</p>\n");
            return;
        }
        long max = 1;
        for (Map.Entry<String, Long> e : rows) {
            max = Math.max(max, e.getValue());
        }
        int rowHeight = 22;
        int labelWidth = 130;
        int barWidth = 640;
        int height = rows.size() * rowHeight + 8;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(labelWidth + barWidth + 90)
                .append("\" height=\"").append(height).append("\" aria-label=\"").append(esc(title)).append("\">\n");
        for (int i = 0; i < rows.size(); i++) {
            Map.Entry<String, Long> e = rows.get(i);
            int y = i * rowHeight + 4;
            long w = Math.max(e.getValue() > 0 ? 1 : 0, Math.round(barWidth * (double) e.getValue() / max));
            h.append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 14)
                    .append("\" text-anchor=\"end\">").append(esc(e.getKey())).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y).append("\" width=\"").append(w)
                    .append("\" height=\"").append(rowHeight - 6).append("\" fill=\"").append(colour).append("\"/>")
                    .append("<text class=\"v\" x=\"").append(labelWidth + w + 6).append("\" y=\"").append(y + 14)
                    .append("\">").append(String.format(Locale.ROOT, "%,d", e.getValue())).append("</text>\n");
        }
        h.append("</svg>\n");
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
