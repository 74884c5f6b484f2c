package org.oihkb.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Reads the case set's YAML files into plain trees (no object construction from tags). */
final class CaseYaml {

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory()).build();

    private CaseYaml() {
    }

    /**
     * The file's tree; {@code null} for an empty file.
     *
     * @throws CaseFileException naming the file when it cannot be read or is not YAML
     */
    static JsonNode read(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new CaseFileException(file + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CaseFileException(file + ": cannot be read: " + e.getMessage());
        }
    }

    /**
     * Refuses a key outside {@code accepted}, so that a misspelt key never turns a check off silently.
     *
     * @param where the file (and entry) the node is in, for the message
     * @param path the node's path with a trailing dot ({@code "require."}), or empty at the top
     * @throws CaseFileException naming the key and the accepted keys
     */
    static void onlyKeys(String where, String path, JsonNode node, List<String> accepted) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!accepted.contains(name)) {
                throw new CaseFileException(where + ": unknown key '" + path + name + "'; accepted keys"
                        + (path.isEmpty() ? "" : " of " + path.substring(0, path.length() - 1)) + ": " + accepted);
            }
        }
    }
}
