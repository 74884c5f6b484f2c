package org.oihkb.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The public CDC and AHRQ cases under testdata/cdc-opioid-cases at the repository root. */
final class TestData {

    private TestData() {
    }

    static Path root() {
        String dir = System.getProperty("oih.testdata", "../testdata/cdc-opioid-cases");
        return Path.of(dir);
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
