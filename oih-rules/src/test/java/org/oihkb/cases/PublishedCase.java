package org.oihkb.cases;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oihkb.scenario.Scenario;

/**
 * One published case: a patient described in a case report, case series or worked example, written as a
 * contract record with dates relative to {@code asOf}, the authors' conclusion, and what a clinician
 * reading the paper would require and forbid of an assessment.
 *
 * <p>Read strictly: a key the format does not define is an error naming the file and the accepted keys,
 * so a misspelt {@code forbid} can never turn a check off silently. The record itself is kept as a tree
 * and read by the contract reader when the case is run, so a record the model does not accept yet (new
 * vocabulary) is a miss of that case, not a broken set.
 *
 * @param file where it was read from
 * @param title one line naming the patient and the event
 * @param citation where the case was published and where its text was read
 * @param outcome the authors' conclusion as one word of {@link #OUTCOMES}
 * @param conclusion the authors' conclusion in their terms
 * @param covers what part of the coverage list the case stands for
 * @param assumptions every choice the paper did not state but the record had to make
 * @param record the record tree, dates resolved, not yet validated
 * @param require ids that must appear
 * @param forbid ids that must not appear
 */
record PublishedCase(Path file, String title, Citation citation, String outcome, String conclusion, List<String> covers,
                     List<String> assumptions, ObjectNode record, Ids require, Ids forbid) {

    /** The keys a case file may have. */
    static final List<String> KEYS = List.of("title", "citation", "outcome", "conclusion", "covers", "assumptions",
            "asOf", "record", "require", "forbid");
    /** The keys of {@code citation}. */
    static final List<String> CITATION_KEYS = List.of("authors", "title", "journal", "year", "url");
    /** The keys of {@code require} and {@code forbid}. */
    static final List<String> ID_KEYS = List.of("findings", "options");
    /** The authors' conclusions the set distinguishes. */
    static final List<String> OUTCOMES = List.of("oih", "tolerance", "withdrawal-interdose", "withdrawal-after-stop",
            "disease-progression", "new-pathology", "neurotoxicity", "opioid-toxicity", "oud-on-moud",
            "oud-without-moud", "insufficient-data");

    /** Where a case was published and read. */
    record Citation(String authors, String title, String journal, int year, String url) {
        /** Authors, title, journal and year, as a reference list writes them. */
        String reference() {
            return authors + ". " + title + ". " + journal + " " + year + ".";
        }
    }

    /** Finding and option ids. */
    record Ids(List<String> findings, List<String> options) {
        Ids {
            findings = List.copyOf(findings);
            options = List.copyOf(options);
        }
    }

    /** The case's name: its file name without {@code .yaml}. */
    String name() {
        return file.getFileName().toString().replaceFirst("\\.yaml$", "");
    }

    /**
     * Reads one case file.
     *
     * @throws CaseFileException naming the file and what is wrong
     */
    static PublishedCase read(Path file) {
        JsonNode root = CaseYaml.read(file);
        if (root == null || !root.isObject()) {
            throw new CaseFileException(file + ": must be a YAML mapping with keys " + KEYS);
        }
        CaseYaml.onlyKeys(file.toString(), "", root, KEYS);
        LocalDate asOf = Scenario.DEFAULT_AS_OF;
        if (root.hasNonNull("asOf")) {
            try {
                asOf = LocalDate.parse(root.get("asOf").asText());
            } catch (DateTimeParseException e) {
                throw new CaseFileException(file + ": asOf must be a date (YYYY-MM-DD), was '"
                        + root.get("asOf").asText() + "'");
            }
        }
        JsonNode c = required(file, root, "citation");
        if (!c.isObject()) {
            throw new CaseFileException(file + ": citation must be a mapping with keys " + CITATION_KEYS);
        }
        CaseYaml.onlyKeys(file.toString(), "citation.", c, CITATION_KEYS);
        JsonNode year = required(file, c, "year");
        if (!year.isInt()) {
            throw new CaseFileException(file + ": citation.year must be a whole number, was '" + year.asText() + "'");
        }
        String url = text(file, c, "url");
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new CaseFileException(file + ": citation.url must be the address the text was read at, was '"
                    + url + "'");
        }
        Citation citation = new Citation(text(file, c, "authors"), text(file, c, "title"), text(file, c, "journal"),
                year.asInt(), url);
        String outcome = text(file, root, "outcome");
        if (!OUTCOMES.contains(outcome)) {
            throw new CaseFileException(file + ": outcome must be one of " + OUTCOMES + ", was '" + outcome + "'");
        }
        JsonNode recordNode = required(file, root, "record");
        if (!recordNode.isObject()) {
            throw new CaseFileException(file + ": record must be a mapping (a contract record)");
        }
        Ids require = ids(file, root, "require");
        Ids forbid = ids(file, root, "forbid");
        if (require.findings().isEmpty() && require.options().isEmpty()) {
            throw new CaseFileException(file + ": require must name at least one finding or option");
        }
        return new PublishedCase(file, text(file, root, "title"), citation, outcome, text(file, root, "conclusion"),
                strings(file, root, "covers"), strings(file, root, "assumptions"),
                Scenario.recordTree(recordNode, asOf, file), require, forbid);
    }

    private static Ids ids(Path file, JsonNode root, String key) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return new Ids(List.of(), List.of());
        }
        if (!node.isObject()) {
            throw new CaseFileException(file + ": " + key + " must be a mapping with keys " + ID_KEYS);
        }
        CaseYaml.onlyKeys(file.toString(), key + ".", node, ID_KEYS);
        return new Ids(strings(file, node, "findings", key + "."), strings(file, node, "options", key + "."));
    }

    private static JsonNode required(Path file, JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new CaseFileException(file + ": " + key + " is required");
        }
        return v;
    }

    private static String text(Path file, JsonNode node, String key) {
        JsonNode v = required(file, node, key);
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw new CaseFileException(file + ": " + key + " must be non-blank text");
        }
        return v.asText().strip();
    }

    private static List<String> strings(Path file, JsonNode node, String key) {
        return strings(file, node, key, "");
    }

    private static List<String> strings(Path file, JsonNode node, String key, String prefix) {
        JsonNode v = node.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new CaseFileException(file + ": " + prefix + key + " must be a list");
        }
        for (JsonNode item : v) {
            if (!item.isValueNode() || item.asText().isBlank()) {
                throw new CaseFileException(file + ": " + prefix + key + " entries must be non-blank text"
                        + " (quote an entry that contains ': ')");
            }
            out.add(item.asText().strip());
        }
        if (Set.copyOf(out).size() != out.size()) {
            throw new CaseFileException(file + ": " + prefix + key + " lists an entry twice: " + out);
        }
        return out;
    }
}
