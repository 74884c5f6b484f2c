package org.oihkb.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rule files as text: each file's clinical header and the line on which each rule starts. What the
 * catalog and the lint read beside the compiled metadata.
 *
 * @param dir the directory of {@code .drl} files
 * @param files per file name, its header and its rules
 */
public record RuleSources(Path dir, Map<String, RuleFile> files) {

    /** One DRL file. */
    public record RuleFile(String name, String header, Map<String, Integer> ruleLines, Map<String, String> ruleIds) {
    }

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("@id\\(\\s*\"([^\"]+)\"\\s*\\)");

    /** The rule files of a directory. */
    public static RuleSources of(Path dir) {
        Map<String, RuleFile> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList()) {
                files.put(f.getFileName().toString(), parse(f.getFileName().toString(),
                        Files.readString(f, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RuleSources(dir, files);
    }

    /** The built-in rule files, from the class path (a directory during the build, the jar otherwise). */
    public static RuleSources builtIn() {
        return of(builtInDirectory());
    }

    /** Where the built-in rules and their scenarios are on the class path. */
    public static Path builtInDirectory() {
        URL url = RuleSources.class.getClassLoader().getResource("org/oihkb/knowledge/exposure.drl");
        if (url == null) {
            throw new IllegalStateException("the built-in rules are not on the class path");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath("/org/oihkb/knowledge");
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the built-in rules: " + e.getMessage(), e);
        }
    }

    static RuleFile parse(String name, String text) {
        String header = "";
        int start = text.indexOf("/*");
        int end = text.indexOf("*/");
        if (start >= 0 && end > start && text.substring(0, start).isBlank()) {
            List<String> lines = new ArrayList<>();
            for (String l : text.substring(start + 2, end).split("\n")) {
                lines.add(l.replaceFirst("^\\s*\\* ?", "").stripTrailing());
            }
            header = String.join("\n", lines).strip();
        }
        Map<String, Integer> ruleLines = new TreeMap<>();
        Map<String, String> ruleIds = new TreeMap<>();
        String[] lines = text.split("\n", -1);
        String current = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE.matcher(lines[i]);
            if (m.find()) {
                current = m.group(1);
                ruleLines.put(current, i + 1);
            }
            Matcher id = ID.matcher(lines[i]);
            if (current != null && id.find()) {
                ruleIds.put(current, id.group(1));
            }
        }
        return new RuleFile(name, header, ruleLines, ruleIds);
    }

    /** The file that holds the rule with this name, or {@code null}. */
    public RuleFile fileOf(String ruleName) {
        return files.values().stream().filter(f -> f.ruleLines().containsKey(ruleName)).findFirst().orElse(null);
    }
}
