package org.oihkb.spark;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.oihkb.engine.MmeEdition;
import org.oihkb.engine.OihEngine;
import org.oihkb.model.Assessment;
import org.oihkb.model.PatientRecord;

/**
 * The built-in knowledge base. Only the MME edition travels with the task; the engine is built the first time
 * a task needs it in an executor JVM and then shared by every task of that JVM (it is thread-safe). An engine
 * is never serialised: its rule base is JVM-local.
 */
public final class EngineAssessor implements Assessor {

    private static final long serialVersionUID = 1L;

    private static final Map<MmeEdition, OihEngine> ENGINES = new EnumMap<>(MmeEdition.class);

    private final MmeEdition edition;

    /** An assessor with the built-in rules and the given MME table. */
    public EngineAssessor(MmeEdition edition) {
        this.edition = Objects.requireNonNull(edition, "edition");
    }

    /** The engine of this JVM for {@code edition}, built on first use. */
    static OihEngine engine(MmeEdition edition) {
        synchronized (ENGINES) {
            return ENGINES.computeIfAbsent(edition, e -> OihEngine.builder().edition(e).build());
        }
    }

    @Override
    public Assessment assess(PatientRecord record) {
        return engine(edition).assess(record);
    }
}
