package org.oihkb.cds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import org.oihkb.engine.OihEngine;
import org.oihkb.engine.RuleInfo;
import org.oihkb.model.Assessment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CDS Hooks 2.0 service: discovery, the patient-view, order-select and order-sign services, their
 * feedback, a feedback summary, the rule catalog the cards link to, health, metrics and a demo page.
 * One engine and one record source per process, shared by every request.
 *
 * <pre>{@code
 * CdsHooksServer server = CdsHooksServer.start(ServiceConfig.defaults(), OihEngine.create(), source, search);
 * // ... GET http://127.0.0.1:8085/cds-services
 * server.stop();
 * }</pre>
 */
public final class CdsHooksServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CdsHooksServer.class);

    /**
     * One CDS service.
     *
     * @param id the path segment
     * @param hook the hook it answers
     * @param title short title
     * @param description what it does
     */
    record Service(String id, String hook, String title, String description) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("oih-patient-view", "patient-view", "Opioid-induced hyperalgesia check",
                    "When a chart opens: possible opioid-induced hyperalgesia, its differential, regimen warnings, "
                            + "with criteria, evidence and options."),
            new Service("oih-order-select", "order-select", "Opioid-induced hyperalgesia check on an opioid order",
                    "When an opioid order is selected: the OIH check with the draft order assessed as proposed."),
            new Service("oih-order-sign", "order-sign", "Opioid-induced hyperalgesia check before signing",
                    "Before an opioid order is signed: whether a higher dose would answer pain that may be "
                            + "opioid-induced, with a suggestion to remove the draft order."));

    private final ServiceConfig config;
    private final OihEngine engine;
    private final RecordSource source;
    private final FeedbackStore feedback;
    private final JwtVerifier jwt;
    private final Prefetch prefetch;
    private final CardBuilder cards;
    private final Metrics metrics = new Metrics();
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService assessments;
    private final ExecutorService fetches;
    private final Map<String, RuleInfo> rules;
    private final Javalin app;
    private final String serviceUrl;

    private CdsHooksServer(ServiceConfig config, OihEngine engine, RecordSource source, Prefetch.FhirSearch search,
                           FeedbackStore feedback, Clock clock) {
        this.config = config;
        this.engine = engine;
        this.source = source;
        this.feedback = feedback;
        this.rules = engine.rules().stream().collect(Collectors.toMap(RuleInfo::id, r -> r, (a, b) -> a));
        this.assessments = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                daemon("oih-assess"));
        this.fetches = Executors.newFixedThreadPool(16, daemon("oih-fetch"));
        this.prefetch = new Prefetch(search, config.allowedFhirServers(), config.fetchTimeoutMillis(), fetches);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = config.maxRequestBytes();
            if (!config.corsOrigins().isEmpty()) {
                cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    if (config.corsOrigins().contains("*")) {
                        rule.anyHost();
                    } else {
                        rule.allowHost(config.corsOrigins().get(0),
                                config.corsOrigins().subList(1, config.corsOrigins().size()).toArray(String[]::new));
                    }
                }));
            }
            cfg.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/org/oihkb/cds/demo";
                s.location = Location.CLASSPATH;
            });
            cfg.routes.get("/cds-services", timed("GET /cds-services", this::discovery));
            cfg.routes.post("/cds-services/{id}", timed("POST /cds-services/{id}", this::hook));
            cfg.routes.post("/cds-services/{id}/feedback", timed("POST /cds-services/{id}/feedback", this::feedback));
            cfg.routes.get("/feedback/summary", timed("GET /feedback/summary", this::summary));
            cfg.routes.get("/rules/{id}", timed("GET /rules/{id}", this::rule));
            cfg.routes.get("/demo/examples", timed("GET /demo/examples", ctx -> resource(ctx, "index.json")));
            cfg.routes.get("/demo/examples/{name}",
                    timed("GET /demo/examples/{name}", ctx -> resource(ctx, ctx.pathParam("name"))));
            cfg.routes.get("/health", timed("GET /health", this::health));
            cfg.routes.get("/metrics", ctx -> json(ctx, 200, metrics.snapshot()));
        });
        app.start(config.host(), config.port());
        this.serviceUrl = config.serviceUrl() != null ? config.serviceUrl()
                : "http://" + config.host() + ":" + app.port();
        this.cards = new CardBuilder(this::link);
        Set<String> audiences = new LinkedHashSet<>();
        audiences.add(serviceUrl);
        audiences.add(serviceUrl + "/cds-services");
        SERVICES.forEach(s -> audiences.add(serviceUrl + "/cds-services/" + s.id()));
        this.jwt = config.issuers().isEmpty() ? null
                : new JwtVerifier(config.issuers(), audiences, clock, config.jwtClockSkewSeconds());
        if (config.insecureDev()) {
            LOG.warn("--insecure-dev: requests without a valid JWT are accepted. Never use this with real patient "
                    + "data or on a network others can reach.");
        } else if (jwt == null) {
            LOG.warn("No trusted issuer configured: every hook and feedback call will be refused with 401 "
                    + "(configure issuers, or use --insecure-dev for the sandbox)");
        }
        LOG.info("CDS Hooks service listening on {} ({} services, {} rules)", serviceUrl, SERVICES.size(),
                rules.size());
    }

    /**
     * Starts a service.
     *
     * @param config how to run
     * @param engine the one engine of this process
     * @param source reads requests into records
     * @param search fetches what prefetch lacks
     * @param feedback where feedback goes; closed by {@link #stop()}
     * @param clock the clock JWTs are checked against
     * @throws ServiceConfig.ConfigException when a JWKS file cannot be read
     */
    static CdsHooksServer start(ServiceConfig config, OihEngine engine, RecordSource source,
                                Prefetch.FhirSearch search, FeedbackStore feedback, Clock clock) {
        return new CdsHooksServer(config, engine, source, search, feedback, clock);
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** The base URL JWT audiences and card links use. */
    public String serviceUrl() {
        return serviceUrl;
    }

    /** Stops listening, then closes the feedback store. */
    public void stop() {
        app.stop();
        assessments.shutdownNow();
        fetches.shutdownNow();
        feedback.close();
    }

    @Override
    public void close() {
        stop();
    }

    private Handler timed(String endpoint, Handler handler) {
        return ctx -> {
            long t0 = System.nanoTime();
            try {
                handler.handle(ctx);
            } catch (JwtVerifier.Unauthorized e) {
                LOG.info("401 on {}: {}", endpoint, e.getMessage());
                ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                json(ctx, 401, Map.of("error", "unauthorized", "reason", e.getMessage()));
            } catch (BadRequest e) {
                LOG.info("{} on {}", e.status(), endpoint);
                LOG.debug("{} on {}: {}", e.status(), endpoint, e.getMessage());
                json(ctx, e.status(), Map.of("error", HttpStatus.forStatus(e.status()).getMessage().toLowerCase(
                        java.util.Locale.ROOT), "reason", e.getMessage()));
            } catch (HttpResponseException e) {
                json(ctx, e.getStatus(), Map.of("error", e.getMessage()));
            } finally {
                metrics.record(endpoint, ctx.statusCode(), System.nanoTime() - t0);
            }
        };
    }

    private void discovery(Context ctx) {
        List<Map<String, Object>> services = new ArrayList<>();
        for (Service s : SERVICES) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hook", s.hook());
            m.put("title", s.title());
            m.put("description", s.description());
            m.put("id", s.id());
            m.put("prefetch", Prefetch.discovery());
            m.put("usageRequirements", "Decision support that supports, never replaces, clinical judgement. "
                    + "Sends opioid and co-medication orders and statements, pain scores, QTc, kidney function and "
                    + "conditions.");
            services.add(m);
        }
        json(ctx, 200, Map.of("services", services));
    }

    private Service service(Context ctx) {
        String id = ctx.pathParam("id");
        return SERVICES.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new BadRequest(404, "no CDS service '" + id + "' (known: "
                        + SERVICES.stream().map(Service::id).toList() + ")"));
    }

    private void authenticate(Context ctx) {
        if (config.insecureDev()) {
            return;
        }
        if (jwt == null) {
            throw new JwtVerifier.Unauthorized("no trusted issuer is configured on this service");
        }
        jwt.verify(ctx.header("Authorization"));
    }

    private void hook(Context ctx) throws InterruptedException {
        Service service = service(ctx);
        authenticate(ctx);
        String body = ctx.body();
        Future<String> result = assessments.submit(() -> answer(service, body));
        try {
            String cardsJson = result.get(config.requestTimeoutMillis(), TimeUnit.MILLISECONDS);
            ctx.status(200).contentType("application/json").result(cardsJson);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new BadRequest(503, "the assessment did not finish within " + config.requestTimeoutMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BadRequest bad) {
                throw bad;
            }
            LOG.error("assessment failed on {}: {}", service.id(), e.getCause().getClass().getName());
            LOG.debug("assessment failure", e.getCause());
            throw new BadRequest(500, "the assessment failed: " + e.getCause().getClass().getSimpleName());
        }
    }

    /** Reads, completes, maps, assesses and renders one hook request. */
    String answer(Service service, String body) throws JsonProcessingException {
        JsonNode parsed;
        try {
            parsed = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequest("request body is not JSON: " + e.getOriginalMessage());
        }
        if (parsed == null || !parsed.isObject()) {
            throw new BadRequest("request body must be a JSON object");
        }
        ObjectNode request = (ObjectNode) parsed;
        String hook = request.path("hook").asText(null);
        if (!service.hook().equals(hook)) {
            throw new BadRequest("hook must be '" + service.hook() + "' for service " + service.id() + ", was "
                    + (hook == null ? "missing" : "'" + hook + "'"));
        }
        if (!request.path("hookInstance").isTextual()) {
            throw new BadRequest("hookInstance is required");
        }
        String patientId = request.path("context").path("patientId").asText(null);
        if (patientId == null || patientId.isBlank()) {
            throw new BadRequest("context.patientId is required");
        }
        AsOf asOf = AsOf.of(request, config.asOf());
        Prefetch.Completed completed = prefetch.complete(request, patientId, json);
        RecordSource.Mapping mapping = source.read(json.writeValueAsString(completed.request()), asOf.date());
        Assessment assessment = engine.assess(mapping.record());
        List<String> drafts = new ArrayList<>();
        request.path("context").path("draftOrders").path("entry").forEach(e -> {
            JsonNode r = e.path("resource");
            if (r.hasNonNull("resourceType") && r.hasNonNull("id")) {
                drafts.add(r.get("resourceType").asText() + "/" + r.get("id").asText());
            }
        });
        LOG.debug("{} assessed patient {} as of {}: {}", service.id(), patientId, asOf.date(), assessment.firedIds());
        List<Map<String, Object>> out = cards.cards(assessment, mapping.record(),
                new CardBuilder.Context(service.hook(), asOf.source(), completed.missing(), completed.essentialMissing(),
                        mapping.notes(), drafts));
        return json.writeValueAsString(Map.of("cards", out));
    }

    private void feedback(Context ctx) throws JsonProcessingException {
        Service service = service(ctx);
        authenticate(ctx);
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new BadRequest("feedback body is not JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.path("feedback").isArray()) {
            throw new BadRequest("feedback must be an array");
        }
        List<FeedbackStore.Feedback> entries = new ArrayList<>();
        int i = 0;
        for (JsonNode f : body.get("feedback")) {
            String card = f.path("card").asText(null);
            if (card == null || card.isBlank()) {
                throw new BadRequest("feedback[" + i + "].card is required");
            }
            String outcome = f.path("outcome").asText(null);
            if (!"accepted".equals(outcome) && !"overridden".equals(outcome)) {
                throw new BadRequest("feedback[" + i + "].outcome must be 'accepted' or 'overridden', was "
                        + (outcome == null ? "missing" : "'" + outcome + "'"));
            }
            String reason = f.path("overrideReason").path("reason").path("code").asText(null);
            entries.add(new FeedbackStore.Feedback(service.id(), card, CardBuilder.cardType(card), outcome, reason,
                    f.path("acceptedSuggestions").size(), f.path("outcomeTimestamp").asText(null)));
            i++;
        }
        feedback.save(entries);
        json(ctx, 200, Map.of("stored", entries.size()));
    }

    private void summary(Context ctx) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FeedbackStore.Count c : feedback.summary()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", c.serviceId());
            m.put("cardType", c.cardType());
            m.put("outcome", c.outcome());
            m.put("overrideReason", c.overrideReason());
            m.put("count", c.count());
            rows.add(m);
        }
        json(ctx, 200, Map.of("counts", rows));
    }

    private CardBuilder.RuleLink link(String id) {
        RuleInfo r = rules.get(id);
        return new CardBuilder.RuleLink(r != null ? r.title() : "OIH check incomplete", serviceUrl + "/rules/" + id);
    }

    private void rule(Context ctx) {
        String id = ctx.pathParam("id");
        RuleInfo r = rules.get(id);
        StringBuilder html = new StringBuilder("<!doctype html><meta charset=\"utf-8\"><title>");
        if (r == null && !"CDS-001".equals(id)) {
            throw new BadRequest(404, "no rule '" + id + "'");
        }
        if (r == null) {
            html.append("CDS-001</title><h1>CDS-001 OIH check incomplete</h1><p>The service could not fetch data the "
                    + "check needs (medication orders, observations or the patient) and says which.</p>");
        } else {
            html.append(CardBuilder.esc(r.id())).append("</title><h1>").append(CardBuilder.esc(r.id())).append(' ')
                    .append(CardBuilder.esc(r.title())).append("</h1><p>Status: ").append(CardBuilder.esc(r.status()))
                    .append("; indicator: ").append(r.indicator().code()).append("; evidence: ")
                    .append(CardBuilder.esc(r.evidence())).append("</p><h2>Sources</h2><ul>");
            r.sources().forEach(s -> html.append("<li>").append(CardBuilder.esc(s)).append("</li>"));
            html.append("</ul><p>The full catalog with each rule's clinical statement: docs/rule-catalog.md of ")
                    .append(engine.knowledgeBase().name()).append(' ').append(engine.knowledgeBase().version())
                    .append(".</p>");
        }
        ctx.status(200).contentType("text/html; charset=utf-8").result(html.toString());
    }

    private void health(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("knowledgeBase", engine.knowledgeBase());
        m.put("rules", rules.size());
        m.put("services", SERVICES.stream().map(Service::id).toList());
        m.put("insecureDev", config.insecureDev());
        json(ctx, 200, m);
    }

    private void resource(Context ctx, String name) throws IOException {
        if (!name.matches("[a-z0-9-]+\\.json")) {
            throw new BadRequest(404, "no example '" + name + "'");
        }
        try (InputStream in = CdsHooksServer.class.getResourceAsStream("/org/oihkb/cds/examples/" + name)) {
            if (in == null) {
                throw new BadRequest(404, "no example '" + name + "'");
            }
            ctx.status(200).contentType("application/json")
                    .result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void json(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType("application/json").result(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
