package org.oihkb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oihkb.engine.Records.oral;
import static org.oihkb.engine.Records.withDoses;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.oihkb.model.Assessment;
import org.oihkb.model.Drug;
import org.oihkb.model.PatientRecord;

/**
 * What an engine is made of, built inside each test rather than in a static field, so that a fault in building one
 * (the wrong rules, table, thresholds or other edition) fails a test that PIT attributes to it (issue 16).
 */
class OihEngineBuilderTest {

    /** Hydromorphone 12 mg/day by mouth: 60 MME/day in CDC 2022 (factor 5), 48 in CDC 2016 (factor 4). */
    private static final PatientRecord HYDROMORPHONE_12 = withDoses(oral(Drug.HYDROMORPHONE, 12, -100));

    @Test
    void theDefaultEngineHasTheBuiltInRulesTheCdc2022TableAndTheDefaultThresholds() {
        OihEngine e = OihEngine.create();
        assertThat(e.edition()).isEqualTo(MmeEdition.CDC_2022);
        assertThat(e.config()).isEqualTo(Config.defaults());
        assertThat(e.knowledgeBase().name()).isEqualTo(OihEngine.NAME);
        assertThat(e.knowledgeBase().mmeEdition()).isEqualTo("cdc-2022");
        assertThat(e.rules()).isNotEmpty();
        Assessment a = e.assess(HYDROMORPHONE_12);
        assertThat(a.exposure().currentMmePerDay()).isEqualTo(60.0);
        assertThat(a.otherEdition().mmeEdition()).isEqualTo("cdc-2016");
        assertThat(a.otherEdition().currentMmePerDay()).isEqualTo(48.0);
    }

    @Test
    void theBuilderSetsTheEditionAndTheThresholds() {
        Config strict = Config.builder().highDoseMme(40).build();
        OihEngine.Builder b = OihEngine.builder();
        assertThat(b.edition(MmeEdition.CDC_2016)).isSameAs(b);
        assertThat(b.config(strict)).isSameAs(b);
        OihEngine e = b.build();
        assertThat(e.edition()).isEqualTo(MmeEdition.CDC_2016);
        assertThat(e.config()).isEqualTo(strict);
        assertThat(e.knowledgeBase().mmeEdition()).isEqualTo("cdc-2016");
        Assessment a = e.assess(HYDROMORPHONE_12);
        assertThat(a.exposure().currentMmePerDay()).isEqualTo(48.0);
        assertThat(a.otherEdition().mmeEdition()).isEqualTo("cdc-2022");
        assertThat(a.otherEdition().currentMmePerDay()).isEqualTo(60.0);
    }

    @Test
    void aRulesDirectoryIsKeptByTheBuilderAndLoadedAtBuild() {
        OihEngine.Builder b = OihEngine.builder();
        Path missing = Path.of("target", "no-such-rules-directory");
        assertThat(b.rulesDirectory(missing)).isSameAs(b);
        // the built-in rules would build; the directory given must be the one loaded, and it does not exist
        assertThatThrownBy(b::build).isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("no-such-rules-directory").hasMessageContaining("not a directory");
    }

    @Test
    void withSettingsReusesTheEngineForTheSameSettingsAndMakesANewOneOtherwise() {
        OihEngine e = OihEngine.create();
        assertThat(e.withSettings(Config.defaults(), MmeEdition.CDC_2022)).isSameAs(e);
        OihEngine y2016 = e.withSettings(Config.defaults(), MmeEdition.CDC_2016);
        assertThat(y2016).isNotSameAs(e);
        assertThat(y2016.edition()).isEqualTo(MmeEdition.CDC_2016);
        assertThat(y2016.knowledgeBase().name()).isEqualTo(OihEngine.NAME);
        assertThat(y2016.knowledgeBase().mmeEdition()).isEqualTo("cdc-2016");
        assertThat(y2016.assess(HYDROMORPHONE_12).otherEdition().mmeEdition()).isEqualTo("cdc-2022");
        Config strict = Config.builder().highDoseMme(40).build();
        OihEngine other = e.withSettings(strict, MmeEdition.CDC_2022);
        assertThat(other).isNotSameAs(e);
        assertThat(other.config()).isEqualTo(strict);
        assertThat(other.assess(HYDROMORPHONE_12).otherEdition().mmeEdition()).isEqualTo("cdc-2016");
    }
}
