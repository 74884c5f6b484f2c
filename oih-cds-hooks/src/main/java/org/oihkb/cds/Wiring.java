package org.oihkb.cds;

/** The FHIR side of the service: how requests become records and how missing prefetch is fetched. */
final class Wiring {
    private Wiring() {
    }

    static RecordSource recordSource() {
        return (json, asOf) -> {
            throw new BadRequest(501, "this build has no FHIR mapping yet (module oih-fhir)");
        };
    }

    static Prefetch.FhirSearch fhirSearch(ServiceConfig config) {
        return (server, token, query) -> {
            throw new UnsupportedOperationException("no FHIR client in this build");
        };
    }
}
