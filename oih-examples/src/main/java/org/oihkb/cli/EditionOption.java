package org.oihkb.cli;

import java.io.PrintWriter;

import org.oihkb.engine.MmeEdition;
import org.oihkb.model.InvalidRecordException;
import picocli.CommandLine.Option;

/** The {@code --edition} option shared by the commands that compute MME. */
final class EditionOption {

    @Option(names = "--edition", defaultValue = "cdc-2022", paramLabel = "EDITION",
            description = "MME conversion table: cdc-2022 (default), cdc-2016, or cdc-analytic "
                    + "(the CDC prescription-data factors: analyses only, not clinical guidance)")
    String edition;

    /** The edition, or {@code null} after printing why the value is not one. */
    MmeEdition parse(PrintWriter err) {
        try {
            return MmeEdition.fromCode("--edition", edition);
        } catch (InvalidRecordException e) {
            err.println("oih: " + e.getMessage());
            return null;
        }
    }
}
