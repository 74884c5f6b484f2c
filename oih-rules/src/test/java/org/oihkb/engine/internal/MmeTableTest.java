package org.oihkb.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oihkb.engine.internal.Doses.TABLE;
import static org.oihkb.engine.internal.Doses.dose;
import static org.oihkb.engine.internal.Doses.oral;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.oihkb.engine.MmeEdition;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.Release;
import org.oihkb.model.Route;

/** The MME factor table: the CDC worked examples, the edition differences, and what is never computed. */
class MmeTableTest {

    private static MmeTable.Conversion convert(MmeEdition edition, DoseEvent d) {
        return TABLE.convert(edition, d, d.dailyDose());
    }

    private static double mme(MmeEdition edition, DoseEvent d) {
        MmeTable.Conversion c = convert(edition, d);
        assertThat(c.computed()).as("computed: %s", c.reason()).isTrue();
        assertThat(c.reason()).isNull();
        return c.mmePerDay();
    }

    private static DoseEvent patch(double mcgPerHour) {
        return dose("f", Drug.FENTANYL, Route.TRANSDERMAL, mcgPerHour, DoseUnit.MCG_PER_HOUR, -5).form("patch").build();
    }

    // --- CDC worked examples (CDC 2022 MME table; CDC opioid CDS calculation logic), identical in both editions ---

    @ParameterizedTest
    @EnumSource(MmeEdition.class)
    void oxycodone10mgFourTimesADayIs60(MmeEdition edition) {
        DoseEvent d = oral("o", Drug.OXYCODONE, 40, -5).build();
        assertThat(mme(edition, d)).isEqualTo(60.0);
        assertThat(convert(edition, d).factor()).isEqualTo(1.5);
    }

    @ParameterizedTest
    @EnumSource(MmeEdition.class)
    void oxycodoneEr30mgTwiceADayIs90(MmeEdition edition) {
        assertThat(mme(edition, oral("o", Drug.OXYCODONE, 60, -5).release(Release.EXTENDED).build())).isEqualTo(90.0);
    }

    @ParameterizedTest
    @EnumSource(MmeEdition.class)
    void oxycodoneEr10mgTwiceADayIs30(MmeEdition edition) {
        assertThat(mme(edition, oral("o", Drug.OXYCODONE, 20, -5).release(Release.EXTENDED).build())).isEqualTo(30.0);
    }

    @ParameterizedTest
    @EnumSource(MmeEdition.class)
    void hydrocodone20mgPerDayIs20(MmeEdition edition) {
        assertThat(mme(edition, oral("h", Drug.HYDROCODONE, 20, -5).build())).isEqualTo(20.0);
    }

    @ParameterizedTest
    @EnumSource(MmeEdition.class)
    void morphine20mgPerDayIs20(MmeEdition edition) {
        assertThat(mme(edition, oral("m", Drug.MORPHINE, 20, -5).build())).isEqualTo(20.0);
    }

    @ParameterizedTest
    @EnumSource(MmeEdition.class)
    void fentanylPatchIs2Point4PerMcgPerHour(MmeEdition edition) {
        assertThat(mme(edition, patch(25))).isEqualTo(60.0);
        assertThat(mme(edition, patch(37.5))).isEqualTo(90.0);
        assertThat(mme(edition, patch(75))).isEqualTo(180.0);
        assertThat(convert(edition, patch(25)).factor()).isEqualTo(2.4);
    }

    @ParameterizedTest
    @EnumSource(MmeEdition.class)
    void codeineAndOxymorphoneFactorsAgreeAcrossEditions(MmeEdition edition) {
        assertThat(mme(edition, oral("c", Drug.CODEINE, 240, -5).build())).isEqualTo(36.0);
        assertThat(mme(edition, oral("x", Drug.OXYMORPHONE, 20, -5).build())).isEqualTo(60.0);
    }

    // --- where the editions differ ---

