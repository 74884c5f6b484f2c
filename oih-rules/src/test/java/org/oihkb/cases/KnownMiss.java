package org.oihkb.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A published case the knowledge base is known to get wrong, kept failing on purpose: the case stays as
 * the paper has it, and this entry says why the assessment differs and what would fix it.
 *
 * @param name the case's file name without {@code .yaml}
 * @param reason the clinical reason the assessment misses
 * @param fix the issue or definition that would make it reproduce
 */
record KnownMiss(String name, String reason, String fix) {

    /** The keys of one entry. */
    static final List<String> KEYS = List.of("case", "reason", "fix");

    /**
     * Reads the list: a YAML sequence of mappings with {@link #KEYS}, every key required.
     *
     * @throws CaseFileException naming the file, the entry and what is wrong
     */
    static List<KnownMiss> read(Path file) {
        JsonNode root = CaseYaml.read(file);
        List<KnownMiss> out = new ArrayList<>();
        if (root == null || root.isNull() || root.isMissingNode()) {
            return out;
        }
        if (!root.isArray()) {
            throw new CaseFileException(file + ": must be a list of entries with keys " + KEYS);
        }
        int i = 0;
        for (JsonNode entry : root) {
            String where = file + ": entry " + i++;
            if (!entry.isObject()) {
                throw new CaseFileException(where + ": must be a mapping with keys " + KEYS);
            }
            CaseYaml.onlyKeys(where, "", entry, KEYS);
            List<String> values = new ArrayList<>();
            for (String key : KEYS) {
                JsonNode v = entry.get(key);
                if (v == null || !v.isValueNode() || v.asText().isBlank()) {
                    throw new CaseFileException(where + ": " + key + " is required (non-blank text)");
                }
                values.add(v.asText().strip());
            }
            out.add(new KnownMiss(values.get(0), values.get(1), values.get(2)));
        }
        return out;
    }
}
