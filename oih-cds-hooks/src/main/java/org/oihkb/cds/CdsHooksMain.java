package org.oihkb.cds;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;

import org.oihkb.engine.OihEngine;
import org.oihkb.fhir.FhirRecords;
import org.oihkb.model.Patient;
import org.oihkb.model.PatientRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar oih-cds-hooks.jar [--port N] [--host ADDRESS] [--config FILE] [--insecure-dev]}: starts
 * the CDS Hooks service and runs until the process is stopped.
 */
public final class CdsHooksMain {

    private static final Logger LOG = LoggerFactory.getLogger(CdsHooksMain.class);

    private CdsHooksMain() {
    }

    /** Starts the service; exits with 2 and a message on a bad argument or configuration. */
    public static void main(String[] args) throws InterruptedException {
        ServiceConfig config;
        try {
            config = parse(args);
        } catch (ServiceConfig.ConfigException e) {
            System.err.println("oih-cds-hooks: " + e.getMessage());
            System.err.println("usage: java -jar oih-cds-hooks.jar [--port N] [--host ADDRESS] [--config FILE] "
                    + "[--insecure-dev]");
            System.exit(2);
            return;
        }
        CdsHooksServer server;
        try {
            server = start(config);
        } catch (ServiceConfig.ConfigException | FeedbackStore.StoreException e) {
            System.err.println("oih-cds-hooks: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            server.stop();
            stopped.countDown();
        }, "oih-cds-stop"));
        stopped.await();
    }

    /** The configuration the arguments describe: the file's, then the flags over it. */
    static ServiceConfig parse(String[] args) {
        Path file = null;
        Integer port = null;
        String host = null;
        boolean insecure = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> file = Path.of(value(args, ++i, "--config"));
                case "--port" -> {
                    String v = value(args, ++i, "--port");
                    try {
                        port = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new ServiceConfig.ConfigException("--port must be a number, was '" + v + "'");
                    }
                }
                case "--host" -> host = value(args, ++i, "--host");
                case "--insecure-dev" -> insecure = true;
                default -> throw new ServiceConfig.ConfigException("unknown argument '" + args[i] + "'");
            }
        }
        ServiceConfig config = file == null ? ServiceConfig.defaults() : ServiceConfig.read(file);
        config = config.withListen(host != null ? host : config.host(), port != null ? port : config.port());
        return insecure ? config.withInsecureDev(true) : config;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new ServiceConfig.ConfigException(flag + " needs a value");
        }
        return args[i];
    }

    /** One engine, one record source, one feedback store: the service of this process. */
    static CdsHooksServer start(ServiceConfig config) {
        OihEngine engine = OihEngine.create();
        // the first assessment and the first FHIR parse each cost seconds: pay them before the first EHR call
        engine.assess(PatientRecord.builder(LocalDate.of(2000, 1, 1), Patient.of("prewarm")).build());
        FhirRecords fhir = FhirRecords.create();
        fhir.prewarm();
        return CdsHooksServer.start(config, engine, Wiring.recordSource(fhir), Wiring.fhirSearch(fhir, config),
                new SqliteFeedbackStore(config.feedbackDatabase()), Clock.systemUTC());
    }
}
