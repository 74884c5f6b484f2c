package org.oihkb.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.oihkb.engine.OihEngine;
import org.oihkb.json.RecordJson;
import org.oihkb.model.Assessment;
import org.oihkb.model.DataQualityNote;
import org.oihkb.model.Finding;
import org.oihkb.model.InvalidRecordException;
import org.oihkb.model.Option;

/**
 * The outcome of assessing one published case with an engine: reproduced, or a miss that says what was
 * required and forbidden and what came out.
 *
 * @param name the case
 * @param reproduced every required id appeared and no forbidden one did
 * @param why for a miss, what differed and what came out; empty when reproduced
 */
record CaseRun(String name, boolean reproduced, String why) {

    /**
     * Assesses a case. A record the reader refuses (vocabulary the model does not have yet) is a miss that
     * quotes the reader's message; an unknown field in the record is an error of the case file.
     *
     * @throws CaseFileException when the record has a field the contract does not define
     */
    static CaseRun of(PublishedCase c, OihEngine engine) {
        RecordJson.ReadResult read;
        try {
            read = RecordJson.reader().read(c.record());
        } catch (InvalidRecordException e) {
            return new CaseRun(c.name(), false, "record not accepted by the model: " + e.getMessage());
        }
        for (DataQualityNote w : read.warnings()) {
            if (w.id().equals(RecordJson.UNKNOWN_FIELD)) {
                throw new CaseFileException(c.file() + ": record: " + w.summary());
            }
        }
        Assessment a = engine.assess(read.record());
        Set<String> findings = new TreeSet<>();
        a.findings().stream().map(Finding::id).forEach(findings::add);
        Set<String> options = new TreeSet<>();
        a.options().stream().map(Option::id).forEach(options::add);
        List<String> problems = new ArrayList<>();
        compare("finding", c.require().findings(), c.forbid().findings(), findings, problems);
        compare("option", c.require().options(), c.forbid().options(), options, problems);
        if (problems.isEmpty()) {
            return new CaseRun(c.name(), true, "");
        }
        return new CaseRun(c.name(), false, String.join("; ", problems) + "; came out: findings " + findings
                + ", options " + options);
    }

    private static void compare(String kind, List<String> required, List<String> forbidden, Set<String> actual,
                                List<String> problems) {
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(actual);
        if (!missing.isEmpty()) {
            problems.add("required " + kind + (missing.size() > 1 ? "s " : " ") + missing + " missing");
        }
        Set<String> present = new TreeSet<>(forbidden);
        present.retainAll(actual);
        if (!present.isEmpty()) {
            problems.add("forbidden " + kind + (present.size() > 1 ? "s " : " ") + present + " present");
        }
    }
}
