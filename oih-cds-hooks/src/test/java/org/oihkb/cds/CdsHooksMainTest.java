package org.oihkb.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdsHooksMainTest {

    @TempDir
    Path dir;

    @Test
    void flagsOverrideTheConfigFile() throws Exception {
        Path file = dir.resolve("service.json");
        Files.writeString(file, """
                {"port": 9000, "serviceUrl": "https://cds.example.org/", "feedbackDatabase": "fb.sqlite",
                 "issuers": [{"iss": "https://ehr.example.org", "jwksFile": "jwks.json"}], "asOf": "2025-03-01"}
                """);
        ServiceConfig c = CdsHooksMain.parse(new String[] {"--config", file.toString(), "--port", "9100",
                "--insecure-dev"});
        assertThat(c.port()).isEqualTo(9100);
        assertThat(c.insecureDev()).isTrue();
        assertThat(c.serviceUrl()).isEqualTo("https://cds.example.org");
        assertThat(c.feedbackDatabase()).isEqualTo(dir.toAbsolutePath().resolve("fb.sqlite"));
        assertThat(c.issuers().get(0).jwksFile()).isEqualTo(dir.toAbsolutePath().resolve("jwks.json"));
        assertThat(c.asOf()).hasToString("2025-03-01");
    }

    @Test
    void badArgumentsAreNamed() throws Exception {
        assertThatThrownBy(() -> CdsHooksMain.parse(new String[] {"--port", "eighty"}))
                .hasMessage("--port must be a number, was 'eighty'");
        assertThatThrownBy(() -> CdsHooksMain.parse(new String[] {"--verbose"}))
                .hasMessage("unknown argument '--verbose'");
        assertThatThrownBy(() -> CdsHooksMain.parse(new String[] {"--config"})).hasMessage("--config needs a value");
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"prot\": 1}");
        assertThatThrownBy(() -> CdsHooksMain.parse(new String[] {"--config", file.toString()}))
                .hasMessageContaining("unknown field 'prot'");
        Files.writeString(file, "{\"issuers\": [{\"iss\": \"x\"}]}");
        assertThatThrownBy(() -> CdsHooksMain.parse(new String[] {"--config", file.toString()}))
                .hasMessage("issuers[] 'x' needs exactly one of jwksFile or jwksUrl");
    }
}
