package org.oihkb.cds;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Fetches missing prefetch with HAPI's generic client: a read for {@code Type/id}, a search for
 * {@code Type?...} with at most {@link #MAX_PAGES} pages followed. Connect and read time limits are set on
 * the process's one FHIR context; the caller enforces the overall limit.
 */
final class HapiFhirSearch implements Prefetch.FhirSearch {

    static final int MAX_PAGES = 10;

    private final FhirContext context;
    private final ObjectMapper json = new ObjectMapper();

    HapiFhirSearch(FhirContext context, int timeoutMillis) {
        this.context = context;
        IRestfulClientFactory factory = context.getRestfulClientFactory();
        // a backstop beyond the caller's deadline: that deadline must fire first, so the card says the server did
        // not answer in time rather than an exception name (equal limits raced on a loaded machine)
        int backstop = (int) Math.min(Integer.MAX_VALUE, timeoutMillis + 1_000L);
        factory.setConnectTimeout(backstop);
        factory.setSocketTimeout(backstop);
        factory.setConnectionRequestTimeout(backstop);
        // no metadata round trip before every first call to a server
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        // the client factory builds its HTTP machinery on first use: pay that at start, not in a hook's time limit
        context.newRestfulGenericClient("http://127.0.0.1/");
    }

    @Override
    public JsonNode search(String fhirServer, String accessToken, String query) throws Exception {
        IGenericClient client = context.newRestfulGenericClient(fhirServer);
        if (accessToken != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(accessToken));
        }
        IBaseResource result;
        if (query.contains("?")) {
            Bundle bundle = client.search().byUrl(query).returnBundle(Bundle.class).execute();
            Bundle page = bundle;
            for (int i = 1; i < MAX_PAGES && page.getLink(Bundle.LINK_NEXT) != null; i++) {
                page = client.loadPage().next(page).execute();
                bundle.getEntry().addAll(page.getEntry());
            }
            bundle.getLink().clear();
            result = bundle;
        } else {
            List<String> parts = List.of(query.split("/", 2));
            result = client.read().resource(parts.get(0)).withId(parts.get(1)).execute();
        }
        return json.readTree(context.newJsonParser().encodeResourceToString(result));
    }
}
