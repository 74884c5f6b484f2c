package org.oihkb.cds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The prefetch templates every service declares, and what happens when the EHR sent less: each missing
 * template is searched on the request's {@code fhirServer} with its {@code fhirAuthorization} token, within
 * a time limit, and whatever could still not be had is named so the cards can say so. A template counts as
 * sent when its key is present, or when another prefetch entry already holds that resource type (EHRs
 * configured for other services send their own keys).
 */
final class Prefetch {

    /**
     * One template.
     *
     * @param key the prefetch key
     * @param resourceType what it returns
     * @param query the FHIR query with CDS Hooks prefetch tokens
     * @param what a clinician's name for it
     * @param essential whether the OIH check means nothing without it
     */
    record Template(String key, String resourceType, String query, String what, boolean essential) {
    }

    static final List<Template> TEMPLATES = List.of(
            new Template("patient", "Patient", "Patient/{{context.patientId}}", "the patient's age and sex", true),
            new Template("medicationRequests", "MedicationRequest", "MedicationRequest?patient={{context.patientId}}",
                    "medication orders (opioids and co-medication)", true),
            new Template("medicationStatements", "MedicationStatement",
                    "MedicationStatement?patient={{context.patientId}}", "medication statements", false),
            new Template("observations", "Observation", "Observation?patient={{context.patientId}}",
                    "observations (pain scores, QTc, kidney function)", true),
            new Template("conditions", "Condition", "Condition?patient={{context.patientId}}", "conditions", false));

    /** Searches one FHIR server; implementations enforce their own time limit too. */
    interface FhirSearch {
        /**
         * @param fhirServer the base URL
         * @param accessToken the bearer token, or {@code null}
         * @param query the query with the patient filled in, relative to the base
         * @return the resource or search Bundle as JSON
         * @throws Exception naming what failed
         */
        JsonNode search(String fhirServer, String accessToken, String query) throws Exception;
    }

    /**
     * The request with every fetched template added to its prefetch, and what is still missing.
     *
     * @param request the request to assess
     * @param missing one sentence per template that could not be had
     * @param essentialMissing whether one of them was essential
     */
    record Completed(ObjectNode request, List<String> missing, boolean essentialMissing) {
    }

    private final FhirSearch search;
    private final List<String> allowedServers;
    private final long timeoutMillis;
    private final ExecutorService executor;

    Prefetch(FhirSearch search, List<String> allowedServers, long timeoutMillis, ExecutorService executor) {
        this.search = search;
        this.allowedServers = List.copyOf(allowedServers);
        this.timeoutMillis = timeoutMillis;
        this.executor = executor;
    }

    /** The templates as the discovery document lists them. */
    static Map<String, String> discovery() {
        Map<String, String> m = new LinkedHashMap<>();
        TEMPLATES.forEach(t -> m.put(t.key(), t.query()));
        return m;
    }

    /** Fetches what the request lacks, all templates in parallel, each within the time limit. */
    Completed complete(ObjectNode request, String patientId, ObjectMapper json) {
        JsonNode prefetch = request.path("prefetch");
        Set<String> sentTypes = TypesInPrefetch.of(prefetch);
        List<Template> needed = new ArrayList<>();
        for (Template t : TEMPLATES) {
            boolean sent = prefetch.hasNonNull(t.key()) || sentTypes.contains(t.resourceType());
            if (!sent) {
                needed.add(t);
            }
        }
        List<String> missing = new ArrayList<>();
        boolean essential = false;
        if (needed.isEmpty()) {
            return new Completed(request, missing, false);
        }
        String server = request.path("fhirServer").asText(null);
        String refusal = refusal(server);
        ObjectNode outPrefetch = prefetch.isObject() ? ((ObjectNode) prefetch).deepCopy() : json.createObjectNode();
        if (refusal != null) {
            for (Template t : needed) {
                missing.add(capitalised(t.what()) + " (" + t.resourceType() + "): not sent and not fetched, " + refusal);
                essential |= t.essential();
            }
        } else {
            String token = request.path("fhirAuthorization").path("access_token").asText(null);
            String bareId = patientId.startsWith("Patient/") ? patientId.substring(8) : patientId;
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (Template t : needed) {
                String query = t.query().replace("{{context.patientId}}", bareId);
                futures.add(executor.submit(() -> search.search(server, token, query)));
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            for (int i = 0; i < needed.size(); i++) {
                Template t = needed.get(i);
                try {
                    long left = Math.max(1, deadline - System.nanoTime());
                    outPrefetch.set(t.key(), futures.get(i).get(left, TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    futures.get(i).cancel(true);
                    missing.add(capitalised(t.what()) + " (" + t.resourceType() + "): the FHIR server did not answer "
                            + "within " + timeoutMillis + " ms");
                    essential |= t.essential();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    missing.add(capitalised(t.what()) + " (" + t.resourceType() + "): fetch interrupted");
                    essential |= t.essential();
                } catch (Exception e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    missing.add(capitalised(t.what()) + " (" + t.resourceType() + "): fetch failed, "
                            + cause.getClass().getSimpleName());
                    essential |= t.essential();
                }
            }
        }
        ObjectNode out = request.deepCopy();
        out.set("prefetch", outPrefetch);
        return new Completed(out, missing, essential);
    }

    private String refusal(String server) {
        if (server == null || server.isBlank()) {
            return "the request names no fhirServer";
        }
        if (!server.startsWith("https://") && !server.startsWith("http://")) {
            return "fhirServer is not an http(s) URL";
        }
        if (!allowedServers.isEmpty() && allowedServers.stream().noneMatch(server::startsWith)) {
            return "its fhirServer is not in this service's allowedFhirServers";
        }
        return null;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The resource types held anywhere in a prefetch object, CDS Hooks 1.x {@code resource} wrappers included. */
    static final class TypesInPrefetch {
        private TypesInPrefetch() {
        }

        static Set<String> of(JsonNode prefetch) {
            Set<String> types = new java.util.TreeSet<>();
            prefetch.forEach(v -> collect(v, types));
            return types;
        }

        private static void collect(JsonNode v, Set<String> types) {
            if (v == null || !v.isObject()) {
                return;
            }
            if (v.has("resource") && !v.has("resourceType")) {
                collect(v.get("resource"), types);
                return;
            }
            String type = v.path("resourceType").asText("");
            if ("Bundle".equals(type)) {
                v.path("entry").forEach(e -> collect(e.path("resource"), types));
            } else if (!type.isEmpty()) {
                types.add(type);
            }
        }
    }
}
