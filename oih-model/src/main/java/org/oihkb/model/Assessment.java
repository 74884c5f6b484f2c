package org.oihkb.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The explained result of assessing one record (docs/contract.md section 2): decision support that supports,
 * never replaces, clinical judgement. Findings, options and notes are sorted by id, so the same record
 * always gives an equal assessment.
 *
 * @param recordId the record's id, or {@code null}
 * @param patientId the patient's id
 * @param asOf the date assessed for
 * @param knowledgeBase which knowledge produced it
 * @param exposure opioid exposure and its MME trace
 * @param findings conclusions, sorted by id
 * @param options treatment options with their cautions, sorted by id
 * @param dataQuality what could not be used and why
 * @param withheldOptions options not offered because a contraindication holds, sorted by option and
 *                        caution id
 * @param otherEdition what the other MME edition gives, when it changes the current or peak MME or a band;
 *                     otherwise {@code null} (written as {@code exposure.otherEdition})
 */
public record Assessment(String recordId, String patientId, LocalDate asOf, KnowledgeBaseInfo knowledgeBase,
                         Exposure exposure, List<Finding> findings, List<Option> options,
                         List<DataQualityNote> dataQuality, List<WithheldOption> withheldOptions,
                         OtherEdition otherEdition) {

    /** An assessment whose MME does not depend on the edition. */
    public Assessment(String recordId, String patientId, LocalDate asOf, KnowledgeBaseInfo knowledgeBase,
                      Exposure exposure, List<Finding> findings, List<Option> options,
                      List<DataQualityNote> dataQuality, List<WithheldOption> withheldOptions) {
        this(recordId, patientId, asOf, knowledgeBase, exposure, findings, options, dataQuality, withheldOptions, null);
    }

    /** An assessment that withholds no option. */
    public Assessment(String recordId, String patientId, LocalDate asOf, KnowledgeBaseInfo knowledgeBase,
                      Exposure exposure, List<Finding> findings, List<Option> options,
                      List<DataQualityNote> dataQuality) {
        this(recordId, patientId, asOf, knowledgeBase, exposure, findings, options, dataQuality, List.of(), null);
    }

    /** Copies and sorts the lists. */
    public Assessment {
        withheldOptions = withheldOptions == null ? List.of() : withheldOptions.stream()
                .sorted(Comparator.comparing(WithheldOption::optionId).thenComparing(WithheldOption::cautionId)
                        .thenComparing(WithheldOption::reason)).toList();
        findings = findings.stream().sorted(Comparator.comparing(Finding::id).thenComparing(Finding::summary)).toList();
        options = options.stream().sorted(Comparator.comparing(Option::id).thenComparing(Option::summary)).toList();
        dataQuality = dataQuality.stream()
                .sorted(Comparator.comparing(DataQualityNote::id).thenComparing(DataQualityNote::summary)).toList();
    }

    /** The finding with this id, if it fired. */
    public Optional<Finding> finding(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The option with this id, if offered. */
    public Optional<Option> option(String id) {
        return options.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** The options not offered with this option id (one per contraindication that holds). */
    public List<WithheldOption> withheld(String optionId) {
        return withheldOptions.stream().filter(w -> w.optionId().equals(optionId)).toList();
    }

    /**
     * Every id that fired: findings and their cautions, options, their cautions and checks, the rules that
     * withheld an option, and data-quality notes, sorted.
     */
    public List<String> firedIds() {
        return Stream.of(findings.stream().map(Finding::id), options.stream().map(Option::id),
                        findings.stream().flatMap(f -> f.cautions().stream()).map(Caution::id),
                        options.stream().flatMap(o -> o.cautions().stream()).map(Caution::id),
                        options.stream().flatMap(o -> o.checks().stream()).map(RecordCheck::id),
                        withheldOptions.stream().map(WithheldOption::cautionId),
                        dataQuality.stream().map(DataQualityNote::id))
                .flatMap(s -> s).distinct().sorted().toList();
    }

    /** A copy with more data-quality notes, for example warnings from reading the input. */
    public Assessment withDataQuality(List<DataQualityNote> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<DataQualityNote> all = new ArrayList<>(dataQuality);
        all.addAll(more);
        return new Assessment(recordId, patientId, asOf, knowledgeBase, exposure, findings, options, all,
                withheldOptions, otherEdition);
    }
}
