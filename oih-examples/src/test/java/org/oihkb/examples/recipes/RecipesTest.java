package org.oihkb.examples.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oihkb.engine.OihEngine;
import org.oihkb.engine.RuleBaseException;
import org.oihkb.examples.SyntheticPopulation;
import org.oihkb.model.Assessment;
import org.oihkb.model.InvalidRecordException;
import org.oihkb.model.PatientRecord;

class RecipesTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 1);

    @Test
    void oneOffAssessmentPrintsFindings() throws Exception {
        assertThat(OneOffAssessment.run(Path.of("examples", "tolerance.json"))).contains("OIH-030: Pattern consistent");
    }

    @Test
    void sharedEngineServiceGivesTheSameAnswersAsOneThread() throws Exception {
        SyntheticPopulation pop = new SyntheticPopulation(5, SyntheticPopulation.Size.SMALL);
        List<PatientRecord> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            records.add(pop.record(i));
        }
        OihEngine single = OihEngine.create();
        try (SharedEngineService service = new SharedEngineService(4)) {
            List<Assessment> parallel = service.assessAll(records);
            for (int i = 0; i < records.size(); i++) {
                assertThat(parallel.get(i)).isEqualTo(single.assess(records.get(i)));
            }
        }
    }

    @Test
    void customThresholdsChangeTheOutcome() {
        PatientRecord r = PatientRecord.builder(AS_OF, org.oihkb.model.Patient.of("p"))
                .dose(org.oihkb.model.DoseEvent.builder().drug(org.oihkb.model.Drug.MORPHINE)
                        .route(org.oihkb.model.Route.ORAL).dailyDose(55).unit(org.oihkb.model.DoseUnit.MG)
                        .start(AS_OF.minusDays(10)).build()).build();
        assertThat(OihEngine.create().assess(r).firedIds()).contains("EXP-050");
        Assessment custom = CustomThresholds.engine().assess(r);
        assertThat(custom.firedIds()).doesNotContain("EXP-050");
        assertThat(custom.knowledgeBase().mmeEdition()).isEqualTo("cdc-2016");
    }

    @Test
    void editedRulesLoadOrReportEveryProblem(@TempDir Path dir) throws Exception {
        Path rules = Path.of("..", "oih-rules", "src", "main", "resources", "org", "oihkb", "knowledge");
        try (Stream<Path> files = Files.list(rules)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        assertThat(EditedRules.load(dir).rules()).hasSameSizeAs(OihEngine.create().rules());
        Files.writeString(dir.resolve("broken.drl"), "package org.oihkb.knowledge;\nrule \"X\" when then end oops\n");
        assertThatThrownBy(() -> EditedRules.load(dir)).isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("broken.drl:");
    }

    @Test
    void hostRowsMapToFactsWithSourcesEchoedInEvidence() {
        PatientRecord r = HostMapping.toRecord("host-42", AS_OF,
                List.of(new HostMapping.OrderRow("A1", "Oxycodone", "ORAL", 40, AS_OF.minusDays(300), AS_OF.minusDays(121)),
                        new HostMapping.OrderRow("A2", "Oxycodone", "ORAL", 60, AS_OF.minusDays(120), null)),
                List.of(new HostMapping.PainRow("P1", AS_OF.minusDays(150), 5, "lower-back"),
                        new HostMapping.PainRow("P2", AS_OF.minusDays(30), 7, "lower-back")));
        assertThat(r.doses()).extracting(d -> d.source()).containsExactly("Order/A1", "Order/A2");
        assertThat(OihEngine.create().assess(r).firedIds()).contains("EXP-020", "EXP-050");
        assertThatThrownBy(() -> HostMapping.toRecord("h", AS_OF,
                List.of(new HostMapping.OrderRow("B7", "Heroin", "oral", 10, AS_OF.minusDays(3), null)), List.of()))
                .isInstanceOf(InvalidRecordException.class).hasMessageStartingWith("order B7 drug must be one of morphine");
    }
}
