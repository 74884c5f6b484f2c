package org.oihkb.cds;

import org.oihkb.fhir.FhirInputException;
import org.oihkb.fhir.FhirMapping;
import org.oihkb.fhir.FhirRecords;
import org.oihkb.model.DataQualityNote;

/**
 * The FHIR side of the service, on the process's one {@link FhirRecords} (and so its one FHIR context):
 * requests become records through oih-fhir, missing prefetch is fetched with HAPI's generic client.
 */
final class Wiring {
    private Wiring() {
    }

    /** Reads requests with oih-fhir; what it cannot read at all is a 400 naming the field and the value. */
    static RecordSource recordSource(FhirRecords fhir) {
        return (json, asOf) -> {
            FhirMapping m;
            try {
                m = fhir.fromCdsHooksRequest(json, asOf);
            } catch (FhirInputException e) {
                throw new BadRequest(e.getMessage());
            }
            return new RecordSource.Mapping(m.record(), m.notes().stream().map(DataQualityNote::summary).toList());
        };
    }

    static Prefetch.FhirSearch fhirSearch(FhirRecords fhir, ServiceConfig config) {
        return new HapiFhirSearch(fhir.context(), (int) Math.min(Integer.MAX_VALUE, config.fetchTimeoutMillis()));
    }
}
