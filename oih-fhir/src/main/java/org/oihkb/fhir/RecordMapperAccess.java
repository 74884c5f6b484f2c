package org.oihkb.fhir;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

import org.hl7.fhir.r4.model.BaseDateTimeType;

/** Date helpers shared by the front door (dates as written, never in the JVM's zone). */
final class RecordMapperAccess {

    private RecordMapperAccess() {
    }

    static LocalDate date(Date d) {
        return d == null ? null : d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    static LocalDate date(BaseDateTimeType t) {
        return t == null || t.getValue() == null ? null : LocalDate.of(t.getYear(), t.getMonth() + 1, t.getDay());
    }
}
