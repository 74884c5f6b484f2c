package org.oihkb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PatientRecordTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 1);

    private static PatientRecord.Builder record() {
        return PatientRecord.builder(AS_OF, Patient.of("p1"));
    }

    private static DoseEvent dose(String id, LocalDate start) {
        return DoseEvent.builder().id(id).drug(Drug.MORPHINE).route(Route.ORAL).dailyDose(10).unit(DoseUnit.MG)
                .start(start).build();
    }

    @Test
    void rejectsFactsAfterAsOfWithTheirPath() {
        assertThatThrownBy(() -> record().dose(dose("d1", AS_OF.plusDays(1))).build())
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("doses[0].start must be on or before asOf (2025-03-01), was 2025-03-02");
        assertThatThrownBy(() -> record().symptom(Symptom.pain(AS_OF.plusDays(4), 5)).build())
                .hasMessage("symptoms[0].date must be on or before asOf (2025-03-01), was 2025-03-05");
    }

    @Test
    void aProposedOrderMayStartAfterAsOf() {
        DoseEvent proposed = DoseEvent.builder().drug(Drug.MORPHINE).route(Route.ORAL).dailyDose(10).unit(DoseUnit.MG)
                .start(AS_OF.plusDays(2)).status(DoseStatus.PROPOSED).build();
        assertThat(record().dose(proposed).build().doses()).containsExactly(proposed);
    }

    @Test
    void rejectsDuplicateIdsWithBothPaths() {
        assertThatThrownBy(() -> record().dose(dose("x", AS_OF)).dose(dose("x", AS_OF.minusDays(3))).build())
                .hasMessage("doses[1].id must be unique in the record (doses[0].id has the same id; identical facts "
                        + "without ids derive the same id), was 'x'");
    }

    @Test
    void refusesAHugeRecord() {
        List<Symptom> many = new ArrayList<>();
        for (int i = 0; i <= PatientRecord.MAX_FACTS; i++) {
            many.add(new Symptom("s" + i, AS_OF, SymptomKind.CRAVING, true, null, List.of(), List.of(), List.of(),
                    List.of(), null));
        }
        assertThatThrownBy(() -> new PatientRecord(1, null, AS_OF, Patient.of("p"), List.of(), List.of(), List.of(),
                List.of(), many)).hasMessage("record must hold at most 20000 facts, was 20001 facts");
    }

    @Test
    void listsAreImmutableCopies() {
        List<DoseEvent> doses = new ArrayList<>(List.of(dose("d1", AS_OF)));
        PatientRecord r = new PatientRecord(1, null, AS_OF, Patient.of("p"), null, null, null, doses, null);
        doses.clear();
        assertThat(r.doses()).hasSize(1);
        assertThatThrownBy(() -> r.doses().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(r.symptoms()).isEmpty();
    }

    @Test
    void rejectsOtherFormats() {
        assertThatThrownBy(() -> new PatientRecord(2, null, AS_OF, Patient.of("p"), null, null, null, null, null))
                .hasMessage("format must be 1, was 2");
    }
}
