/** The mapping behind {@link org.oihkb.fhir.FhirRecords}; not an API, may change in any release. */
package org.oihkb.fhir.internal;
