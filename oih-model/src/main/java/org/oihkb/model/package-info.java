/**
 * The patient record that goes into an assessment and the assessment that comes out: immutable,
 * validated value types with no dependency on Drools or on any JSON library, so hosts (a FHIR mapper,
 * a Spark job, the JSON reader in {@code oih-rules}) can build and read them directly.
 *
 * <p>Input: {@link org.oihkb.model.PatientRecord} and its facts ({@link org.oihkb.model.DoseEvent},
 * {@link org.oihkb.model.Symptom}, ...), which throw {@link org.oihkb.model.InvalidRecordException}
 * naming the field and the value. Output: {@link org.oihkb.model.Assessment} with its findings, options,
 * cautions and data-quality notes.
 */
package org.oihkb.model;
