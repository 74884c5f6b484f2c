package org.oihkb.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oihkb.model.BodySite;
import org.oihkb.model.Condition;
import org.oihkb.model.ConditionCode;
import org.oihkb.model.ConditionStatus;
import org.oihkb.model.DataQualityNote;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DosePurpose;
import org.oihkb.model.DoseStatus;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.InvalidRecordException;
import org.oihkb.model.Medication;
import org.oihkb.model.MedicationClass;
import org.oihkb.model.Observation;
import org.oihkb.model.ObservationCode;
import org.oihkb.model.PainQuality;
import org.oihkb.model.PainTiming;
import org.oihkb.model.Patient;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Release;
import org.oihkb.model.Route;
import org.oihkb.model.Sex;
import org.oihkb.model.Symptom;
import org.oihkb.model.SymptomKind;

/** Reading patient records from JSON (docs/contract.md section 1): mapping, messages, limits and warnings. */
class RecordJsonTest {

    private static final RecordJson READER = RecordJson.reader();

    /** The example record of docs/contract.md section 1, verbatim. */
    private static final String CONTRACT_EXAMPLE = """
            {
              "format": 1,
              "id": "rec-0001",
              "asOf": "2025-03-01",
              "patient": { "id": "demo-001", "birthDate": "1968-04-12", "sex": "female" },
              "conditions": [
                { "code": "chronic-pain", "onset": "2023-05-01" },
                { "code": "renal-impairment" },
                { "code": "disease-progression", "status": "refuted", "onset": "2025-02-15" }
              ],
              "medications": [
                { "class": "anticoagulant", "name": "warfarin", "start": "2023-01-10" }
              ],
              "observations": [
                { "code": "egfr", "value": 28, "date": "2025-02-01" }
              ],
              "doses": [
                { "id": "d1", "drug": "oxycodone", "route": "oral", "dailyDose": 40, "unit": "mg",
                  "start": "2024-06-01", "end": "2024-09-30" },
                { "id": "d2", "drug": "oxycodone", "route": "oral", "dailyDose": 60, "unit": "mg",
                  "start": "2024-10-01", "end": "2024-12-31" },
                { "id": "d3", "drug": "oxycodone", "route": "oral", "dailyDose": 90, "unit": "mg",
                  "start": "2025-01-01" }
              ],
              "symptoms": [
                { "id": "s1", "date": "2024-09-15", "kind": "pain", "intensity": 5,
                  "sites": ["lower-back"], "quality": ["dull", "aching"] },
                { "id": "s2", "date": "2024-11-20", "kind": "pain", "intensity": 6,
                  "sites": ["lower-back", "upper-back"], "quality": ["aching"] },
                { "id": "s3", "date": "2025-02-20", "kind": "pain", "intensity": 8,
                  "sites": ["widespread"], "quality": ["burning"] },
                { "id": "s4", "date": "2025-02-20", "kind": "allodynia", "sites": ["left-arm", "right-leg"] },
                { "id": "s5", "date": "2025-02-20", "kind": "withdrawal", "present": false }
              ]
            }
            """;

    private static final String ACCEPTED_DRUGS = "morphine, oxycodone, hydrocodone, hydromorphone, oxymorphone, "
            + "codeine, tramadol, tapentadol, fentanyl, methadone, buprenorphine, meperidine, levorphanol, other";

    private static final String ACCEPTED_SITES = "head, neck, upper-back, lower-back, chest, abdomen, pelvis, "
            + "left-shoulder, right-shoulder, left-arm, right-arm, left-hand, right-hand, left-hip, right-hip, "
            + "left-leg, right-leg, left-foot, right-foot, widespread";

    /** A minimal valid record (format 1, asOf 2025-03-01, patient p1) with extra top-level members. */
    private static String record(String members) {
        return "{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"p1\"}"
                + (members.isEmpty() ? "" : ", " + members) + "}";
    }

    private static String doses(String... doses) {
        return "\"doses\": [" + String.join(", ", doses) + "]";
    }

    private static String symptoms(String... symptoms) {
        return "\"symptoms\": [" + String.join(", ", symptoms) + "]";
    }

