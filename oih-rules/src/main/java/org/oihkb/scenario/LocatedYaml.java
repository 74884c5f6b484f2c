package org.oihkb.scenario;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A YAML document read into a plain tree together with the line of every key and list entry, so that a
 * scenario error can say where in the file it is. Reads no tags and constructs no objects.
 */
final class LocatedYaml {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final JsonNode root;
    private final Map<String, Integer> lines;

    private LocatedYaml(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** @throws IOException for text that is not YAML */
    static LocatedYaml parse(String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                return new LocatedYaml(null, lines);
            }
            lines.put("", p.currentTokenLocation().getLineNr());
            return new LocatedYaml(value(p, "", lines), lines);
        }
    }

    JsonNode root() {
        return root;
    }

    /**
     * The line of a JSON pointer ({@code /record/doses/0/dailyDose}), or of its nearest enclosing key when the
     * pointer itself is not in the file.
     */
    int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            int cut = p.lastIndexOf('/');
            if (cut < 0) {
                return 1;
            }
            p = p.substring(0, cut);
        }
    }

    private static JsonNode value(JsonParser p, String pointer, Map<String, Integer> lines) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode obj = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + name;
                    lines.put(child, p.currentTokenLocation().getLineNr());
                    p.nextToken();
                    obj.set(name, value(p, child, lines));
                }
                return obj;
            }
            case START_ARRAY -> {
                ArrayNode arr = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String child = pointer + "/" + i++;
                    lines.put(child, p.currentTokenLocation().getLineNr());
                    arr.add(value(p, child, lines));
                }
                return arr;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return f.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return f.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return f.nullNode();
            }
            default -> throw new IOException("unexpected " + t + " at line " + p.currentTokenLocation().getLineNr());
        }
    }
}
