/**
 * FHIR R4 in: {@link org.oihkb.fhir.FhirRecords} turns a FHIR R4 Bundle, a set of resources or a CDS Hooks
 * request (context and prefetch) into the contract's {@link org.oihkb.model.PatientRecord}, with a
 * data-quality note for everything it could not use. Opioid doses are computed from RxNorm codes by the
 * CDC MME calculator's rules over the CDC OMTK drug table; {@code asOf} is always given or taken from the
 * request, never from the clock. The core modules (oih-model, oih-rules) do not depend on this one.
 */
package org.oihkb.fhir;
