package org.oihkb.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.oihkb.engine.OihEngine;
import org.oihkb.engine.RuleInfo;

/** The committed catalog is what the rules say now, and it shows every rule with its source and evidence. */
class RuleCatalogTest {

    private static final Path RULES = Path.of("src", "main", "resources", "org", "oihkb", "knowledge");
    private static final Path COMMITTED = Path.of("..", "docs", "rule-catalog.md");

    @Test
    void committedCatalogIsNotStale() throws Exception {
        String generated = CatalogWriter.markdown(OihEngine.create().rules(), RuleSources.of(RULES));
        assertThat(COMMITTED).exists();
        assertThat(Files.readString(COMMITTED))
                .as("docs/rule-catalog.md is stale: regenerate it with "
                        + "'java -jar oih-examples/target/oih.jar catalog --rules oih-rules/src/main/resources/org/oihkb/knowledge --out docs/rule-catalog.md'")
                .isEqualTo(generated);
    }

    @Test
    void everyRuleAppearsWithItsSourcesEvidenceAndHeader() {
        String generated = CatalogWriter.markdown(OihEngine.create().rules(), RuleSources.of(RULES));
        for (RuleInfo r : OihEngine.create().rules()) {
            assertThat(generated).contains("### " + r.id() + " " + r.title(), r.evidence(), String.join("; ", r.sources()));
        }
        assertThat(generated).contains("> When", "Claims of the source document that are not encoded");
    }

    @Test
    void everyRuleFileHasAClinicalHeaderWithWhenAndThen() {
        RuleSources sources = RuleSources.of(RULES);
        assertThat(sources.files()).isNotEmpty();
        sources.files().values().forEach(f -> assertThat(f.header()).as(f.name()).contains("When", "Then", "Source"));
    }
}
