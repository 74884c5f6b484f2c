package org.oihkb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.oihkb.catalog.CatalogWriter;
import org.oihkb.catalog.RuleSources;
import org.oihkb.engine.MmeEdition;
import org.oihkb.engine.OihEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code oih catalog}: the rule catalog from rule metadata. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Print the rule catalog (id, title, status, indicator, clinical header, sources, evidence, scenarios).")
final class CatalogCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { md, json }

    @Option(names = "--format", defaultValue = "md", description = "md (default) or json")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path out;

    @Mixin
    RulesOption rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        OihEngine engine = rules.engine(MmeEdition.CDC_2022, err);
        if (engine == null) {
            return OihCli.RULES_BROKEN;
        }
        String text;
        if (format == Format.json) {
            text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(engine.rules()) + "\n";
        } else {
            RuleSources sources = rules.rules == null ? RuleSources.builtIn() : RuleSources.of(rules.rules);
            text = CatalogWriter.markdown(engine.rules(), sources);
        }
        Output.write(text, out, spec.commandLine().getOut());
        return 0;
    }
}
