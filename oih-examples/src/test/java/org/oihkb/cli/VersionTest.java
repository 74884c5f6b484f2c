package org.oihkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oihkb.engine.OihEngine;
import org.oihkb.engine.Version;

/** {@code oih --version}: it printed "oih null" while the version came from a manifest entry no jar has. */
class VersionTest {

    @Test
    void versionNamesTheBuildThatAssessmentsName() {
        CliRun r = CliRun.of("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("oih " + OihEngine.create().knowledgeBase().version());
        assertThat(Version.get()).isNotBlank().isNotEqualTo("unknown").doesNotContain("null");
    }
}
