package org.oihkb.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.oihkb.engine.RuleBaseException;

/**
 * Compiles the {@code .drl} files of a directory (an informaticist's edited copy of the rules) into a
 * KieBase with the same executable-model builder as the build, or reports every message with file and
 * line. A rule base with errors is never loaded half-way. Needs the Drools compilers on the class path
 * (optional dependencies of oih-rules; the oih command line has them). Rule files are code: load only
 * trusted directories.
 */
public final class RuleLoader {

    private static final String PACKAGE_PATH = "src/main/resources/org/oihkb/knowledge/";

    private RuleLoader() {
    }

    /** The DRL files of {@code dir}, sorted; {@code dir} may also be a folder that holds the rule folder. */
    public static List<Path> drlFiles(Path dir) {
        Path rules = ruleDirectory(dir);
        try (Stream<Path> files = Files.list(rules)) {
            return files.filter(RuleLoader::isDrl).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The folder of rule files {@code dir} names: itself when it holds {@code .drl} files, otherwise the one folder
     * below it that does (so {@code --rules oih-rules/src/main/resources} finds {@code org/oihkb/knowledge}).
     *
     * @throws RuleBaseException when there is none, or more than one
     */
    public static Path ruleDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleBaseException(List.of(dir + ": not a directory of .drl files"));
        }
        try (Stream<Path> walk = Files.walk(dir, 8)) {
            List<Path> holders = walk.filter(RuleLoader::isDrl).map(Path::getParent).distinct().sorted().toList();
            if (holders.contains(dir)) {
                return dir;
            }
            if (holders.isEmpty()) {
                throw new RuleBaseException(List.of(dir + ": no .drl files"));
            }
            if (holders.size() > 1) {
                throw new RuleBaseException(List.of(dir + ": no .drl files here, and more than one folder below it "
                        + "holds some (" + holders.stream().map(Path::toString).reduce((a, b) -> a + ", " + b)
                        .orElse("") + "): name one of them"));
            }
            return holders.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isDrl(Path p) {
        return p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p);
    }

    /**
     * Compiles every DRL file of {@code dir}.
     *
     * @throws RuleBaseException with one {@code file:line:col: error: text} line per problem
     */
    public static KieBase load(Path dir) {
        Map<String, Path> byResource = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        for (Path file : drlFiles(dir)) {
            String resource = PACKAGE_PATH + file.getFileName();
            byResource.put(resource, file);
            try {
                sources.put(resource, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new RuleBaseException(List.of(file + ": cannot be read: " + e.getMessage()));
            }
        }
        return compile(sources, byResource);
    }

    /** Compiles DRL sources keyed by resource path; used by {@link #load(Path)} and by the lint. */
    public static KieBase compile(Map<String, String> sources, Map<String, Path> files) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("org.oihkb", "oih-rules-edited", "1.0." + Math.abs(sources.hashCode()));
        kfs.generateAndWritePomXML(id);
        sources.forEach(kfs::write);
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            throw new RuleBaseException(List.of("the rules could not be compiled: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            // a follow-on of a syntax error already reported with its line
            if (!m.getText().contains("Parser returned a null Package")) {
                problems.add(describe(m, files));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleBaseException(problems);
        }
        return ks.newKieContainer(id).getKieBase();
    }

    static String describe(Message m, Map<String, Path> files) {
        Path file = null;
        if (m.getPath() != null) {
            for (Map.Entry<String, Path> e : files.entrySet()) {
                if (e.getKey().endsWith(m.getPath()) || m.getPath().endsWith(e.getKey())) {
                    file = e.getValue();
                }
            }
        }
        String where = file != null ? file.toString() : m.getPath() == null ? "(rules)" : m.getPath();
        return where + ":" + Math.max(m.getLine(), 0) + ":" + Math.max(m.getColumn(), 0) + ": error: "
                + m.getText().replace('\n', ' ').trim();
    }
}
