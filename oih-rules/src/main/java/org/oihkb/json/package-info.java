/**
 * The JSON side of the public contract (docs/contract.md): {@link org.oihkb.json.RecordJson} reads a patient
 * record with field-level error messages, {@link org.oihkb.json.AssessmentJson} writes an assessment. The
 * JSON Schemas of both are published beside them ({@code record.schema.json}, {@code assessment.schema.json}).
 * Jackson stays here, out of {@code oih-model}.
 */
package org.oihkb.json;
