package org.oihkb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oihkb.engine.Records.dose;
import static org.oihkb.engine.Records.oral;
import static org.oihkb.engine.Records.withDoses;

import org.junit.jupiter.api.Test;
import org.oihkb.model.Assessment;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.Indicator;
import org.oihkb.model.Route;

class OihEngineTest {
    private static final OihEngine ENGINE = OihEngine.create();

    @Test
    void oxycodone60mgIs90MmeAndFiresBothBands() {
        Assessment a = ENGINE.assess(withDoses(oral(Drug.OXYCODONE, 60, -100)));
        assertThat(a.exposure().currentMmePerDay()).isEqualTo(90.0);
        assertThat(a.firedIds()).contains("EXP-050", "EXP-090", "EXP-010");
        assertThat(a.finding("EXP-050").orElseThrow().indicator()).isEqualTo(Indicator.WARNING);
        assertThat(a.finding("EXP-050").orElseThrow().summary()).contains("90 MME/day", "cdc-2022");
        assertThat(a.finding("EXP-050").orElseThrow().sources()).containsExactly("CDC 2022 Recommendation 8",
                "CDC 2016 Recommendation 5");
    }

    @Test
    void fentanylPatch25IsSixtyMme() {
        Assessment a = ENGINE.assess(withDoses(dose(Drug.FENTANYL, Route.TRANSDERMAL, 25, DoseUnit.MCG_PER_HOUR, -10)
                .build()));
        assertThat(a.exposure().currentMmePerDay()).isEqualTo(60.0);
        assertThat(a.firedIds()).contains("EXP-050").doesNotContain("EXP-090", "EXP-010");
    }

    @Test
    void injectableOpioidHasNoMmeAndANote() {
        Assessment a = ENGINE.assess(withDoses(dose(Drug.MORPHINE, Route.INTRAVENOUS, 20, DoseUnit.MG, -3).build()));
        assertThat(a.exposure().currentMmePerDay()).isZero();
        assertThat(a.exposure().complete()).isFalse();
        assertThat(a.firedIds()).contains("DQ-010");
        assertThat(a.dataQuality().get(0).summary()).contains("intravenous route has no factor");
    }

    @Test
    void listsEveryRuleWithItsMetadata() {
        assertThat(ENGINE.rules()).extracting(RuleInfo::id).contains("EXP-010", "EXP-050", "EXP-090", "DQ-010",
                "DQ-011");
        assertThat(ENGINE.rules()).allSatisfy(r -> assertThat(r.sources()).isNotEmpty());
    }
}
