package org.oihkb.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;

import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.oihkb.examples.SyntheticPopulation;
import org.oihkb.fhir.FhirBulkWriter;
import org.oihkb.fhir.FhirRecords;
import org.oihkb.json.RecordJson;
import org.oihkb.model.PatientRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oih generate N}: a deterministic synthetic population as JSON Lines, or as a FHIR R4 Bulk Data export
 * ({@code --format fhir-bulk --out DIR}: one NDJSON file per resource type, see {@link FhirBulkWriter} for what
 * FHIR carries of a record), for screening and benchmarks.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write N synthetic patient records (JSON Lines, or a FHIR bulk export with --format fhir-bulk);"
                + " the same seed always gives the same output.")
final class GenerateCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Output formats. */
    enum Format { JSONL, FHIR_BULK }

    @Parameters(index = "0", paramLabel = "N", description = "how many records")
    long count;

    @Option(names = "--seed", defaultValue = "1", description = "population seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--size", defaultValue = "TYPICAL", description = "SMALL, TYPICAL (default) or LONG records")
    SyntheticPopulation.Size size;

    @Option(names = "--malformed-every", defaultValue = "0", paramLabel = "K",
            description = "make every K-th line (fhir-bulk: patient) invalid (100 gives 1%%); 0 for none")
    int malformedEvery;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "jsonl (default): contract records, one a line; fhir-bulk: a FHIR R4 Bulk Data export "
                    + "folder (--out DIR required)")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (fhir-bulk: the folder DIR) instead "
            + "of standard output")
    Path out;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return switch (value) {
                case "jsonl" -> Format.JSONL;
                case "fhir-bulk" -> Format.FHIR_BULK;
                default -> throw new picocli.CommandLine.TypeConversionException("--format must be jsonl or "
                        + "fhir-bulk, was '" + value + "'");
            };
        }
    }

    private static final String[] BROKEN = {
        "{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"x\"}, \"doses\": [",
        "{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"x\"}, \"doses\": [{\"drug\": \"oxycodone\","
            + " \"route\": \"oral\", \"dailyDose\": -5, \"unit\": \"mg\", \"start\": \"2025-01-01\"}]}",
        "{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"x\"}, \"doses\": [{\"drug\": \"heroin\","
            + " \"route\": \"oral\", \"dailyDose\": 5, \"unit\": \"mg\", \"start\": \"2025-01-01\"}]}",
        "{\"format\": 1, \"patient\": {\"id\": \"x\"}}"
    };

    @Override
    public Integer call() throws Exception {
        SyntheticPopulation population = new SyntheticPopulation(seed, size);
        if (format == Format.FHIR_BULK) {
            if (out == null) {
                spec.commandLine().getErr().println("oih: --format fhir-bulk needs --out DIR (one NDJSON file per "
                        + "resource type)");
                return OihCli.INVALID_INPUT;
            }
            try (FhirBulkWriter w = FhirBulkWriter.create(FhirRecords.create(), out)) {
                for (long i = 0; i < count; i++) {
                    PatientRecord r = population.record(i);
                    if (malformedEvery > 0 && i % malformedEvery == malformedEvery - 1) {
                        writeFaulty(w, r, (int) ((i / malformedEvery) % 4));
                    } else {
                        w.write(r);
                    }
                }
            }
            return 0;
        }
        try (Writer w = out == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (long i = 0; i < count; i++) {
                if (malformedEvery > 0 && i % malformedEvery == malformedEvery - 1) {
                    w.write(BROKEN[(int) ((i / malformedEvery) % BROKEN.length)]);
                } else {
                    w.write(RecordJson.reader().toJsonLine(population.record(i)));
                }
                w.write('\n');
            }
        }
        return 0;
    }

    /**
     * One patient with one fault, in turn: a line that is not JSON (its patient is unknown), a negative dose (the
     * patient cannot be mapped), no Patient resource (the resources name an unknown patient), a value that is
     * not a number (the resource does not parse).
     */
    private static void writeFaulty(FhirBulkWriter w, PatientRecord r, int fault) throws java.io.IOException {
        List<Resource> resources = FhirBulkWriter.resources(r);
        w.asOf(r.asOf());
        boolean done = false;
        for (Resource res : resources) {
            if (fault == 2 && res instanceof org.hl7.fhir.r4.model.Patient) {
                continue;
            }
            if (!done && fault == 1 && res instanceof MedicationRequest m) {
                ((Quantity) m.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getDose())
                        .setValue(BigDecimal.valueOf(-5));
                done = true;
            }
            if (!done && fault == 3 && res instanceof org.hl7.fhir.r4.model.Observation o) {
                w.writeLine("Observation", "{\"resourceType\":\"Observation\",\"id\":\"" + o.getIdElement().getIdPart()
                        + "\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\","
                        + "\"code\":\"72514-3\"}]},\"subject\":{\"reference\":\"" + o.getSubject().getReference()
                        + "\"},\"effectiveDateTime\":\"2025-02-01\",\"valueQuantity\":{\"value\":\"seven\"}}");
                done = true;
                continue;
            }
            w.write(res);
        }
        if (fault == 0) {
            w.writeLine("Observation", "{\"resourceType\": \"Observation\", \"id\": ");
        }
    }
}
