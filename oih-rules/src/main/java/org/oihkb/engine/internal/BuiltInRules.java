package org.oihkb.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.oihkb.engine.RuleBaseException;

/**
 * The rules compiled into this jar at build time. The executable model classes the build listed are
 * instantiated directly: the usual classpath container first parses every kmodule.xml with an XML binding
 * library, which costs about 0.45 s of a 1.5 s command-line start. Without the list (classes compiled by an
 * IDE without the kie plugin) the classpath container is used instead. Needs only the Drools runtime.
 */
public final class BuiltInRules {

    /** Written by kie-maven-plugin: the classes of the executable model it generated from the DRL. */
    static final String MODEL_LIST = "META-INF/kie/org.oihkb/oih-rules/drools-model";

    private BuiltInRules() {
    }

    /** The built-in knowledge base, as seen by {@code loader}. */
    public static KieBase load(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(MODEL_LIST)) {
            if (in != null) {
                List<Model> models = new ArrayList<>();
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                    // the first line is a version header ("Drools-Model-Version:10.2.0"), the others class names
                    if (!line.isBlank() && !line.contains(":")) {
                        models.add((Model) Class.forName(line.trim(), true, loader).getConstructor().newInstance());
                    }
                }
                if (!models.isEmpty()) {
                    return KieBaseBuilder.createKieBaseFromModel(models);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new RuleBaseException(List.of("the built-in rules could not be loaded from " + MODEL_LIST + ": " + e));
        }
        return KieServices.get().getKieClasspathContainer(loader).getKieBase("oih");
    }
}
