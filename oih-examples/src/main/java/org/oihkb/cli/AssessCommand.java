package org.oihkb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.oihkb.engine.AssessmentException;
import org.oihkb.engine.MmeEdition;
import org.oihkb.engine.OihEngine;
import org.oihkb.json.AssessmentJson;
import org.oihkb.json.RecordJson;
import org.oihkb.model.Assessment;
import org.oihkb.model.DataQualityNote;
import org.oihkb.model.InvalidRecordException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code oih assess FILE}: assesses one patient record and prints the explained result. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess one patient record (JSON, CONTRACT.md) and print the explained assessment.")
final class AssessCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, html }

    @Parameters(index = "0", paramLabel = "FILE", description = "the patient record, JSON")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "text (for people), json (the contract) or html (a report with a dose-and-pain chart); "
            + "default ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path out;

    @CommandLine.Mixin
    EditionOption edition;

    @CommandLine.Mixin
    RulesOption rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        MmeEdition mmeEdition = edition.parse(err);
        if (mmeEdition == null) {
            return OihCli.INVALID_INPUT;
        }
        RecordJson.ReadResult read;
        try {
            read = RecordJson.reader().read(file);
        } catch (NoSuchFileException e) {
            err.println("oih: " + file + ": no such file");
            return OihCli.INVALID_INPUT;
        } catch (InvalidRecordException e) {
            err.println("oih: " + file + ": " + e.getMessage());
            return OihCli.INVALID_INPUT;
        }
        for (DataQualityNote w : read.warnings()) {
            err.println("oih: " + file + ": warning: " + w.summary());
        }
        OihEngine engine = rules.engine(mmeEdition, err);
        if (engine == null) {
            return OihCli.RULES_BROKEN;
        }
        Assessment assessment;
        try {
            assessment = engine.assess(read.record()).withDataQuality(read.warnings());
        } catch (AssessmentException e) {
            err.println("oih: " + file + ": " + e.getMessage());
            return 1;
        }
        String text = switch (format) {
            case json -> AssessmentJson.toPrettyJson(assessment) + "\n";
            case html -> AssessmentHtml.render(assessment, read.record());
            case text -> AssessmentText.render(assessment);
        };
        Output.write(text, out, spec.commandLine().getOut());
        return 0;
    }
}
