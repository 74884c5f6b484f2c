package org.oihkb.fhir.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build step: reads the CDC OMTK drug-ingredient list (a CQL list literal of tuples) and writes the
 * tab-separated table {@link RxNormTable} loads. Run by the oih-fhir build, never at run time.
 */
public final class RxNormTableGenerator {

    private static final Pattern TUPLE = Pattern.compile(
            "\\{ drugCode: (\\d+), drugName: '((?:[^']|'')*)', doseFormCode: (\\d+), doseFormName: '((?:[^']|'')*)', "
                    + "ingredientCode: (\\d+), ingredientName: '((?:[^']|'')*)', strength: '(?:[^']*)', "
                    + "strengthValue: ([0-9.]+), strengthUnit: '([A-Z/]+)' \\}");

    /** The generated table's columns. */
    static final String[] COLUMNS = {"drugCode", "drugName", "doseFormCode", "doseFormName", "ingredientCode",
            "ingredientName", "strengthValue", "strengthUnit"};

    private RxNormTableGenerator() {
    }

    /**
     * @param args the OMTKData.cql file, the table to write
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: RxNormTableGenerator OMTKData.cql out.tsv");
        }
        List<String> rows = generate(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8));
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        Files.write(out, rows, StandardCharsets.UTF_8);
    }

    /** The table's lines, header first; fails on any tuple line it cannot read, so no drug is lost. */
    static List<String> generate(List<String> cql) {
        List<String> rows = new ArrayList<>();
        rows.add(String.join("\t", COLUMNS));
        int tuples = 0;
        for (String line : cql) {
            if (!line.contains("drugCode:")) {
                continue;
            }
            tuples++;
            Matcher m = TUPLE.matcher(line);
            if (!m.find()) {
                throw new IllegalStateException("OMTKData tuple not understood: " + line.strip());
            }
            rows.add(String.join("\t", m.group(1), unquote(m.group(2)), m.group(3), unquote(m.group(4)), m.group(5),
                    unquote(m.group(6)), m.group(7), m.group(8)));
        }
        if (tuples == 0) {
            throw new IllegalStateException("no drugCode tuples found in the OMTK data");
        }
        return rows;
    }

    private static String unquote(String cqlString) {
        return cqlString.replace("''", "'");
    }
}
