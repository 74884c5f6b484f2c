package org.oihkb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.oihkb.engine.AssessmentException;
import org.oihkb.engine.MmeEdition;
import org.oihkb.engine.OihEngine;
import org.oihkb.fhir.FhirInputException;
import org.oihkb.fhir.FhirMapping;
import org.oihkb.fhir.FhirRecords;
import org.oihkb.json.AssessmentJson;
import org.oihkb.json.RecordJson;
import org.oihkb.model.Assessment;
import org.oihkb.model.DataQualityNote;
import org.oihkb.model.InvalidRecordException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oih assess FILE}: assesses one patient record and prints the explained result. The file is a
 * contract record, a FHIR R4 Bundle or resource, or a CDS Hooks request, told apart by its content.
 */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess one patient record and print the explained assessment. FILE is a patient record "
                + "(JSON, docs/contract.md), a FHIR R4 Bundle or resource, or a CDS Hooks request.")
final class AssessCommand implements Callable<Integer> {

    /** HAPI's context is built only when a FHIR file is read; contract records never pay for it. */
    private static final class Fhir {
        static final FhirRecords RECORDS = FhirRecords.create();
    }

    /** Output formats. */
    enum Format { text, json, html }

    @Parameters(index = "0", paramLabel = "FILE", description = "the patient record, a FHIR Bundle or resource, "
            + "or a CDS Hooks request (JSON)")
    Path file;

    @Option(names = "--as-of", paramLabel = "DATE", description = "the date to assess FHIR input for (YYYY-MM-DD); "
            + "default: the Bundle's timestamp or the request's own date; refused when the input has none")
    LocalDate asOf;

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
            read = read(err);
        } catch (NoSuchFileException e) {
            err.println("oih: " + file + ": no such file");
            return OihCli.INVALID_INPUT;
        } catch (InvalidRecordException | FhirInputException e) {
            err.println("oih: " + file + ": " + e.getMessage());
            return OihCli.INVALID_INPUT;
        }
        if (read == null) {
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

    /** The record in the file, read as a contract record or mapped from FHIR; {@code null} after a message. */
    private RecordJson.ReadResult read(PrintWriter err) throws IOException {
        if (Files.size(file) > FhirRecords.MAX_CHARS) {
            throw new FhirInputException("input", "must be at most " + FhirRecords.MAX_CHARS + " bytes",
                    Files.size(file) + " bytes");
        }
        String json = Files.readString(file, StandardCharsets.UTF_8);
        if (json.startsWith("\uFEFF")) {
            // Editors on Windows save UTF-8 with a byte order mark; the record reader skips it too
            json = json.substring(1);
        }
        if (FhirRecords.detect(json) == FhirRecords.InputKind.OTHER) {
            if (asOf != null) {
                err.println("oih: " + file + ": --as-of applies to FHIR input only; a patient record carries its own asOf");
                return null;
            }
            return RecordJson.reader().read(file);
        }
        FhirMapping mapping = Fhir.RECORDS.read(json, asOf);
        return new RecordJson.ReadResult(mapping.record(), mapping.notes());
    }
}
