package org.oihkb.bench.peer;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.lang3.tuple.Pair;
import org.cqframework.cql.cql2elm.CqlCompilerException;
import org.cqframework.cql.cql2elm.CqlCompilerOptions;
import org.cqframework.cql.cql2elm.DefaultLibrarySourceProvider;
import org.cqframework.cql.cql2elm.LibraryBuilder;
import org.cqframework.cql.cql2elm.LibraryManager;
import org.cqframework.cql.cql2elm.ModelManager;
import org.cqframework.cql.cql2elm.quick.FhirLibrarySourceProvider;
import org.hl7.elm.r1.VersionedIdentifier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.opencds.cqf.cql.engine.data.CompositeDataProvider;
import org.opencds.cqf.cql.engine.execution.CqlEngine;
import org.opencds.cqf.cql.engine.execution.Environment;
import org.opencds.cqf.cql.engine.execution.EvaluationResult;
import org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver;
import org.opencds.cqf.cql.engine.retrieve.RetrieveProvider;
import org.opencds.cqf.cql.engine.runtime.Quantity;

/**
 * The peer at its best: the CDC MME calculator's CQL translated once per JVM with SignatureLevel Overloads
 * (the repository's cql-options.json says None, measured about 8x slower), no expression caching, a new
 * CqlEngine per evaluation over one shared Environment.
 */
final class CqlPeer {

    static final VersionedIdentifier LIBRARY = new VersionedIdentifier().withId("MMECalculatorTests").withVersion("3.0.0");

    private final Environment environment;

    /** Translates the libraries: the costly, once-per-JVM step. */
    CqlPeer(Map<String, List<IBaseResource>> medicationRequestsByPatient) {
        CqlCompilerOptions options = new CqlCompilerOptions(CqlCompilerException.ErrorSeverity.Info,
                LibraryBuilder.SignatureLevel.Overloads, CqlCompilerOptions.Options.DisableListDemotion,
                CqlCompilerOptions.Options.DisableListPromotion);
        options.setValidateUnits(true);
        LibraryManager manager = new LibraryManager(new ModelManager(), options);
        Path cql = Patients.testdata().resolve("opioid-mme-r4/cql");
        manager.getLibrarySourceLoader().registerProvider(new DefaultLibrarySourceProvider(cql));
        // OMTKData.cql is the library's RxNorm data and lives in oih-fhir
        manager.getLibrarySourceLoader().registerProvider(new DefaultLibrarySourceProvider(
                Patients.root().resolve("oih-fhir/src/main/rxnorm")));
        manager.getLibrarySourceLoader().registerProvider(new FhirLibrarySourceProvider());
        List<CqlCompilerException> errors = new ArrayList<>();
        manager.resolveLibrary(LIBRARY, errors);
        for (CqlCompilerException e : errors) {
            if (e.getSeverity() == CqlCompilerException.ErrorSeverity.Error) {
                throw new IllegalStateException("CQL translation failed: " + e.getMessage());
            }
        }
        Map<String, List<Object>> byPatient = new HashMap<>();
        medicationRequestsByPatient.forEach((id, rs) -> byPatient.put(id, new ArrayList<>(rs.stream()
                .filter(MedicationRequest.class::isInstance).toList())));
        RetrieveProvider retrieve = (context, contextPath, contextValue, dataType, templateId, codePath, codes,
                                     valueSet, datePath, dateLowPath, dateHighPath, dateRange) ->
                "MedicationRequest".equals(dataType) && contextValue != null
                        ? byPatient.getOrDefault(contextValue.toString(), List.of()) : List.of();
        environment = new Environment(manager, Map.of("http://hl7.org/fhir",
                new CompositeDataProvider(new R4FhirModelResolver(), retrieve)), null);
    }

    /** TotalMME of one patient in MME/day, or {@code null} (no medication). */
    Double totalMme(String patientId) {
        EvaluationResult r = new CqlEngine(environment).evaluate(LIBRARY, Set.of("TotalMME"),
                Pair.<String, Object>of("Patient", patientId), Map.of(), null, ZonedDateTime.of(2023, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        Object value = r.forExpression("TotalMME").value();
        return value instanceof Quantity q ? q.getValue().doubleValue() : null;
    }

}
