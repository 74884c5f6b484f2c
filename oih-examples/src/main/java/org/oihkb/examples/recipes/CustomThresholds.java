package org.oihkb.examples.recipes;

import org.oihkb.engine.Config;
import org.oihkb.engine.MmeEdition;
import org.oihkb.engine.OihEngine;

/**
 * Recipe: a health system that counts escalations from +30% and uses the CDC 2016 MME table. Every setting
 * has a documented default and a range check; an out-of-range value fails at construction, naming it.
 */
public final class CustomThresholds {
    private CustomThresholds() {
    }

    /** An engine with stricter escalation and the 2016 table. */
    public static OihEngine engine() {
        Config config = Config.builder().escalationFraction(0.30).highDoseMme(60).build();
        return OihEngine.builder().config(config).edition(MmeEdition.CDC_2016).build();
    }
}