    @Test
    void methadone60mgIs282In2022And600In2016() {
        DoseEvent d = oral("m", Drug.METHADONE, 60, -5).build();
        assertThat(mme(MmeEdition.CDC_2022, d)).isEqualTo(282.0);
        assertThat(convert(MmeEdition.CDC_2022, d).factor()).isEqualTo(4.7);
        assertThat(mme(MmeEdition.CDC_2016, d)).isEqualTo(600.0);
        assertThat(convert(MmeEdition.CDC_2016, d).factor()).isEqualTo(10.0);
    }

    @ParameterizedTest(name = "methadone {0} mg/day -> x{1} = {2} (cdc-2016)")
    @CsvSource({
        "0.5, 4, 2",
        "20, 4, 80",
        "20.5, 8, 164",
        "40, 8, 320",
        "40.5, 10, 405",
        "60, 10, 600",
        "61, 12, 732",
        "60.5, 12, 726",
        "200, 12, 2400",
    })
    void methadoneTiersOf2016AreHalfOpenBands(double mgPerDay, double factor, double mmePerDay) {
        MmeTable.Conversion c = convert(MmeEdition.CDC_2016, oral("m", Drug.METHADONE, mgPerDay, -5).build());
        assertThat(c.factor()).isEqualTo(factor);
        assertThat(c.mmePerDay()).isEqualTo(mmePerDay);
    }

    @ParameterizedTest
    @CsvSource({"20, 94", "20.5, 96.35", "61, 286.7"})
    void methadoneHasOneFactorIn2022(double mgPerDay, double mmePerDay) {
        MmeTable.Conversion c = convert(MmeEdition.CDC_2022, oral("m", Drug.METHADONE, mgPerDay, -5).build());
        assertThat(c.factor()).isEqualTo(4.7);
        assertThat(c.mmePerDay()).isEqualTo(mmePerDay);
    }

    @Test
    void hydromorphone10mgIs50In2022And40In2016() {
        DoseEvent d = oral("h", Drug.HYDROMORPHONE, 10, -5).build();
        assertThat(mme(MmeEdition.CDC_2022, d)).isEqualTo(50.0);
        assertThat(mme(MmeEdition.CDC_2016, d)).isEqualTo(40.0);
    }

    @Test
    void tramadolAndTapentadolAreComputedIn2022() {
        assertThat(mme(MmeEdition.CDC_2022, oral("t", Drug.TRAMADOL, 200, -5).build())).isEqualTo(40.0);
        assertThat(mme(MmeEdition.CDC_2022, oral("t", Drug.TAPENTADOL, 200, -5).build())).isEqualTo(80.0);
    }

    @Test
    void tramadolAndTapentadolAreNotComputableIn2016() {
        MmeTable.Conversion tramadol = convert(MmeEdition.CDC_2016, oral("t", Drug.TRAMADOL, 200, -5).build());
        assertThat(tramadol.computed()).isFalse();
        assertThat(tramadol.factor()).isNull();
        assertThat(tramadol.mmePerDay()).isNull();
        assertThat(tramadol.reason()).isEqualTo("MME not computed: no cdc-2016 factor for tramadol oral in mg");
        MmeTable.Conversion tapentadol = convert(MmeEdition.CDC_2016, oral("t", Drug.TAPENTADOL, 200, -5).build());
        assertThat(tapentadol.computed()).isFalse();
        assertThat(tapentadol.reason()).isEqualTo("MME not computed: no cdc-2016 factor for tapentadol oral in mg");
    }

    // --- never computed ---

    @Test
    void buprenorphineIsNeverComputedIn2022BecauseItIsAPartialAgonist() {
        for (DoseEvent d : new DoseEvent[] {
            dose("b1", Drug.BUPRENORPHINE, Route.SUBLINGUAL, 16, DoseUnit.MG, -5).build(),
            dose("b2", Drug.BUPRENORPHINE, Route.TRANSDERMAL, 10, DoseUnit.MCG_PER_HOUR, -5).build(),
            dose("b3", Drug.BUPRENORPHINE, Route.BUCCAL, 900, DoseUnit.MCG, -5).form("film").build(),
            dose("b4", Drug.BUPRENORPHINE, Route.ORAL, 8, DoseUnit.MG, -5).build(),
        }) {
            MmeTable.Conversion c = convert(MmeEdition.CDC_2022, d);
            assertThat(c.computed()).as(d.id()).isFalse();
            assertThat(c.mmePerDay()).isNull();
            assertThat(c.reason()).contains("partial agonist").contains("caution 6");
        }
    }

