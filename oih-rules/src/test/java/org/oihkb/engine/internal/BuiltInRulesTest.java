package org.oihkb.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

class BuiltInRulesTest {

    private final ClassLoader loader = BuiltInRulesTest.class.getClassLoader();

    @Test
    void theBuildListsItsExecutableModelSoTheFastPathIsTaken() {
        assertThat(loader.getResource(BuiltInRules.MODEL_LIST)).isNotNull();
    }

    @Test
    void theModelGivesTheSameRulesAndMetadataAsTheClasspathContainer() {
        KieBase fast = BuiltInRules.load(loader);
        KieBase container = KieServices.get().getKieClasspathContainer(loader).getKieBase("oih");
        assertThat(metadata(fast)).isNotEmpty().isEqualTo(metadata(container));
    }

    private static Map<String, Map<String, Object>> metadata(KieBase kieBase) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                out.put(p.getName() + "/" + r.getName(), new TreeMap<>(r.getMetaData()));
            }
        }
        return out;
    }
}
