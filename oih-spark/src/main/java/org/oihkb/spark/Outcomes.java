package org.oihkb.spark;

import java.time.LocalDate;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.oihkb.model.Assessment;
import org.oihkb.model.DataQualityNote;
import org.oihkb.model.Finding;
import org.oihkb.model.Option;
import org.oihkb.model.WithheldOption;

/**
 * One row per input (a JSON Lines record or a FHIR patient): either an assessment or a rejection. The job writes
 * the {@code patients}, {@code findings} and {@code rejected} tables from these rows, so every input lands in
 * exactly one of {@code patients} and {@code rejected}. Column names follow the JSON contract.
 */
final class Outcomes {

    static final String ASSESSED = "assessed";
    static final String REJECTED = "rejected";

    /** A finding with its evidence, nested in the outcome row and exploded into the findings table. */
    static final StructType FINDING = new StructType(new StructField[] {
        DataTypes.createStructField("id", DataTypes.StringType, false),
        DataTypes.createStructField("title", DataTypes.StringType, false),
        DataTypes.createStructField("indicator", DataTypes.StringType, false),
        DataTypes.createStructField("summary", DataTypes.StringType, false),
        DataTypes.createStructField("evidence", strings(), false),
        DataTypes.createStructField("sources", strings(), false),
        DataTypes.createStructField("criteriaMet", strings(), false),
        DataTypes.createStructField("criteriaNotMet", strings(), false),
    });

    static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("status", DataTypes.StringType, false),
        // where the input came from: its line in the JSON Lines input, or the FHIR Patient resource id
        DataTypes.createStructField("line", DataTypes.LongType, true),
        DataTypes.createStructField("sourceId", DataTypes.StringType, true),
        DataTypes.createStructField("recordId", DataTypes.StringType, true),
        DataTypes.createStructField("patientId", DataTypes.StringType, true),
        DataTypes.createStructField("asOf", DataTypes.DateType, true),
        // null when no current pain dose has an MME (contract revision 2): never 0 for "unknown"
        DataTypes.createStructField("currentMmePerDay", DataTypes.DoubleType, true),
        DataTypes.createStructField("complete", DataTypes.BooleanType, true),
        DataTypes.createStructField("conclusion", DataTypes.StringType, true),
        DataTypes.createStructField("findingIds", strings(), true),
        DataTypes.createStructField("optionIds", strings(), true),
        DataTypes.createStructField("withheldOptionIds", strings(), true),
        DataTypes.createStructField("regimenWarnings", strings(), true),
        DataTypes.createStructField("dataQualityIds", strings(), true),
        DataTypes.createStructField("findings", DataTypes.createArrayType(FINDING, false), true),
        DataTypes.createStructField("reason", DataTypes.StringType, true),
    });

    private Outcomes() {
    }

    private static org.apache.spark.sql.types.ArrayType strings() {
        return DataTypes.createArrayType(DataTypes.StringType, false);
    }

    static Row assessed(Long line, String sourceId, Assessment a) {
        List<Finding> findings = a.findings();
        String[] findingIds = new String[findings.size()];
        Row[] findingRows = new Row[findings.size()];
        int regimen = 0;
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            findingIds[i] = f.id();
            findingRows[i] = RowFactory.create(f.id(), f.title(), f.indicator().code(), f.summary(), array(f.evidence()),
                    array(f.sources()), array(f.criteriaMet()), array(f.criteriaNotMet()));
            if (f.id().startsWith("REG-")) {
                regimen++;
            }
        }
        String[] regimenWarnings = new String[regimen];
        for (int i = 0, j = 0; i < findings.size(); i++) {
            if (findingIds[i].startsWith("REG-")) {
                regimenWarnings[j++] = findingIds[i];
            }
        }
        List<Option> options = a.options();
        String[] optionIds = new String[options.size()];
        for (int i = 0; i < optionIds.length; i++) {
            optionIds[i] = options.get(i).id();
        }
        List<DataQualityNote> notes = a.dataQuality();
        String[] noteIds = new String[notes.size()];
        for (int i = 0; i < noteIds.length; i++) {
            noteIds[i] = notes.get(i).id();
        }
        Double mme = a.exposure().currentMmePerDay();
        LocalDate asOf = a.asOf();
        return RowFactory.create(ASSESSED, line, sourceId, a.recordId(), a.patientId(), asOf, mme,
                a.exposure().complete(), Conclusions.of(a), findingIds, optionIds, withheldOptionIds(a),
                regimenWarnings, noteIds, findingRows, null);
    }

    static Row rejected(Long line, String sourceId, String reason) {
        return RowFactory.create(REJECTED, line, sourceId, null, null, null, null, null, null, null, null, null, null,
                null, null, reason);
    }

    /** The ids of the options withheld because a contraindication holds, each once, in the assessment's order. */
    private static String[] withheldOptionIds(Assessment a) {
        return a.withheldOptions().stream().map(WithheldOption::optionId).distinct().toArray(String[]::new);
    }

    private static String[] array(List<String> values) {
        return values.toArray(new String[0]);
    }
}
