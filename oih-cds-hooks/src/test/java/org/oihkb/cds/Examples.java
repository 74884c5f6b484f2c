package org.oihkb.cds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.oihkb.json.RecordJson;

/** Test stand-ins until requests are read through oih-fhir: the possible-OIH record with its draft order. */
final class Examples {
    private Examples() {
    }

    static RecordSource.Mapping read(String json, LocalDate asOf) {
        try (InputStream in = Examples.class.getResourceAsStream("/records/possible-oih-draft-escalation.json")) {
            return new RecordSource.Mapping(RecordJson.reader().read(in).record(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Prefetch.FhirSearch noFetch() {
        return (server, token, query) -> {
            throw new IllegalStateException("no fetch expected");
        };
    }
}
