package org.oihkb.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.oihkb.model.Assessment;
import org.oihkb.model.Caution;
import org.oihkb.model.Finding;
import org.oihkb.model.Option;
import org.oihkb.model.RecordCheck;

/**
 * The order a clinician reads an assessment in, shared by the text and HTML reports: the conclusion of the
 * differential and the regimen warnings first, then the options, then what is not offered and what to
 * check, then the rest. Findings of one id are one entry; a caution on every option is shown once. The
 * JSON keeps the contract's order by id.
 */
final class ReportSections {

    /** Findings of one id for this patient, with each of their sentences. */
    record Entry(Finding first, List<Finding> all) {
    }

    /** A check with the options that list it. */
    record CheckEntry(RecordCheck check, List<String> optionTitles) {
    }

    private static final Comparator<Finding> URGENT_FIRST = Comparator.comparing((Finding f) -> -f.indicator().ordinal())
            .thenComparing(Finding::id);

    final List<Entry> conclusion;
    final List<Entry> regimen;
    final List<Entry> other;
    final List<Caution> everyOption;
    final Map<Option, List<Caution>> ownCautions;
    final List<CheckEntry> checks;

    ReportSections(Assessment a) {
        List<Finding> c = new ArrayList<>();
        List<Finding> r = new ArrayList<>();
        List<Finding> o = new ArrayList<>();
        for (Finding f : a.findings()) {
            (isConclusion(f.id()) ? c : isRegimen(f.id()) ? r : o).add(f);
        }
        conclusion = group(c);
        regimen = group(r);
        other = group(o);

        Set<String> shared = new TreeSet<>();
        if (a.options().size() > 1) {
            a.options().get(0).cautions().forEach(x -> shared.add(x.id() + "\u0000" + x.summary()));
            for (Option opt : a.options()) {
                Set<String> mine = new TreeSet<>();
                opt.cautions().forEach(x -> mine.add(x.id() + "\u0000" + x.summary()));
                shared.retainAll(mine);
            }
        }
        everyOption = new ArrayList<>();
        ownCautions = new LinkedHashMap<>();
        for (Option opt : a.options()) {
            List<Caution> own = new ArrayList<>();
            for (Caution x : opt.cautions()) {
                if (shared.contains(x.id() + "\u0000" + x.summary())) {
                    if (everyOption.stream().noneMatch(e -> e.id().equals(x.id()) && e.summary().equals(x.summary()))) {
                        everyOption.add(x);
                    }
                } else {
                    own.add(x);
                }
            }
            ownCautions.put(opt, own);
        }
        Map<String, CheckEntry> byCheck = new LinkedHashMap<>();
        for (Option opt : a.options()) {
            for (RecordCheck k : opt.checks()) {
                byCheck.computeIfAbsent(k.id() + "\u0000" + k.summary(), x -> new CheckEntry(k, new ArrayList<>()))
                        .optionTitles().add(opt.title());
            }
        }
        List<CheckEntry> sorted = new ArrayList<>(byCheck.values());
        sorted.sort(Comparator.comparing((CheckEntry e) -> e.check().id()));
        checks = sorted;
    }

    /** The conclusion of the differential: OIH-0xx findings. */
    static boolean isConclusion(String id) {
        return id.startsWith("OIH-");
    }

    /** Warnings about the regimen the patient takes now. */
    static boolean isRegimen(String id) {
        return id.startsWith("REG-") || id.equals("OUD-020") || id.equals("OUD-050");
    }

    private static List<Entry> group(List<Finding> findings) {
        findings.sort(URGENT_FIRST);
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (Finding f : findings) {
            byId.computeIfAbsent(f.id(), k -> new Entry(f, new ArrayList<>())).all().add(f);
        }
        return List.copyOf(byId.values());
    }

    /**
     * "With cdc-2016 factors: current 48 MME/day, peak 48 MME/day; at or above 50: no, at or above 90: no"; a lower
     * bound reads "at least 48 MME/day" and a figure that cannot be computed "not computable", never 0.
     */
    static String otherEdition(org.oihkb.model.OtherEdition o) {
        List<String> bands = new ArrayList<>();
        o.bands().forEach(b -> bands.add("at or above " + org.oihkb.facts.Text.num(b.thresholdMmePerDay()) + ": "
                + b.status()));
        return "With " + o.mmeEdition() + " factors: current " + figure(o.currentMmePerDay(), o.complete())
                + ", peak " + figure(o.peakMmePerDay(), o.peakComplete()) + "; " + String.join(", ", bands);
    }

    private static String figure(Double mme, boolean complete) {
        return mme == null || complete ? org.oihkb.facts.Text.mme(mme)
                : "at least " + org.oihkb.facts.Text.mme(mme.doubleValue());
    }

    /** "rotation to methadone by an experienced prescriber": an option title inside a sentence. */
    static String lower(String title) {
        // keep acronyms: "NSAID as an adjunct" stays as it is
        if (title.length() < 2 || Character.isUpperCase(title.charAt(1))) {
            return title;
        }
        return Character.toLowerCase(title.charAt(0)) + title.substring(1);
    }
}
