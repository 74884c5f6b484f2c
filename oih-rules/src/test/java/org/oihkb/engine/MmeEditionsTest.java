package org.oihkb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oihkb.engine.Records.dose;
import static org.oihkb.engine.Records.oral;
import static org.oihkb.engine.Records.withDoses;

import org.junit.jupiter.api.Test;
import org.oihkb.model.DosePurpose;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.Exposure;
import org.oihkb.model.Route;

/** Where the CDC 2022 and CDC 2016 tables differ, and the CDC worked examples they share. */
class MmeEditionsTest {
    private static final OihEngine CDC_2022 = OihEngine.create();
    private static final OihEngine CDC_2016 = OihEngine.builder().edition(MmeEdition.CDC_2016).build();

    private static Double mme(OihEngine engine, org.oihkb.model.DoseEvent d) {
        Exposure e = engine.assess(withDoses(d)).exposure();
        assertThat(e.mmeEdition()).isEqualTo(engine.edition().code());
        return e.currentMmePerDay();
    }

    @Test
    void methadone60mgIs282In2022And600In2016() {
        var methadone = dose(Drug.METHADONE, Route.ORAL, 60, DoseUnit.MG, -20).purpose(DosePurpose.PAIN).build();
        assertThat(mme(CDC_2022, methadone)).isEqualTo(282.0);
        assertThat(mme(CDC_2016, methadone)).isEqualTo(600.0);
    }

    @Test
    void methadoneTiersOf2016AreHalfOpen() {
        assertThat(mme(CDC_2016, dose(Drug.METHADONE, Route.ORAL, 20, DoseUnit.MG, -5).purpose(DosePurpose.PAIN).build()))
                .isEqualTo(80.0);
        assertThat(mme(CDC_2016, dose(Drug.METHADONE, Route.ORAL, 20.5, DoseUnit.MG, -5).purpose(DosePurpose.PAIN).build()))
                .isEqualTo(164.0);
        assertThat(mme(CDC_2016, dose(Drug.METHADONE, Route.ORAL, 61, DoseUnit.MG, -5).purpose(DosePurpose.PAIN).build()))
                .isEqualTo(732.0);
    }

    @Test
    void hydromorphoneIs5In2022And4In2016() {
        assertThat(mme(CDC_2022, oral(Drug.HYDROMORPHONE, 10, -5))).isEqualTo(50.0);
        assertThat(mme(CDC_2016, oral(Drug.HYDROMORPHONE, 10, -5))).isEqualTo(40.0);
    }

    @Test
    void tramadolHasA2022FactorAndNone2016() {
        assertThat(mme(CDC_2022, oral(Drug.TRAMADOL, 200, -5))).isEqualTo(40.0);
        var a = CDC_2016.assess(withDoses(oral(Drug.TRAMADOL, 200, -5)));
        assertThat(a.exposure().complete()).isFalse();
        assertThat(a.exposure().trace().get(0).note()).contains("no cdc-2016 factor for tramadol");
    }

    @Test
    void sharedWorkedExamplesAgree() {
        for (OihEngine e : new OihEngine[] {CDC_2022, CDC_2016}) {
            assertThat(mme(e, oral(Drug.OXYCODONE, 40, -5))).isEqualTo(60.0);
            assertThat(mme(e, oral(Drug.OXYCODONE, 60, -5))).isEqualTo(90.0);
            assertThat(mme(e, dose(Drug.FENTANYL, Route.TRANSDERMAL, 25, DoseUnit.MCG_PER_HOUR, -5).build())).isEqualTo(60.0);
            assertThat(mme(e, dose(Drug.FENTANYL, Route.TRANSDERMAL, 37.5, DoseUnit.MCG_PER_HOUR, -5).build())).isEqualTo(90.0);
            assertThat(mme(e, dose(Drug.MORPHINE, Route.INTRAVENOUS, 20, DoseUnit.MG, -5).build()))
                    .as("not computable is null, never 0").isNull();
        }
    }
}
