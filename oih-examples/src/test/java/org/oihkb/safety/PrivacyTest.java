package org.oihkb.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.oihkb.engine.OihEngine;
import org.oihkb.json.RecordJson;
import org.oihkb.model.InvalidRecordException;
import org.slf4j.LoggerFactory;

/** No patient identifier, birth date or clinical value reaches the logs at INFO or a rejection message. */
class PrivacyTest {

    private static final String PATIENT = "SECRET-PATIENT-4711";
    private static final String BIRTH = "1961-07-23";

    private static String record(String doses) {
        return "{\"format\": 1, \"id\": \"rec-x\", \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"" + PATIENT
                + "\", \"birthDate\": \"" + BIRTH + "\"}, \"doses\": [" + doses + "], \"symptoms\": ["
                + "{\"date\": \"2025-01-01\", \"kind\": \"pain\", \"intensity\": 7, \"sites\": [\"lower-back\"]}]}";
    }

    @Test
    void logsAtInfoCarryNoPatientData() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Level previous = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.INFO);
        try {
            OihEngine engine = OihEngine.create();
            engine.assess(RecordJson.reader().read(record("{\"drug\": \"oxycodone\", \"route\": \"oral\", "
                    + "\"dailyDose\": 93, \"unit\": \"mg\", \"start\": \"2024-01-01\"}")).record());
            for (Path example : List.of(Path.of("examples", "possible-oih.json"), Path.of("examples", "oud-on-moud.json"))) {
                engine.assess(RecordJson.reader().read(example).record());
            }
            try {
                RecordJson.reader().read(record("{\"drug\": \"oxycodone\", \"route\": \"oral\", \"dailyDose\": -5, "
                        + "\"unit\": \"mg\", \"start\": \"2024-01-01\"}"));
            } catch (InvalidRecordException expected) {
                // rejected records are reported to the caller, not logged by the library
            }
        } finally {
            root.detachAppender(appender);
            root.setLevel(previous);
        }
        assertThat(appender.list).isNotEmpty();
        for (ILoggingEvent e : appender.list) {
            // the engine's start-up line ends with its own build time, which can be 135 ms like the dose's MME
            assertThat(e.getFormattedMessage().replaceFirst(" in \\d+ ms$", "")).doesNotContain(PATIENT, BIRTH, "demo-001", "demo-003", "1968-04-12",
                    "139.5", "135", "MME/day");
        }
    }

    @Test
    void rejectionMessagesNameFieldAndValueButNoPatientData() {
        List<String> badDoses = List.of(
                "{\"drug\": \"oxycodone\", \"route\": \"oral\", \"dailyDose\": -5, \"unit\": \"mg\", \"start\": \"2024-01-01\"}",
                "{\"drug\": \"heroin\", \"route\": \"oral\", \"dailyDose\": 5, \"unit\": \"mg\", \"start\": \"2024-01-01\"}",
                "{\"drug\": \"fentanyl\", \"route\": \"transdermal\", \"dailyDose\": 25, \"unit\": \"mg\", \"start\": \"2024-01-01\"}",
                "{\"drug\": \"oxycodone\", \"route\": \"oral\", \"dailyDose\": 5, \"unit\": \"mg\", \"start\": \"2026-01-01\"}");
        for (String dose : badDoses) {
            assertThatThrownBy(() -> RecordJson.reader().read(record(dose))).isInstanceOf(InvalidRecordException.class)
                    .message().startsWith("doses[0].").doesNotContain(PATIENT, BIRTH);
        }
    }

    @Test
    void theLibraryShipsNoLoggingBackend() throws Exception {
        String rulesPom = Files.readString(Path.of("..", "oih-rules", "pom.xml"));
        String modelPom = Files.readString(Path.of("..", "oih-model", "pom.xml"));
        assertThat(modelPom).doesNotContain("logback", "slf4j");
        assertThat(rulesPom.replaceAll("(?s)<dependency><groupId>ch.qos.logback</groupId><artifactId>logback-classic"
                + "</artifactId><scope>test</scope></dependency>", "")).doesNotContain("logback");
    }
}