    @Test
    void buprenorphineIsNeverComputedIn2016() {
        MmeTable.Conversion c = convert(MmeEdition.CDC_2016,
                dose("b", Drug.BUPRENORPHINE, Route.SUBLINGUAL, 16, DoseUnit.MG, -5).build());
        assertThat(c.computed()).isFalse();
        assertThat(c.mmePerDay()).isNull();
        assertThat(c.reason()).isEqualTo("no MME factor in the CDC 2016 clinical table");
    }

    @ParameterizedTest
    @CsvSource({
        "MORPHINE, INTRAVENOUS, MG, 20",
        "MORPHINE, SUBCUTANEOUS, MG, 20",
        "MORPHINE, EPIDURAL, MG, 2",
        "MORPHINE, INTRATHECAL, MG, 1",
        "HYDROMORPHONE, INTRAMUSCULAR, MG, 4",
        "FENTANYL, INTRAVENOUS, MCG, 500",
        "METHADONE, INTRAVENOUS, MG, 10",
        "BUPRENORPHINE, INTRAVENOUS, MG, 1",
    })
    void parenteralAndNeuraxialRoutesAreNeverComputed(Drug drug, Route route, DoseUnit unit, double amount) {
        DoseEvent d = dose("p", drug, route, amount, unit, -5).build();
        for (MmeEdition edition : MmeEdition.values()) {
            MmeTable.Conversion c = convert(edition, d);
            assertThat(c.computed()).isFalse();
            assertThat(c.factor()).isNull();
            assertThat(c.reason()).isEqualTo("MME not computed: " + route.code() + " route has no factor in the CDC tables");
        }
    }

    @Test
    void buccalFentanylHasNoMmeIn2022AndNothingIsGuessed() {
        MmeTable.Conversion c = convert(MmeEdition.CDC_2022,
                dose("f", Drug.FENTANYL, Route.BUCCAL, 400, DoseUnit.MCG, -5).form("buccal-tablet").build());
        assertThat(c.computed()).isFalse();
        assertThat(c.factor()).isNull();
        assertThat(c.reason()).isEqualTo("MME not computed: no cdc-2022 factor for fentanyl buccal in mcg");
    }

    @Test
    void transmucosalFentanylIsNotConvertedByTheClinicalEditions() {
        for (Route route : new Route[] {Route.SUBLINGUAL, Route.NASAL, Route.BUCCAL}) {
            for (MmeEdition edition : new MmeEdition[] {MmeEdition.CDC_2022, MmeEdition.CDC_2016}) {
                MmeTable.Conversion c = convert(edition, dose("f", Drug.FENTANYL, route, 1200, DoseUnit.MCG, -5).build());
                assertThat(c.computed()).as("%s %s", route, edition).isFalse();
                assertThat(c.reason()).contains("fentanyl " + route.code());
            }
        }
    }

    @Test
    void opioidsWithoutACdcClinicalFactorAreNotComputed() {
        for (Drug drug : new Drug[] {Drug.MEPERIDINE, Drug.LEVORPHANOL}) {
            MmeTable.Conversion c = convert(MmeEdition.CDC_2022, oral("x", drug, 100, -5).build());
            assertThat(c.computed()).isFalse();
            assertThat(c.reason()).isEqualTo("MME not computed: no cdc-2022 factor for " + drug.code() + " oral in mg");
        }
        MmeTable.Conversion other = convert(MmeEdition.CDC_2022, oral("x", Drug.OTHER, 100, -5).name("butorphanol").build());
        assertThat(other.computed()).isFalse();
    }

    @Test
    void oralFactorsDoNotApplyToOtherNonParenteralRoutes() {
        MmeTable.Conversion rectal = convert(MmeEdition.CDC_2022,
                dose("m", Drug.MORPHINE, Route.RECTAL, 20, DoseUnit.MG, -5).build());
        assertThat(rectal.computed()).isFalse();
        assertThat(rectal.reason()).isEqualTo("MME not computed: no cdc-2022 factor for morphine rectal in mg");
    }

