package org.oihkb.spark;

import java.io.Serializable;

import org.oihkb.model.Assessment;
import org.oihkb.model.PatientRecord;

/**
 * Assesses one record on an executor. Serialised into every task, so an implementation carries only its
 * settings and finds its engine in the executor JVM (see {@link EngineAssessor}).
 */
@FunctionalInterface
public interface Assessor extends Serializable {

    /**
     * @throws org.oihkb.engine.AssessmentException if a rule fails on this record: the record is rejected and
     *         the job goes on; any other exception fails the task, which Spark retries
     */
    Assessment assess(PatientRecord record);
}
