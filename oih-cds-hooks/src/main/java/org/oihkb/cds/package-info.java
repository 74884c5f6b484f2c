/**
 * The CDS Hooks 2.0 service: {@link org.oihkb.cds.CdsHooksMain} starts it, {@link org.oihkb.cds.CdsHooksServer}
 * answers the hooks with cards built from one {@link org.oihkb.engine.OihEngine} assessment, checks the EHR's
 * JWT ({@link org.oihkb.cds.JwtVerifier}) and keeps feedback ({@link org.oihkb.cds.FeedbackStore}). It sits
 * on top of oih-fhir (requests to records) and oih-rules (records to assessments).
 */
package org.oihkb.cds;