    // --- units and arithmetic ---

    @Test
    void dosesInMcgConvertToMgForAnMgRow() {
        assertThat(mme(MmeEdition.CDC_2022, dose("m", Drug.MORPHINE, Route.ORAL, 20000, DoseUnit.MCG, -5).build()))
                .isEqualTo(20.0);
        assertThat(mme(MmeEdition.CDC_2022, dose("o", Drug.OXYCODONE, Route.ORAL, 40000, DoseUnit.MCG, -5).build()))
                .isEqualTo(60.0);
    }

    @Test
    void methadoneTierIsChosenOnTheDoseInMg() {
        MmeTable.Conversion c = convert(MmeEdition.CDC_2016,
                dose("m", Drug.METHADONE, Route.ORAL, 20500, DoseUnit.MCG, -5).build());
        assertThat(c.factor()).isEqualTo(8.0);
        assertThat(c.mmePerDay()).isEqualTo(164.0);
    }

    @Test
    void convertsTheAmountGivenRatherThanTheRecordedDose() {
        DoseEvent prn = oral("o", Drug.OXYCODONE, 40, -5).prn(true).takenDailyDose(20.0).build();
        assertThat(TABLE.convert(MmeEdition.CDC_2022, prn, 20).mmePerDay()).isEqualTo(30.0);
        assertThat(TABLE.convert(MmeEdition.CDC_2016, oral("m", Drug.METHADONE, 60, -5).build(), 20).mmePerDay())
                .isEqualTo(80.0);
    }

    @Test
    void multiplicationIsDecimalAndExact() {
        assertThat(MmeTable.multiply(60, 4.7)).isEqualTo(282.0);
        assertThat(MmeTable.multiply(3, 0.1)).isEqualTo(0.3);
        assertThat(MmeTable.multiply(37.5, 2.4)).isEqualTo(90.0);
        assertThat(MmeTable.multiply(7, 0.15)).isEqualTo(1.05);
        assertThat(MmeTable.multiply(1, 0.2)).isEqualTo(0.2);
    }

    /**
     * The whole-number shortcut gives exactly the decimal product: every factor of the three tables (and a few
     * with more decimals, which take the decimal path) on every whole amount to 5,000, larger ones and halves.
     */
    @Test
    void theWholeNumberShortcutIsTheDecimalProduct() {
        double[] factors = {0.1, 0.13, 0.15, 0.16, 0.18, 0.2, 0.4, 1, 1.5, 2.4, 3, 4, 4.7, 5, 8, 10, 11, 12, 0.125,
            0.0333, 1.0E-7};
        for (double f : factors) {
            Long h = MmeTable.hundredths(f);
            for (int a = 0; a <= 5000; a++) {
                for (double amount : new double[] {a, a + 0.5, a * 997.0, a + 0.001}) {
                    assertThat(MmeTable.product(amount, f, h)).as("%s x %s", amount, f)
                            .isEqualTo(MmeTable.multiply(amount, f));
                }
            }
        }
        assertThat(MmeTable.hundredths(0.15)).isEqualTo(15L);
        assertThat(MmeTable.hundredths(4.7)).isEqualTo(470L);
        assertThat(MmeTable.hundredths(12)).isEqualTo(1200L);
        assertThat(MmeTable.hundredths(0.125)).isNull();
        assertThat(MmeTable.hundredths(1.0E-7)).isNull();
        assertThat(MmeTable.hundredths(9_999.99)).isEqualTo(999_999L);
        assertThat(MmeTable.hundredths(10_000)).as("kept small, so that a product in hundredths stays a long").isNull();
    }

