package org.oihkb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a command's result to {@code --out FILE} or to standard output. */
final class Output {
    private Output() {
    }

    static void write(String text, Path out, PrintWriter stdout) throws IOException {
        if (out == null) {
            stdout.print(text);
            stdout.flush();
        } else {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
    }
}