    private static InvalidRecordException rejected(String json) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> READER.read(json));
        assertThat(t).as("reading must fail for %s", json.length() > 200 ? json.substring(0, 200) + "..." : json)
                .isExactlyInstanceOf(InvalidRecordException.class);
        return (InvalidRecordException) t;
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    // ---------------------------------------------------------------------------------------------------
    // the contract's example

    @Test
    void readsTheContractExampleWithoutWarnings() {
        RecordJson.ReadResult result = READER.read(CONTRACT_EXAMPLE);

        assertThat(result.warnings()).isEmpty();
        PatientRecord r = result.record();
        assertThat(r.format()).isEqualTo(1);
        assertThat(r.id()).isEqualTo("rec-0001");
        assertThat(r.asOf()).isEqualTo(date("2025-03-01"));
        assertThat(r.patient()).isEqualTo(new Patient("demo-001", date("1968-04-12"), null, Sex.FEMALE));
    }

    @Test
    void mapsConditionsWithActiveAsDefaultStatusAndRefutedWhenGiven() {
        List<Condition> conditions = READER.read(CONTRACT_EXAMPLE).record().conditions();

        assertThat(conditions).hasSize(3);
        assertThat(conditions.get(0).code()).isEqualTo(ConditionCode.CHRONIC_PAIN);
        assertThat(conditions.get(0).onset()).isEqualTo(date("2023-05-01"));
        assertThat(conditions.get(0).end()).isNull();
        assertThat(conditions.get(0).status()).isEqualTo(ConditionStatus.ACTIVE);
        assertThat(conditions.get(1).code()).isEqualTo(ConditionCode.RENAL_IMPAIRMENT);
        assertThat(conditions.get(1).onset()).isNull();
        assertThat(conditions.get(1).status()).isEqualTo(ConditionStatus.ACTIVE);
        assertThat(conditions.get(2).code()).isEqualTo(ConditionCode.DISEASE_PROGRESSION);
        assertThat(conditions.get(2).status()).isEqualTo(ConditionStatus.REFUTED);
        assertThat(conditions.get(2).onset()).isEqualTo(date("2025-02-15"));
        assertThat(conditions).allSatisfy(c -> {
            assertThat(c.id()).matches("c-[0-9a-f]{8}");
            assertThat(c.source()).isNull();
        });
    }

    @Test
    void mapsMedicationsAndObservations() {
        PatientRecord r = READER.read(CONTRACT_EXAMPLE).record();

        assertThat(r.medications()).singleElement().satisfies(m -> {
            assertThat(m.medicationClass()).isEqualTo(MedicationClass.ANTICOAGULANT);
            assertThat(m.name()).isEqualTo("warfarin");
            assertThat(m.start()).isEqualTo(date("2023-01-10"));
            assertThat(m.end()).isNull();
            assertThat(m.id()).matches("m-[0-9a-f]{8}");
        });
        assertThat(r.observations()).singleElement().satisfies(o -> {
            assertThat(o.code()).isEqualTo(ObservationCode.EGFR);
            assertThat(o.value()).isEqualTo(28.0);
            assertThat(o.date()).isEqualTo(date("2025-02-01"));
            assertThat(o.id()).matches("o-[0-9a-f]{8}");
        });
    }

    @Test
    void mapsDosesWithPainAsDefaultPurposeForOxycodone() {
        List<DoseEvent> doses = READER.read(CONTRACT_EXAMPLE).record().doses();

        assertThat(doses).extracting(DoseEvent::id).containsExactly("d1", "d2", "d3");
        assertThat(doses).extracting(DoseEvent::dailyDose).containsExactly(40.0, 60.0, 90.0);
        assertThat(doses).extracting(DoseEvent::start)
                .containsExactly(date("2024-06-01"), date("2024-10-01"), date("2025-01-01"));
        assertThat(doses).extracting(DoseEvent::end).containsExactly(date("2024-09-30"), date("2024-12-31"), null);
        assertThat(doses).allSatisfy(d -> {
            assertThat(d.drug()).isEqualTo(Drug.OXYCODONE);
            assertThat(d.route()).isEqualTo(Route.ORAL);
            assertThat(d.unit()).isEqualTo(DoseUnit.MG);
            assertThat(d.purpose()).isEqualTo(DosePurpose.PAIN);
            assertThat(d.prn()).isFalse();
            assertThat(d.takenDailyDose()).isNull();
            assertThat(d.form()).isNull();
            assertThat(d.release()).isNull();
            assertThat(d.status()).isEqualTo(DoseStatus.ACTIVE);
            assertThat(d.name()).isNull();
            assertThat(d.source()).isNull();
        });
    }

    @Test
    void mapsSymptomsWithSitesQualityAndPresence() {
        List<Symptom> symptoms = READER.read(CONTRACT_EXAMPLE).record().symptoms();

        assertThat(symptoms).extracting(Symptom::id).containsExactly("s1", "s2", "s3", "s4", "s5");
        assertThat(symptoms).extracting(Symptom::kind).containsExactly(SymptomKind.PAIN, SymptomKind.PAIN,
                SymptomKind.PAIN, SymptomKind.ALLODYNIA, SymptomKind.WITHDRAWAL);
        assertThat(symptoms).extracting(Symptom::intensity).containsExactly(5.0, 6.0, 8.0, null, null);
        assertThat(symptoms).extracting(Symptom::present).containsExactly(true, true, true, true, false);
        assertThat(symptoms).extracting(Symptom::date).containsExactly(date("2024-09-15"), date("2024-11-20"),
                date("2025-02-20"), date("2025-02-20"), date("2025-02-20"));
        assertThat(symptoms.get(0).sites()).containsExactly(BodySite.LOWER_BACK);
        assertThat(symptoms.get(0).quality()).containsExactly(PainQuality.DULL, PainQuality.ACHING);
        assertThat(symptoms.get(1).sites()).containsExactly(BodySite.LOWER_BACK, BodySite.UPPER_BACK);
        assertThat(symptoms.get(1).quality()).containsExactly(PainQuality.ACHING);
        assertThat(symptoms.get(2).sites()).containsExactly(BodySite.WIDESPREAD);
        assertThat(symptoms.get(2).quality()).containsExactly(PainQuality.BURNING);
        assertThat(symptoms.get(3).sites()).containsExactly(BodySite.LEFT_ARM, BodySite.RIGHT_LEG);
        assertThat(symptoms.get(3).quality()).isEmpty();
        assertThat(symptoms.get(4).sites()).isEmpty();
        assertThat(symptoms).allSatisfy(s -> {
            assertThat(s.timing()).isEmpty();
            assertThat(s.signs()).isEmpty();
            assertThat(s.source()).isNull();
        });
    }

    @Test
    void readsTheSameRecordFromStringReaderStreamAndFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("record.json");
        Files.writeString(file, CONTRACT_EXAMPLE, StandardCharsets.UTF_8);
        PatientRecord fromString = READER.read(CONTRACT_EXAMPLE).record();

        assertThat(READER.read(new StringReader(CONTRACT_EXAMPLE)).record()).isEqualTo(fromString);
        assertThat(READER.read(new ByteArrayInputStream(CONTRACT_EXAMPLE.getBytes(StandardCharsets.UTF_8)))
                .record()).isEqualTo(fromString);
        assertThat(READER.read(file).record()).isEqualTo(fromString);
    }

    @Test
    void aUtf8ByteOrderMarkIsSkippedWhenReadingBytes() throws IOException {
        byte[] withBom = ("\uFEFF" + CONTRACT_EXAMPLE).getBytes(StandardCharsets.UTF_8);

        assertThat(READER.read(new ByteArrayInputStream(withBom)).record())
                .isEqualTo(READER.read(CONTRACT_EXAMPLE).record());
    }

    @Test
    void aRecordFileWithAUtf8ByteOrderMarkIsReadLikeTheSameBytesFromAStream(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bom.json");
        Files.write(file, ("\uFEFF" + CONTRACT_EXAMPLE).getBytes(StandardCharsets.UTF_8));

        assertThat(READER.read(file).record()).isEqualTo(READER.read(CONTRACT_EXAMPLE).record());
    }

    @Test
    void writingARecordAsAJsonLineAndReadingItBackGivesAnEqualRecord() {
        PatientRecord r = READER.read(CONTRACT_EXAMPLE).record();

        String line = READER.toJsonLine(r);

        assertThat(line).doesNotContain("\n");
        RecordJson.ReadResult back = READER.read(line);
        assertThat(back.warnings()).isEmpty();
        assertThat(back.record()).isEqualTo(r);
    }

    // ---------------------------------------------------------------------------------------------------
    // optional fields and defaults

    @Test
    void methadoneAndBuprenorphineDefaultToUnknownPurposeUnlessGiven() {
        PatientRecord r = READER.read(record(doses(
                "{\"id\": \"m\", \"drug\": \"methadone\", \"route\": \"oral\", \"dailyDose\": 30, \"unit\": \"mg\","
                        + " \"start\": \"2025-01-01\"}",
                "{\"id\": \"b\", \"drug\": \"buprenorphine\", \"route\": \"sublingual\", \"dailyDose\": 16,"
                        + " \"unit\": \"mg\", \"start\": \"2025-01-01\"}",
                "{\"id\": \"b2\", \"drug\": \"buprenorphine\", \"route\": \"sublingual\", \"dailyDose\": 8,"
                        + " \"unit\": \"mg\", \"start\": \"2025-01-01\", \"purpose\": \"oud-treatment\"}",
                "{\"id\": \"m2\", \"drug\": \"methadone\", \"route\": \"oral\", \"dailyDose\": 10, \"unit\": \"mg\","
                        + " \"start\": \"2025-01-01\", \"purpose\": \"pain\"}",
                "{\"id\": \"x\", \"drug\": \"morphine\", \"route\": \"oral\", \"dailyDose\": 30, \"unit\": \"mg\","
                        + " \"start\": \"2025-01-01\"}"))).record();

        assertThat(r.doses()).extracting(DoseEvent::purpose).containsExactly(DosePurpose.UNKNOWN,
                DosePurpose.UNKNOWN, DosePurpose.OUD_TREATMENT, DosePurpose.PAIN, DosePurpose.PAIN);
    }

    @Test
    void mapsEveryOptionalDoseAndSymptomField() {
        PatientRecord r = READER.read(record(doses(
                "{\"id\": \"f\", \"drug\": \"fentanyl\", \"route\": \"transdermal\", \"dailyDose\": 25,"
                        + " \"unit\": \"mcg/h\", \"start\": \"2025-01-01\", \"form\": \"patch\","
                        + " \"release\": \"extended\", \"source\": \"MedicationRequest/1\"}",
                "{\"id\": \"p\", \"drug\": \"other\", \"name\": \"pentazocine\", \"route\": \"oral\","
                        + " \"dailyDose\": 50, \"unit\": \"mg\", \"start\": \"2025-01-01\", \"prn\": true,"
                        + " \"takenDailyDose\": 20, \"status\": \"proposed\"}")
                + ", " + symptoms(
                "{\"id\": \"w\", \"date\": \"2025-02-01\", \"kind\": \"withdrawal\", \"signs\": [\"sweating\", \"yawning\"]}",
                "{\"id\": \"e\", \"date\": \"2025-02-01\", \"kind\": \"pain\", \"intensity\": 7.5,"
                        + " \"timing\": [\"end-of-dose\", \"after-dose-increase\"], \"source\": \"Observation/9\"}")
                )).record();

        DoseEvent patch = r.doses().get(0);
        assertThat(patch.unit()).isEqualTo(DoseUnit.MCG_PER_HOUR);
        assertThat(patch.form()).isEqualTo("patch");
        assertThat(patch.release()).isEqualTo(Release.EXTENDED);
        assertThat(patch.source()).isEqualTo("MedicationRequest/1");
        DoseEvent other = r.doses().get(1);
        assertThat(other.drug()).isEqualTo(Drug.OTHER);
        assertThat(other.name()).isEqualTo("pentazocine");
        assertThat(other.prn()).isTrue();
        assertThat(other.takenDailyDose()).isEqualTo(20.0);
        assertThat(other.status()).isEqualTo(DoseStatus.PROPOSED);
        assertThat(r.symptoms().get(0).signs()).containsExactly("sweating", "yawning");
        assertThat(r.symptoms().get(1).intensity()).isEqualTo(7.5);
        assertThat(r.symptoms().get(1).timing()).containsExactly(PainTiming.END_OF_DOSE,
                PainTiming.AFTER_DOSE_INCREASE);
        assertThat(r.symptoms().get(1).source()).isEqualTo("Observation/9");
    }

    @Test
    void formatMayBeOmittedAndMeansFormat1() {
        PatientRecord r = READER.read("{\"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"p1\", \"ageYears\": 57}}")
                .record();

        assertThat(r.format()).isEqualTo(1);
        assertThat(r.patient().ageYears()).isEqualTo(57);
        assertThat(r.patient().sex()).isEqualTo(Sex.UNKNOWN);
        assertThat(r.doses()).isEmpty();
        assertThat(r.symptoms()).isEmpty();
    }

    @Test
    void aDoseStillRunningAfterAsOfIsAccepted() {
        PatientRecord r = READER.read(record(doses("{\"drug\": \"morphine\", \"route\": \"oral\", \"dailyDose\": 30,"
                + " \"unit\": \"mg\", \"start\": \"2025-01-01\", \"end\": \"2025-06-30\"}"))).record();

        assertThat(r.doses()).singleElement().extracting(DoseEvent::end).isEqualTo(date("2025-06-30"));
    }

    // ---------------------------------------------------------------------------------------------------
    // bad values: the message names the field path, the value and the expectation

    @Test
    void negativeDailyDoseNamesTheDosePosition() {
        InvalidRecordException e = rejected(record(doses(
                "{\"drug\": \"morphine\", \"route\": \"oral\", \"dailyDose\": 30, \"unit\": \"mg\", \"start\": \"2024-01-01\"}",
                "{\"drug\": \"morphine\", \"route\": \"oral\", \"dailyDose\": 60, \"unit\": \"mg\", \"start\": \"2024-06-01\"}",
                "{\"drug\": \"morphine\", \"route\": \"oral\", \"dailyDose\": -5, \"unit\": \"mg\", \"start\": \"2025-01-01\"}")));

        assertThat(e).hasMessage("doses[2].dailyDose must be > 0, was -5");
        assertThat(e.field()).isEqualTo("doses[2].dailyDose");
        assertThat(e.value()).isEqualTo("-5");
        assertThat(e.expectation()).isEqualTo("must be > 0");
    }

    @Test
    void zeroDailyDoseIsRefused() {
        InvalidRecordException e = rejected(record(doses(
                "{\"drug\": \"morphine\", \"route\": \"oral\", \"dailyDose\": 0, \"unit\": \"mg\", \"start\": \"2025-01-01\"}")));

        assertThat(e).hasMessage("doses[0].dailyDose must be > 0, was 0");
        assertThat(e.field()).isEqualTo("doses[0].dailyDose");
    }

    @Test
    void aStringWhereANumberIsExpectedIsRefused() {
        InvalidRecordException e = rejected(record(doses(
                "{\"drug\": \"morphine\", \"route\": \"oral\", \"dailyDose\": \"ten\", \"unit\": \"mg\", \"start\": \"2025-01-01\"}")));

        assertThat(e).hasMessage("doses[0].dailyDose must be a number, was 'ten'");
        assertThat(e.field()).isEqualTo("doses[0].dailyDose");
    }

    @Test
    void aBooleanWhereANumberIsExpectedIsRefused() {
        InvalidRecordException e = rejected(record(symptoms(
                "{\"date\": \"2025-01-01\", \"kind\": \"pain\", \"intensity\": true}")));

        assertThat(e).hasMessage("symptoms[0].intensity must be a number, was true");
        assertThat(e.field()).isEqualTo("symptoms[0].intensity");
    }

    @Test
    void aMissingDailyDoseIsRefused() {
        InvalidRecordException e = rejected(record(doses(
                "{\"drug\": \"morphine\", \"route\": \"oral\", \"unit\": \"mg\", \"start\": \"2025-01-01\"}")));

        assertThat(e).hasMessage("doses[0].dailyDose is required (a number), was missing");
        assertThat(e.field()).isEqualTo("doses[0].dailyDose");
        assertThat(e.value()).isNull();
    }

    @Test
    void anImpossibleDateIsRefused() {
        InvalidRecordException e = rejected(
                "{\"format\": 1, \"asOf\": \"2025-13-01\", \"patient\": {\"id\": \"p1\"}}");

        assertThat(e).hasMessage("asOf must be a date (YYYY-MM-DD), was '2025-13-01'");
        assertThat(e.field()).isEqualTo("asOf");
    }

    @Test
    void theLastDaysOfAMonthAreReadAndImpossibleOnesRefused() {
        for (String day : new String[] {"2024-02-29", "2025-01-31", "2025-04-30", "2000-02-29", "2025-12-31"}) {
            PatientRecord r = READER.read("{\"format\": 1, \"asOf\": \"" + day + "\", \"patient\": {\"id\": \"p1\"}}")
                    .record();
            assertThat(r.asOf()).isEqualTo(date(day));
        }
        for (String day : new String[] {"2025-02-29", "2025-04-31", "1900-02-29", "2025-02-30", "2025-06-31"}) {
            InvalidRecordException e = rejected("{\"format\": 1, \"asOf\": \"" + day + "\", \"patient\": {\"id\": \"p1\"}}");
            assertThat(e).hasMessage("asOf must be a date (YYYY-MM-DD), was '" + day + "'");
        }
    }

    @Test
    void aDateInAnotherFormatIsRefusedWithItsPath() {
        InvalidRecordException e = rejected(record(doses(
                "{\"drug\": \"morphine\", \"route\": \"oral\", \"dailyDose\": 30, \"unit\": \"mg\", \"start\": \"01/02/2025\"}")));

        assertThat(e).hasMessage("doses[0].start must be a date (YYYY-MM-DD), was '01/02/2025'");
        assertThat(e.field()).isEqualTo("doses[0].start");
    }

    @Test
    void missingAsOfIsRefused() {
        InvalidRecordException e = rejected("{\"format\": 1, \"patient\": {\"id\": \"p1\"}}");

        assertThat(e).hasMessage("asOf is required (a date, YYYY-MM-DD), was missing");
        assertThat(e.field()).isEqualTo("asOf");
    }

    @Test
    void missingPatientIsRefused() {
        InvalidRecordException e = rejected("{\"format\": 1, \"asOf\": \"2025-03-01\"}");

        assertThat(e).hasMessage("patient is required, was missing");
        assertThat(e.field()).isEqualTo("patient");
    }

    @Test
    void missingPatientIdIsRefused() {
        InvalidRecordException e = rejected(
                "{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"sex\": \"male\"}}");

        assertThat(e).hasMessage("patient.id is required, was missing");
        assertThat(e.field()).isEqualTo("patient.id");
    }

    @Test
    void aBlankPatientIdIsRefusedWithItsPath() {
        InvalidRecordException e = rejected("{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \" \"}}");

        assertThat(e).hasMessage("patient.id must not be blank, was ''");
        assertThat(e.field()).isEqualTo("patient.id");
    }

    @Test
    void aPatientThatIsNotAnObjectIsRefused() {
        InvalidRecordException e = rejected("{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": \"p1\"}");

        assertThat(e).hasMessage("patient must be a JSON object, was 'p1'");
        assertThat(e.field()).isEqualTo("patient");
    }

    @Test
    void anUnknownDrugCodeIsRefusedListingTheAcceptedCodes() {
        InvalidRecordException e = rejected(record(doses(
                "{\"drug\": \"heroin\", \"route\": \"oral\", \"dailyDose\": 30, \"unit\": \"mg\", \"start\": \"2025-01-01\"}")));

        assertThat(e).hasMessage("doses[0].drug must be one of " + ACCEPTED_DRUGS + ", was 'heroin'");
        assertThat(e.field()).isEqualTo("doses[0].drug");
    }

    @Test
    void anUnknownBodySiteIsRefusedWithItsListPosition() {
        InvalidRecordException e = rejected(record(symptoms(
                "{\"date\": \"2025-01-01\", \"kind\": \"pain\", \"intensity\": 4, \"sites\": [\"neck\", \"elbow\"]}")));

        assertThat(e).hasMessage("symptoms[0].sites[1] must be one of " + ACCEPTED_SITES + ", was 'elbow'");
        assertThat(e.field()).isEqualTo("symptoms[0].sites[1]");
    }

    @Test
    void sitesThatAreNotAListAreRefused() {
        InvalidRecordException e = rejected(record(symptoms(
                "{\"date\": \"2025-01-01\", \"kind\": \"pain\", \"intensity\": 4, \"sites\": \"neck\"}")));

        assertThat(e).hasMessage("symptoms[0].sites must be a list of strings, was 'neck'");
        assertThat(e.field()).isEqualTo("symptoms[0].sites");
    }

    @Test
    void milligramsForATransdermalFentanylPatchAreRefused() {
        InvalidRecordException e = rejected(record(doses(
                "{\"drug\": \"fentanyl\", \"route\": \"transdermal\", \"dailyDose\": 25, \"unit\": \"mg\", \"start\": \"2025-01-01\"}")));

        assertThat(e).hasMessage("doses[0].unit must be mcg/h for a transdermal fentanyl dose, was mg");
        assertThat(e.field()).isEqualTo("doses[0].unit");
    }

    @Test
    void microgramsPerHourForAnOralDoseAreRefused() {
        InvalidRecordException e = rejected(record(doses(
                "{\"drug\": \"morphine\", \"route\": \"oral\", \"dailyDose\": 25, \"unit\": \"mcg/h\", \"start\": \"2025-01-01\"}")));

        assertThat(e).hasMessage("doses[0].unit must be mg or mcg for the oral route (mcg/h is for transdermal "
                + "patches), was mcg/h");
        assertThat(e.field()).isEqualTo("doses[0].unit");
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        InvalidRecordException e = rejected(record(doses(
                "{\"drug\": \"morphine\", \"route\": \"oral\", \"dailyDose\": 30, \"unit\": \"mg\","
                        + " \"start\": \"2024-06-01\", \"end\": \"2024-05-31\"}")));

        assertThat(e).hasMessage("doses[0].end must be on or after start (2024-06-01), was 2024-05-31");
        assertThat(e.field()).isEqualTo("doses[0].end");
    }

    @Test
    void aConditionEndingBeforeItsOnsetIsRefused() {
        InvalidRecordException e = rejected(record(
                "\"conditions\": [{\"code\": \"depression\"}, {\"code\": \"psychosis\", \"onset\": \"2024-06-01\","
                        + " \"end\": \"2024-01-01\"}]"));

        assertThat(e).hasMessage("conditions[1].end must be on or after onset (2024-06-01), was 2024-01-01");
        assertThat(e.field()).isEqualTo("conditions[1].end");
    }

    @Test
    void aPainIntensityAboveTenIsRefused() {
        InvalidRecordException e = rejected(record(symptoms(
                "{\"date\": \"2025-01-01\", \"kind\": \"pain\", \"intensity\": 11}")));

        assertThat(e).hasMessage("symptoms[0].intensity must be between 0 and 10, was 11");
        assertThat(e.field()).isEqualTo("symptoms[0].intensity");
    }

    @Test
    void aPresentPainWithoutIntensityIsRefused() {
        InvalidRecordException e = rejected(record(symptoms(
                "{\"date\": \"2025-01-01\", \"kind\": \"allodynia\"}",
                "{\"date\": \"2025-01-01\", \"kind\": \"pain\"}")));

        assertThat(e).hasMessage("symptoms[1].intensity is required for a present pain score, was missing");
        assertThat(e.field()).isEqualTo("symptoms[1].intensity");
    }

    @Test
    void anAbsentPainNeedsNoIntensity() {
        PatientRecord r = READER.read(record(symptoms(
                "{\"date\": \"2025-01-01\", \"kind\": \"pain\", \"present\": false}"))).record();

        assertThat(r.symptoms()).singleElement().satisfies(s -> {
            assertThat(s.present()).isFalse();
            assertThat(s.intensity()).isNull();
        });
    }

    @Test
    void anObservationOutsideItsRangeIsRefused() {
        InvalidRecordException e = rejected(record(
                "\"observations\": [{\"code\": \"cows-score\", \"value\": 49, \"date\": \"2025-02-28\"}]"));

        assertThat(e).hasMessage("observations[0].value must be between 0 and 48 for cows-score, was 49");
        assertThat(e.field()).isEqualTo("observations[0].value");
    }

    @Test
    void aSymptomDatedAfterAsOfIsRefused() {
        InvalidRecordException e = rejected(record(symptoms(
                "{\"date\": \"2025-03-02\", \"kind\": \"pain\", \"intensity\": 4}")));

        assertThat(e).hasMessage("symptoms[0].date must be on or before asOf (2025-03-01), was 2025-03-02");
        assertThat(e.field()).isEqualTo("symptoms[0].date");
    }

    @Test
    void aDoseStartingAfterAsOfIsRefusedUnlessProposed() {
        String late = "{\"drug\": \"morphine\", \"route\": \"oral\", \"dailyDose\": 30, \"unit\": \"mg\","
                + " \"start\": \"2025-03-10\"";
        InvalidRecordException e = rejected(record(doses(late + "}")));

        assertThat(e).hasMessage("doses[0].start must be on or before asOf (2025-03-01), was 2025-03-10");
        assertThat(e.field()).isEqualTo("doses[0].start");
        assertThat(READER.read(record(doses(late + ", \"status\": \"proposed\"}"))).record().doses()).hasSize(1);
    }

    @Test
    void duplicateIdsAreRefused() {
        InvalidRecordException e = rejected(record(doses(
                "{\"id\": \"x1\", \"drug\": \"morphine\", \"route\": \"oral\", \"dailyDose\": 30, \"unit\": \"mg\", \"start\": \"2025-01-01\"}")
                + ", " + symptoms("{\"id\": \"x1\", \"date\": \"2025-01-01\", \"kind\": \"craving\"}")));

        assertThat(e).hasMessage("symptoms[0].id must be unique in the record (doses[0].id has the same id; "
                + "identical facts without ids derive the same id), was 'x1'");
        assertThat(e.field()).isEqualTo("symptoms[0].id");
    }

    @Test
    void identicalFactsWithoutIdsAreDuplicates() {
        String craving = "{\"date\": \"2025-01-01\", \"kind\": \"craving\"}";

        InvalidRecordException e = rejected(record(symptoms(craving, craving)));

        assertThat(e.field()).isEqualTo("symptoms[1].id");
        assertThat(e).hasMessageMatching("symptoms\\[1]\\.id must be unique in the record \\(symptoms\\[0]\\.id has "
                + "the same id; identical facts without ids derive the same id\\), was 's-[0-9a-f]{8}'");
    }

    @Test
    void format2IsRefused() {
        InvalidRecordException e = rejected("{\"format\": 2, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"p1\"}}");

        assertThat(e).hasMessage("format must be 1 (this version reads format 1), was 2");
        assertThat(e.field()).isEqualTo("format");
    }

    @Test
    void aFractionalFormatIsRefused() {
        InvalidRecordException e = rejected("{\"format\": 1.5, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"p1\"}}");

        assertThat(e).hasMessage("format must be a whole number, was 1.5");
        assertThat(e.field()).isEqualTo("format");
    }

    @Test
    void aNumberLongerThanTheLimitIsRefused() {
        InvalidRecordException e = rejected(record("\"extra\": 1" + "0".repeat(60)));

        assertThat(e).hasMessage("input refused: Number value length 61 exceeds the maximum allowed 50");
        assertThat(e.field()).isEqualTo("$");
    }

    @Test
    void aNumberTooLargeForADoubleIsRefusedAsNotFinite() {
        InvalidRecordException e = rejected(record(doses("{\"drug\": \"morphine\", \"route\": \"oral\","
                + " \"dailyDose\": 1e400, \"unit\": \"mg\", \"start\": \"2025-01-01\"}")));

        assertThat(e).hasMessage("doses[0].dailyDose must be a finite number, was Infinity");
        assertThat(e.field()).isEqualTo("doses[0].dailyDose");
    }

    @Test
    void aStringFormatIsRefused() {
        InvalidRecordException e = rejected("{\"format\": \"1\", \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"p1\"}}");

        assertThat(e).hasMessage("format must be a whole number, was '1'");
    }

    @Test
    void aPrnFlagThatIsNotABooleanIsRefused() {
        InvalidRecordException e = rejected(record(doses("{\"drug\": \"morphine\", \"route\": \"oral\","
                + " \"dailyDose\": 30, \"unit\": \"mg\", \"start\": \"2025-01-01\", \"prn\": \"yes\"}")));

        assertThat(e).hasMessage("doses[0].prn must be true or false, was 'yes'");
        assertThat(e.field()).isEqualTo("doses[0].prn");
    }

    @Test
    void otherDrugWithoutANameIsRefused() {
        InvalidRecordException e = rejected(record(doses("{\"drug\": \"other\", \"route\": \"oral\","
                + " \"dailyDose\": 30, \"unit\": \"mg\", \"start\": \"2025-01-01\"}")));

        assertThat(e).hasMessage("doses[0].name is required when drug is 'other', was missing");
        assertThat(e.field()).isEqualTo("doses[0].name");
    }

    @Test
    void aConditionBeginningAfterAsOfIsRefused() {
        InvalidRecordException e = rejected(record(
                "\"conditions\": [{\"code\": \"depression\", \"onset\": \"2025-04-01\"}]"));

        assertThat(e).hasMessage("conditions[0].onset must be on or before asOf (2025-03-01), was 2025-04-01");
        assertThat(e.field()).isEqualTo("conditions[0].onset");
    }

    @Test
    void aListThatIsNotAListIsRefused() {
        InvalidRecordException e = rejected(record("\"doses\": {\"drug\": \"morphine\"}"));

        assertThat(e).hasMessage("doses must be a list, was an object");
        assertThat(e.field()).isEqualTo("doses");
    }

    @Test
    void aListItemThatIsNotAnObjectIsRefused() {
        InvalidRecordException e = rejected(record("\"symptoms\": [42]"));

        assertThat(e).hasMessage("symptoms[0] must be a JSON object, was 42");
        assertThat(e.field()).isEqualTo("symptoms[0]");
    }

    @Test
    void aLongWrongStringIsShortenedInTheMessage() {
        String word = "x".repeat(100);

        InvalidRecordException e = rejected(record(doses("{\"drug\": \"morphine\", \"route\": \"oral\", "
                + "\"dailyDose\": \"" + word + "\", \"unit\": \"mg\", \"start\": \"2025-01-01\"}")));

        assertThat(e).hasMessage("doses[0].dailyDose must be a number, was '" + "x".repeat(40) + "...'");
    }

    // ---------------------------------------------------------------------------------------------------
    // not a record at all

    @Test
    void malformedJsonNamesTheLine() {
        InvalidRecordException e = rejected("{\n  \"format\": 1,\n  \"asOf\": 2025-03-01\n}");

        assertThat(e.getMessage()).startsWith("malformed input at line 3, column ");
        assertThat(e).hasMessage("malformed input at line 3, column 15: Unexpected character ('-' (code 45)): "
                + "was expecting comma to separate Object entries");
        assertThat(e.field()).isEqualTo("$");
        assertThat(e.value()).isNull();
    }

    @Test
    void anUnclosedObjectIsMalformed() {
        InvalidRecordException e = rejected("{\"format\": 1, \"asOf\": \"2025-03-01\"");

        assertThat(e.getMessage()).startsWith("malformed input at line 1, column ");
        assertThat(e.field()).isEqualTo("$");
    }

    @Test
    void aTopLevelArrayIsRefused() {
        InvalidRecordException e = rejected("[" + record("") + "]");

        assertThat(e).hasMessage("$ must be a JSON object, was a list");
        assertThat(e.field()).isEqualTo("$");
    }

    @Test
    void aTopLevelNullIsRefused() {
        InvalidRecordException e = rejected("null");

        assertThat(e).hasMessage("$ must be a JSON object, was null");
        assertThat(e.field()).isEqualTo("$");
    }

    @Test
    void emptyInputIsRefused() {
        InvalidRecordException e = rejected("");

        assertThat(e).hasMessage("$ must be a JSON object, was empty input");
        assertThat(e.field()).isEqualTo("$");
    }

    @Test
    void blankInputIsRefused() {
        InvalidRecordException e = rejected("  \n\t ");

        assertThat(e).hasMessage("$ must be a JSON object, was empty input");
        assertThat(e.field()).isEqualTo("$");
    }

    @Test
    void trailingTokensAfterTheRecordAreRefused() {
        InvalidRecordException e = rejected(record("") + " {}");

        assertThat(e).hasMessage("malformed input at line 1, column 62: Trailing token (of type START_OBJECT) "
                + "found after value (bound as `com.fasterxml.jackson.databind.JsonNode`): not allowed as per "
                + "`DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
        assertThat(e.field()).isEqualTo("$");
    }

    @Test
    void aDuplicateKeyInOneObjectIsRefused() {
        InvalidRecordException e = rejected(record(doses("{\"drug\": \"morphine\", \"route\": \"oral\", "
                + "\"dailyDose\": 30, \"dailyDose\": 3000, \"unit\": \"mg\", \"start\": \"2025-01-01\"}")));

        assertThat(e).hasMessage("malformed input at line 1, column 138: Duplicate field 'dailyDose'");
        assertThat(e.field()).isEqualTo("$");
    }

    @Test
    void aDuplicateTopLevelKeyIsRefused() {
        InvalidRecordException e = rejected("{\"format\": 1, \"asOf\": \"2025-03-01\", \"asOf\": \"2025-03-02\","
                + " \"patient\": {\"id\": \"p1\"}}");

        assertThat(e).hasMessage("malformed input at line 1, column 43: Duplicate field 'asOf'");
        assertThat(e.field()).isEqualTo("$");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedWithoutAStackOverflow() {
        int depth = 100_000;
        String json = "{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"p1\"}, \"extra\": "
                + "[".repeat(depth) + "]".repeat(depth) + "}";

        InvalidRecordException e = rejected(json);

        assertThat(e).hasMessage("input refused: Document nesting depth " + (RecordJson.MAX_NESTING + 1)
                + " exceeds the maximum allowed " + RecordJson.MAX_NESTING);
        assertThat(e.field()).isEqualTo("$");
    }

    @Test
    void nestingJustAboveTheLimitIsRefusedAndAtTheLimitIsRead() {
        int listDepth = RecordJson.MAX_NESTING - 1; // the record object itself is one level
        String atLimit = record("\"extra\": " + "[".repeat(listDepth) + "]".repeat(listDepth));
        String above = record("\"extra\": " + "[".repeat(listDepth + 1) + "]".repeat(listDepth + 1));

        assertThat(READER.read(atLimit).warnings()).extracting(DataQualityNote::id)
                .containsExactly(RecordJson.UNKNOWN_FIELD);
        InvalidRecordException e = rejected(above);
        assertThat(e).hasMessage("input refused: Document nesting depth " + (RecordJson.MAX_NESTING + 1)
                + " exceeds the maximum allowed " + RecordJson.MAX_NESTING);
    }

    @Test
    void aStringLongerThanTheLimitIsRefused() {
        String longId = "p".repeat(RecordJson.MAX_STRING_CHARS + 1);

        InvalidRecordException e = rejected(
                "{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"" + longId + "\"}}");

        assertThat(e).hasMessage("input refused: String value length " + (RecordJson.MAX_STRING_CHARS + 1)
                + " exceeds the maximum allowed " + RecordJson.MAX_STRING_CHARS);
        assertThat(e.getMessage()).doesNotContain("ppppp");
        assertThat(e.field()).isEqualTo("$");
    }

    @Test
    void aStringAtTheLimitIsRead() {
        String longId = "p".repeat(RecordJson.MAX_STRING_CHARS);

        PatientRecord r = READER.read(
                "{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"" + longId + "\"}}").record();

        assertThat(r.patient().id()).hasSize(RecordJson.MAX_STRING_CHARS);
    }

    @Test
    void malformedInputMessagesDoNotEchoTheInput() {
        InvalidRecordException e = rejected("{\"format\": 1, \"patient\": {\"id\": \"secret-patient-7\"}, oops}");

        assertThat(e).hasMessage("malformed input at line 1, column 54: Unexpected character ('o' (code 111)): "
                + "was expecting double-quote to start field name");
        assertThat(e.getMessage()).doesNotContain("secret-patient-7");
    }

    @Test
    void everyRefusalIsAnInvalidRecordExceptionWhichIsAnIllegalArgumentException() {
        assertThatThrownBy(() -> READER.read("{"))
                .isInstanceOf(IllegalArgumentException.class)
                .isExactlyInstanceOf(InvalidRecordException.class);
    }

    // ---------------------------------------------------------------------------------------------------
    // unknown fields

    @Test
    void unknownFieldsAreIgnoredWithAWarningNamingThePath() {
        RecordJson.ReadResult result = READER.read(record(doses("{\"drug\": \"morphine\", \"route\": \"oral\","
                + " \"dailyDose\": 30, \"unit\": \"mg\", \"start\": \"2025-01-01\", \"foo\": {\"deep\": [1, 2]}}")));

        assertThat(result.record().doses()).singleElement().extracting(DoseEvent::dailyDose).isEqualTo(30.0);
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo(RecordJson.UNKNOWN_FIELD);
            assertThat(w.summary()).isEqualTo("Unknown field 'doses[0].foo' was ignored (format 1 does not define it).");
            assertThat(w.evidence()).isEmpty();
        });
    }

    @Test
    void unknownFieldsAtEveryLevelEachGiveAWarning() {
        RecordJson.ReadResult result = READER.read("{\"format\": 1, \"asOf\": \"2025-03-01\", \"note\": \"x\","
                + " \"patient\": {\"id\": \"p1\", \"mrn\": \"123\"},"
                + " \"symptoms\": [{\"date\": \"2025-01-01\", \"kind\": \"craving\", \"score\": 3}]}");

        assertThat(result.record().patient().id()).isEqualTo("p1");
        assertThat(result.record().symptoms()).hasSize(1);
        assertThat(result.warnings()).extracting(DataQualityNote::id).containsOnly(RecordJson.UNKNOWN_FIELD);
        assertThat(result.warnings()).extracting(DataQualityNote::summary).containsExactly(
                "Unknown field 'note' was ignored (format 1 does not define it).",
                "Unknown field 'patient.mrn' was ignored (format 1 does not define it).",
                "Unknown field 'symptoms[0].score' was ignored (format 1 does not define it).");
    }

    // ---------------------------------------------------------------------------------------------------
    // derived ids

    private static final String[] CONDITIONS = {
        "{\"code\": \"chronic-pain\", \"onset\": \"2023-05-01\"}",
        "{\"code\": \"depression\"}",
    };
    private static final String[] MEDICATIONS = {
        "{\"class\": \"nsaid\", \"name\": \"ibuprofen\"}",
        "{\"class\": \"benzodiazepine\", \"start\": \"2024-01-01\"}",
    };
    private static final String[] OBSERVATIONS = {
        "{\"code\": \"egfr\", \"value\": 55, \"date\": \"2025-01-01\"}",
        "{\"code\": \"qtc-ms\", \"value\": 470, \"date\": \"2025-01-01\"}",
    };
    private static final String[] DOSES = {
        "{\"drug\": \"morphine\", \"route\": \"oral\", \"dailyDose\": 30, \"unit\": \"mg\", \"start\": \"2024-06-01\", \"end\": \"2024-12-31\"}",
        "{\"drug\": \"morphine\", \"route\": \"oral\", \"dailyDose\": 60, \"unit\": \"mg\", \"start\": \"2025-01-01\"}",
        "{\"drug\": \"fentanyl\", \"route\": \"transdermal\", \"dailyDose\": 12, \"unit\": \"mcg/h\", \"start\": \"2025-02-01\"}",
    };
    private static final String[] SYMPTOMS = {
        "{\"date\": \"2024-09-01\", \"kind\": \"pain\", \"intensity\": 4, \"sites\": [\"neck\"]}",
        "{\"date\": \"2025-02-01\", \"kind\": \"pain\", \"intensity\": 7, \"sites\": [\"neck\", \"left-arm\"]}",
        "{\"date\": \"2025-02-01\", \"kind\": \"withdrawal\", \"present\": false}",
    };

    private static String allFacts(boolean reversed) {
        return "\"conditions\": [" + join(CONDITIONS, reversed) + "], \"medications\": [" + join(MEDICATIONS, reversed)
                + "], \"observations\": [" + join(OBSERVATIONS, reversed) + "], \"doses\": [" + join(DOSES, reversed)
                + "], \"symptoms\": [" + join(SYMPTOMS, reversed) + "]";
    }

    private static <T> List<T> reversed(List<T> items) {
        List<T> list = new java.util.ArrayList<>(items);
        java.util.Collections.reverse(list);
        return list;
    }

    private static String join(String[] items, boolean reversed) {
        List<String> list = new java.util.ArrayList<>(List.of(items));
        if (reversed) {
            java.util.Collections.reverse(list);
        }
        return String.join(", ", list);
    }

    @Test
    void factsWithoutIdsGetDerivedIds() {
        PatientRecord r = READER.read(record(allFacts(false))).record();

        assertThat(r.conditions()).extracting(Condition::id).allMatch(id -> id.matches("c-[0-9a-f]{8}"));
        assertThat(r.medications()).extracting(Medication::id).allMatch(id -> id.matches("m-[0-9a-f]{8}"));
        assertThat(r.observations()).extracting(Observation::id).allMatch(id -> id.matches("o-[0-9a-f]{8}"));
        assertThat(r.doses()).extracting(DoseEvent::id).allMatch(id -> id.matches("d-[0-9a-f]{8}"));
        assertThat(r.symptoms()).extracting(Symptom::id).allMatch(id -> id.matches("s-[0-9a-f]{8}"));
        assertThat(r.doses()).extracting(DoseEvent::id).doesNotHaveDuplicates();
        assertThat(r.symptoms()).extracting(Symptom::id).doesNotHaveDuplicates();
    }

    @Test
    void derivedIdsDoNotDependOnTheOrderOfTheFacts() {
        PatientRecord inOrder = READER.read(record(allFacts(false))).record();
        PatientRecord reversed = READER.read(record(allFacts(true))).record();

        assertThat(reversed.conditions()).containsExactlyElementsOf(reversed(inOrder.conditions()));
        assertThat(reversed.medications()).containsExactlyElementsOf(reversed(inOrder.medications()));
        assertThat(reversed.observations()).containsExactlyElementsOf(reversed(inOrder.observations()));
        assertThat(reversed.doses()).containsExactlyElementsOf(reversed(inOrder.doses()));
        assertThat(reversed.symptoms()).containsExactlyElementsOf(reversed(inOrder.symptoms()));
    }

    @Test
    void derivedIdsAreStableAcrossReads() {
        String json = record(allFacts(false));

        assertThat(READER.read(json).record()).isEqualTo(READER.read(json).record());
    }

    // --- loose ends of revision 1 (issue 12) ---

    @Test
    void aParserHintAboutItsOwnSettingsNeverReachesTheUser() {
        InvalidRecordException e = rejected(record(doses("{\"drug\": \"morphine\", \"route\": \"oral\", "
                + "\"dailyDose\": NaN, \"unit\": \"mg\", \"start\": \"2025-01-01\"}")));
        assertThat(e.getMessage()).startsWith("malformed input at line 1, column ")
                .doesNotContain("JsonReadFeature").doesNotContain("enable").doesNotContain("REDACTED");
    }

    @Test
    void anUnclosedObjectNamesItsStartWithoutTheParserSource() {
        InvalidRecordException e = rejected("{\"format\": 1, \"asOf\": \"2025-03-01\"");
        assertThat(e.getMessage()).doesNotContain("REDACTED").doesNotContain("[Source");
    }

    @Test
    void cleaningKeepsTheLineAndColumnOfANestedLocation() {
        assertThat(RecordJson.clean("Unexpected end-of-input: expected close marker for Object (start marker at "
                + "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])"))
                .isEqualTo("Unexpected end-of-input: expected close marker for Object (start marker at line 1, "
                        + "column 1)");
        assertThat(RecordJson.clean("Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` "
                + "to allow")).isEqualTo("Non-standard token 'NaN'");
    }

    @Test
    void aBlankWithdrawalSignIsRejectedWithItsField() {
        InvalidRecordException e = rejected(record(symptoms("{\"id\": \"w1\", \"date\": \"2025-01-01\", "
                + "\"kind\": \"withdrawal\", \"signs\": [\"sweating\", \" \"]}")));
        assertThat(e.field()).isEqualTo("symptoms[0].signs[1]");
        assertThat(e.getMessage()).contains("must not be blank");
    }

    @Test
    void formatNullIsNotReadAsFormat1() {
        InvalidRecordException e = rejected("{\"format\": null, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"p1\"}}");
        assertThat(e.field()).isEqualTo("format");
        assertThat(e.getMessage()).contains("must be 1, not null");
    }

    @Test
    void theNewSymptomKindsAndConditionCodesAreRead() {
        var r = READER.read(record("\"conditions\": [{\"code\": \"dehydration\"}, {\"code\": \"overdose-history\"}], "
                + symptoms("{\"date\": \"2025-02-27\", \"kind\": \"myoclonus\"}",
                "{\"date\": \"2025-02-27\", \"kind\": \"delirium\"}",
                "{\"date\": \"2025-02-27\", \"kind\": \"hallucinations\"}"))).record();
        assertThat(r.symptoms()).extracting(sy -> sy.kind().code()).containsExactly("myoclonus", "delirium",
                "hallucinations");
        assertThat(r.conditions()).extracting(c -> c.code().code()).containsExactly("dehydration", "overdose-history");
    }
}