    @Test
    void theFactorIsTheOneConvertApplies() {
        DoseEvent methadone = oral("m", Drug.METHADONE, 30, -5).build();
        assertThat(TABLE.factor(MmeEdition.CDC_2016, methadone, 30)).isEqualTo(8.0);
        assertThat(TABLE.factor(MmeEdition.CDC_2016, methadone, 10)).isEqualTo(4.0);
        assertThat(TABLE.factor(MmeEdition.CDC_2022, methadone, 30)).isEqualTo(4.7);
        assertThat(TABLE.factor(MmeEdition.CDC_2022, oral("b", Drug.BUPRENORPHINE, 8, -5).build(), 8)).isNull();
        assertThat(TABLE.factor(MmeEdition.CDC_2022, dose("iv", Drug.MORPHINE, Route.INTRAVENOUS, 10, DoseUnit.MG, -5)
                .build(), 10)).isNull();
        assertThat(TABLE.factor(MmeEdition.CDC_2016, oral("t", Drug.TRAMADOL, 100, -5).build(), 100)).isNull();
        DoseEvent inMcg = dose("m", Drug.METHADONE, Route.ORAL, 30_000, DoseUnit.MCG, -5).build();
        assertThat(TABLE.factor(MmeEdition.CDC_2016, inMcg, 30_000)).as("30,000 mcg is 30 mg: the 20-40 mg band")
                .isEqualTo(8.0);
    }

    // --- the table as data ---

    @Test
    void aParsedTableMatchesOnFormAndKeepsCommasInReasons() throws IOException {
        String csv = """
                # comment
                edition,drug,route,unit,form,min_exclusive,max_inclusive,factor,reason
                cdc-2022,fentanyl,buccal,mg,film,,,0.18,
                cdc-2022,fentanyl,buccal,*,*,,,,not in the table, by design
                """;
        MmeTable table = MmeTable.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        DoseEvent film = dose("f1", Drug.FENTANYL, Route.BUCCAL, 1000, DoseUnit.MCG, -5).form("film").build();
        DoseEvent tablet = dose("f2", Drug.FENTANYL, Route.BUCCAL, 1000, DoseUnit.MCG, -5).form("buccal-tablet").build();
        assertThat(table.convert(MmeEdition.CDC_2022, film, 1000).mmePerDay()).isEqualTo(0.18);
        assertThat(table.convert(MmeEdition.CDC_2022, tablet, 1000).reason()).isEqualTo("not in the table, by design");
        assertThat(table.convert(MmeEdition.CDC_2016, film, 1000).computed()).isFalse();
    }

    @Test
    void builtInTableGivesTheFactorAndItsProduct() {
        DoseEvent d = oral("o", Drug.OXYCODONE, 40, -5).build();
        assertThat(MmeTable.builtIn().convert(MmeEdition.CDC_2022, d, 40))
                .isEqualTo(new MmeTable.Conversion(1.5, 60.0, null));
    }

    @ParameterizedTest(name = "cdc-analytic: fentanyl {1} {2} {3} mcg/day = {4} MME/day")
    @CsvSource({
        "BUCCAL, buccal-tablet, 800, 104",
        "BUCCAL, lozenge, 800, 104",
        "SUBLINGUAL, sublingual-tablet, 800, 104",
        "BUCCAL, film, 2400, 432",
        "NASAL, nasal-spray, 1200, 192",
        "SUBLINGUAL, mucosal-spray, 300, 48",
    })
    void transmucosalFentanylHasAFactorOnlyInTheAnalyticFile(Route route, String form, double mcg, double mme) {
        DoseEvent d = dose("f", Drug.FENTANYL, route, mcg, DoseUnit.MCG, -5).form(form).build();

        MmeTable.Conversion c = convert(MmeEdition.CDC_ANALYTIC, d);

        assertThat(c.mmePerDay()).isEqualTo(mme);
        assertThat(convert(MmeEdition.CDC_2022, d).computed()).isFalse();
        assertThat(convert(MmeEdition.CDC_2016, d).computed()).isFalse();
    }

    @Test
    void theAnalyticFileKnowsNoFormItDoesNotName() {
        MmeTable.Conversion c = convert(MmeEdition.CDC_ANALYTIC,
                dose("f", Drug.FENTANYL, Route.BUCCAL, 400, DoseUnit.MCG, -5).build());

        assertThat(c.computed()).isFalse();
        assertThat(c.reason()).isEqualTo("MME not computed: no cdc-analytic factor for fentanyl buccal in mcg");
    }
}
