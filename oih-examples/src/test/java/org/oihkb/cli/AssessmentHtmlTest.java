package org.oihkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.oihkb.engine.OihEngine;
import org.oihkb.json.RecordJson;
import org.oihkb.model.PatientRecord;

class AssessmentHtmlTest {

    @Test
    void reportShowsRisingDoseAndPainOnOneChartAndIsSelfContained() throws Exception {
        PatientRecord r = RecordJson.reader().read(Path.of("examples", "possible-oih.json")).record();
        String html = AssessmentHtml.render(OihEngine.create().assess(r), r);
        assertThat(html).contains("<svg", "class=\"series-mme\"", "class=\"series-pain\"", "class=\"dose-change\"");
        assertThat(html.split("class=\"series-pain\"", -1)).hasSize(7);
        assertThat(html).contains("<title>2025-02-22 allodynia</title>");
        assertThat(html).contains("OIH-010", "Possible opioid-induced hyperalgesia", "Cautions for this patient",
                "CAU-001", "Sources:", "Grade:");
        assertThat(html.toLowerCase()).doesNotContain("<script", "src=", "href=", "http:", "https:", "url(", "@import");
        assertThat(html.indexOf("OIH-010")).as("warnings before info").isLessThan(html.indexOf("EXP-010"));
    }

    @Test
    void patientTextIsEscaped() {
        assertThat(AssessmentHtml.esc("<b>\"x\" & y</b>")).isEqualTo("&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;");
    }

    @Test
    void aDoseWithoutMmeIsNotComputableNotZeroInTextAndHtml() {
        PatientRecord r = RecordJson.reader().read("{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"p1\"}, "
                + "\"doses\": [{\"id\": \"it\", \"drug\": \"morphine\", \"route\": \"intrathecal\", \"dailyDose\": 2, "
                + "\"unit\": \"mg\", \"start\": \"2024-12-01\"}]}").record();
        var a = OihEngine.create().assess(r);
        String reason = "not computable (route intrathecal is not in the cdc-2022 table)";
        assertThat(AssessmentText.render(a)).contains("Current " + reason).doesNotContain("Current 0 MME/day");
        assertThat(AssessmentHtml.render(a, r)).contains("<dt>Current dose</dt><dd>" + reason + "</dd>");
    }
}
