package org.oihkb.examples.recipes;

import java.io.IOException;
import java.nio.file.Path;

import org.oihkb.engine.OihEngine;
import org.oihkb.json.RecordJson;
import org.oihkb.model.Assessment;

/** Recipe: assess one JSON record file and print each finding. */
public final class OneOffAssessment {
    private OneOffAssessment() {
    }

    /** Reads, assesses and summarises one record file. */
    public static String run(Path recordFile) throws IOException {
        OihEngine engine = OihEngine.create();
        Assessment a = engine.assess(RecordJson.reader().read(recordFile).record());
        StringBuilder out = new StringBuilder();
        a.findings().forEach(f -> out.append(f.id()).append(": ").append(f.summary()).append('\n'));
        return out.toString();
    }
}
