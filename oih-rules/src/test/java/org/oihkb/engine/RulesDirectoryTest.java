package org.oihkb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oihkb.model.Assessment;
import org.oihkb.model.Drug;

/** Edited rules load from a directory with the same result as the built-in ones, or fail with file and line. */
class RulesDirectoryTest {

    static final Path BUILT_IN = Path.of("src", "main", "resources", "org", "oihkb", "knowledge");

    @TempDir
    static Path copy;

    @BeforeAll
    static void copyRules() throws Exception {
        try (Stream<Path> files = Files.list(BUILT_IN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void aCopyOfTheRulesAssessesLikeTheBuiltInRules() {
        OihEngine edited = OihEngine.builder().rulesDirectory(copy).build();
        Assessment fromCopy = edited.assess(Records.withDoses(Records.oral(Drug.OXYCODONE, 60, -120)));
        Assessment builtIn = OihEngine.create().assess(Records.withDoses(Records.oral(Drug.OXYCODONE, 60, -120)));
        assertThat(fromCopy.findings()).isEqualTo(builtIn.findings());
        assertThat(edited.rules()).isEqualTo(OihEngine.create().rules());
        assertThat(fromCopy.knowledgeBase().name()).contains("rules from");
    }

    @Test
    void aSyntaxErrorIsReportedWithFileAndLineAndNothingLoads(@TempDir Path broken) throws Exception {
        Files.copy(copy.resolve("exposure.drl"), broken.resolve("exposure.drl"));
        String text = Files.readString(broken.resolve("exposure.drl"));
        Files.writeString(broken.resolve("exposure.drl"),
                text.replace("$e : Exposure( longTermTherapy )", "$e : Exposure( longTermTherapy "));
        assertThatThrownBy(() -> OihEngine.builder().rulesDirectory(broken).build())
                .isInstanceOf(RuleBaseException.class)
                .satisfies(e -> assertThat(((RuleBaseException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith(broken.resolve("exposure.drl") + ":")
                                .contains(": error: ")));
    }

    @Test
    void aMissingDirectoryIsReported(@TempDir Path dir) {
        assertThatThrownBy(() -> OihEngine.builder().rulesDirectory(dir.resolve("nope")).build())
                .isInstanceOf(RuleBaseException.class).hasMessageContaining("not a directory of .drl files");
    }
}
