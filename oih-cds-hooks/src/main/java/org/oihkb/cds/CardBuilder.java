package org.oihkb.cds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.oihkb.model.Assessment;
import org.oihkb.model.Caution;
import org.oihkb.model.Condition;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DoseMme;
import org.oihkb.model.DoseStatus;
import org.oihkb.model.Finding;
import org.oihkb.model.Indicator;
import org.oihkb.model.Medication;
import org.oihkb.model.Observation;
import org.oihkb.model.Option;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Symptom;

/**
 * Turns one assessment into CDS Hooks 2.0 cards: one card per conclusion a clinician must see (possible
 * OIH, OIH that cannot be excluded, the differential, regimen warnings, opioid use disorder), never one
 * per intermediate finding; those appear as criteria and evidence inside the card. Card ids are stable:
 * the rule id and a hash of the patient id, so feedback can be counted per rule without naming anyone.
 * On an order being signed or selected that raises the pain dose while OIH is possible, the OIH card says
 * not to answer this pain with a higher dose and suggests removing the draft order. No card ever suggests
 * creating an order.
 */
final class CardBuilder {

    static final int MAX_SUMMARY = 140;
    /** Unused input is listed up to this many lines, then counted: a card is not a data-quality report. */
    static final int MAX_UNUSED_SHOWN = 5;
    static final String OVERRIDE_SYSTEM = "urn:oih-kb:cds:override-reason";
    static final String TOPIC_SYSTEM = "urn:oih-kb:rule";
    static final String DO_NOT_ESCALATE = "Possible opioid-induced hyperalgesia: do not answer this pain with a "
            + "higher dose";

    /** Conclusions shown as cards; the rest explain them. REG-* and critical findings are always shown. */
    private static final Set<String> CONCLUSIONS = Set.of("OIH-010", "OIH-020", "OIH-035", "OIH-040", "OIH-041",
            "OIH-042", "OIH-050", "OIH-090", "OUD-020", "OUD-040", "OUD-050");
    /**
     * Conclusions against which a higher dose is the wrong answer to more pain, in the order the card takes
     * its explanation from: possible OIH, escalation without benefit, OIH that cannot be excluded (pain rose or
     * did not ease after the earlier increases; the signs were not recorded, as in FHIR input, which has no
     * place for them yet).
     */
    private static final List<String> AGAINST_ESCALATION = List.of("OIH-010", "OIH-035", "OIH-020");
    /** The rule that says a proposed order escalates against a conclusion (when the rules have it). */
    private static final String PROPOSED_ESCALATION = "REG-100";

    private static final List<Map<String, String>> OVERRIDE_REASONS = List.of(
            reason("pain-improved-on-review", "Pain improved after my own review"),
            reason("palliative-care-plan", "Patient on a palliative or end-of-life care plan"),
            reason("already-discussed", "Already discussed with the patient or the team"),
            reason("not-applicable", "Does not apply to this patient"));

    private final Function<String, RuleLink> rules;

    /** A rule's title and where its catalog entry is. */
    record RuleLink(String title, String url) {
    }

    /**
     * What the hook call knew besides the assessment.
     *
     * @param hook {@code patient-view}, {@code order-select} or {@code order-sign}
     * @param asOfSource where the assessment date came from, for the card text
     * @param missing what could not be fetched, one sentence each
     * @param essentialMissing whether medicines, observations or the patient could not be fetched
     * @param unused what was received but could not be used, one sentence each
     * @param draftOrderIds the draft orders' resource references ({@code MedicationRequest/123})
     */
    record Context(String hook, String asOfSource, List<String> missing, boolean essentialMissing,
                   List<String> unused, List<String> draftOrderIds) {
    }

    CardBuilder(Function<String, RuleLink> rules) {
        this.rules = rules;
    }

    /** The cards for one assessment, most urgent first, then by rule id. */
    List<Map<String, Object>> cards(Assessment a, PatientRecord record, Context ctx) {
        Map<String, Finding> byId = a.findings().stream()
                .collect(Collectors.toMap(Finding::id, f -> f, (x, y) -> x, LinkedHashMap::new));
        List<Finding> shown = a.findings().stream().filter(this::shown).collect(Collectors.toCollection(ArrayList::new));
        Finding against = AGAINST_ESCALATION.stream().map(byId::get).filter(f -> f != null).findFirst().orElse(null);
        boolean ordering = "order-sign".equals(ctx.hook()) || "order-select".equals(ctx.hook());
        List<DoseEvent> escalating = ordering && against != null ? escalatingDraft(a, record, byId) : List.of();
        List<Map<String, Object>> cards = new ArrayList<>();
        if (!escalating.isEmpty()) {
            shown.remove(against);
            Finding proposed = byId.get(PROPOSED_ESCALATION);
            shown.remove(proposed);
            cards.add(doNotEscalate(a, record, ctx, against, proposed, escalating));
        }
        shown.sort(Comparator.comparing((Finding f) -> -f.indicator().ordinal()).thenComparing(Finding::id));
        for (Finding f : shown) {
            cards.add(card(f.id(), a, summaryOf(f), f.indicator(), detail(f, a, record, ctx, true), List.of()));
        }
        // regimen cards (naloxone, a benzodiazepine) hold whatever the data lacks; without a card about OIH itself,
        // missing essentials must still be said, or their absence reads as "no OIH"
        if (ctx.essentialMissing() && escalating.isEmpty()
                && shown.stream().noneMatch(f -> CONCLUSIONS.contains(f.id()))) {
            cards.add(incomplete(a, ctx));
        }
        return cards;
    }

    private boolean shown(Finding f) {
        return CONCLUSIONS.contains(f.id()) || f.id().startsWith("REG-") || f.indicator() == Indicator.CRITICAL;
    }

    /**
     * The proposed pain doses when the pain regimen with them is higher than the day before: REG-100's own
     * doses when the rules have it, otherwise the MME trace on {@code asOf} against the day before.
     */
    static List<DoseEvent> escalatingDraft(Assessment a, PatientRecord record, Map<String, Finding> byId) {
        List<DoseEvent> proposed = record.doses().stream()
                .filter(d -> d.status() == DoseStatus.PROPOSED && d.forPain()).toList();
        if (proposed.isEmpty()) {
            return List.of();
        }
        Finding reg = byId.get(PROPOSED_ESCALATION);
        if (reg != null) {
            List<DoseEvent> named = proposed.stream().filter(d -> reg.evidence().contains(d.id())).toList();
            return named.isEmpty() ? proposed : named;
        }
        LocalDate asOf = a.asOf();
        double after = mmeOn(a, asOf);
        double before = mmeOn(a, asOf.minusDays(1));
        return after > before ? proposed : List.of();
    }

    private static double mmeOn(Assessment a, LocalDate day) {
        double sum = 0;
        for (DoseMme t : a.exposure().trace()) {
            if (t.countsForThresholds() && t.computed() && t.covers(day)) {
                sum += t.mmePerDay();
            }
        }
        return sum;
    }

    private Map<String, Object> doNotEscalate(Assessment a, PatientRecord record, Context ctx, Finding against,
                                              Finding proposed, List<DoseEvent> drafts) {
        StringBuilder md = new StringBuilder();
        md.append("The order being ").append("order-sign".equals(ctx.hook()) ? "signed" : "selected")
                .append(" raises the opioid dose for pain: ");
        md.append(drafts.stream().map(d -> esc(dose(d, a))).collect(Collectors.joining("; "))).append(".\n\n");
        md.append("When pain worsens on opioids and OIH is possible, a higher dose may make it worse. "
                + "Consider not raising the dose and examining for the signs of OIH (allodynia, spreading pain, a "
                + "change in its quality)").append(a.options().isEmpty() ? ".\n\n"
                        : "; the options below are the alternatives to consider.\n\n");
        if (proposed != null) {
            md.append("**").append(esc(proposed.id())).append(" ").append(esc(proposed.title())).append("**: ")
                    .append(esc(proposed.summary())).append("\n\n");
        }
        md.append(detail(against, a, record, ctx, true));
        List<String> refs = new ArrayList<>();
        for (DoseEvent d : drafts) {
            if (d.source() != null && d.source().startsWith("MedicationRequest/")) {
                refs.add(d.source());
            }
        }
        if (refs.isEmpty()) {
            refs.addAll(ctx.draftOrderIds());
        }
        List<Map<String, Object>> suggestions = new ArrayList<>();
        if (!refs.isEmpty()) {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("type", "delete");
            action.put("description", "Remove the draft order that raises the opioid dose");
            action.put("resourceId", refs);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("label", "Remove the draft order that raises the opioid dose");
            s.put("uuid", cardId("remove-draft", a.patientId()));
            s.put("isRecommended", true);
            s.put("actions", List.of(action));
            suggestions.add(s);
        }
        String type = proposed != null ? proposed.id() : against.id();
        return card(type, a, DO_NOT_ESCALATE, Indicator.WARNING, md.toString(), suggestions);
    }

    private Map<String, Object> incomplete(Assessment a, Context ctx) {
        StringBuilder md = new StringBuilder("The OIH check could not look at everything it needs, so the absence "
                + "of other cards says nothing.\n\n**Not available**\n\n");
        ctx.missing().forEach(m -> md.append("- ").append(esc(m)).append('\n'));
        md.append('\n').append(footer(a, ctx));
        return card("CDS-001", a, "OIH check incomplete: some patient data could not be fetched", Indicator.INFO,
                md.toString(), List.of());
    }

    private Map<String, Object> card(String ruleId, Assessment a, String summary, Indicator indicator, String detail,
                                     List<Map<String, Object>> suggestions) {
        RuleLink link = rules.apply(ruleId);
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("uuid", cardId(ruleId, a.patientId()));
        card.put("summary", summary);
        card.put("indicator", indicator.code());
        card.put("detail", detail);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("label", a.knowledgeBase().name() + " " + a.knowledgeBase().version() + ": " + ruleId);
        source.put("url", link.url());
        source.put("topic", Map.of("system", TOPIC_SYSTEM, "code", ruleId, "display", link.title()));
        card.put("source", source);
        if (!suggestions.isEmpty()) {
            card.put("suggestions", suggestions);
            card.put("selectionBehavior", "at-most-one");
        }
        card.put("overrideReasons", OVERRIDE_REASONS);
        return card;
    }

    /** Rule id, a colon and the first 16 hex digits of SHA-256 over rule id and patient id. */
    static String cardId(String ruleId, String patientId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((ruleId + "|" + patientId).getBytes(StandardCharsets.UTF_8));
            return ruleId + ":" + HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The rule id a card id stands for. */
    static String cardType(String cardId) {
        int colon = cardId.indexOf(':');
        return colon > 0 ? cardId.substring(0, colon) : cardId;
    }

    private static String summaryOf(Finding f) {
        String s = f.summary();
        if (s.length() <= MAX_SUMMARY) {
            return s;
        }
        if (f.title().length() <= MAX_SUMMARY) {
            return f.title();
        }
        int cut = f.title().lastIndexOf(' ', MAX_SUMMARY - 2);
        return f.title().substring(0, cut > 0 ? cut : MAX_SUMMARY - 1) + "…";
    }

    private String detail(Finding f, Assessment a, PatientRecord record, Context ctx, boolean withOptions) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(esc(f.title())).append("**: ").append(esc(f.summary())).append("\n\n");
        list(md, "Criteria met", f.criteriaMet());
        list(md, "Criteria not met or not assessable", f.criteriaNotMet());
        List<String> evidence = evidence(f.evidence(), a, record);
        list(md, "Evidence", evidence);
        if (withOptions && (f.id().startsWith("OIH-") || f.id().startsWith("OUD-")) && !a.options().isEmpty()) {
            md.append("**Options to consider**\n\n");
            for (Option o : a.options()) {
                md.append("- **").append(esc(o.title())).append("** (").append(esc(o.id())).append("): ")
                        .append(esc(o.summary())).append('\n');
                for (Caution c : o.cautions()) {
                    md.append("  - Caution (").append(c.indicator().code()).append("): ").append(esc(c.title()))
                            .append(". ").append(esc(c.summary())).append('\n');
                }
            }
            md.append('\n');
        }
        md.append("Evidence grade: ").append(esc(f.evidenceGrade())).append(". Sources: ")
                .append(esc(String.join("; ", f.sources()))).append(".\n\n");
        md.append(footer(a, ctx));
        return md.toString();
    }

    private static String footer(Assessment a, Context ctx) {
        StringBuilder md = new StringBuilder();
        if (!ctx.missing().isEmpty()) {
            md.append("**Not available to this check**\n\n");
            ctx.missing().forEach(m -> md.append("- ").append(esc(m)).append('\n'));
            md.append('\n');
        }
        if (!ctx.unused().isEmpty()) {
            md.append("**Received but not used** (").append(ctx.unused().size()).append(")\n\n");
            ctx.unused().stream().limit(MAX_UNUSED_SHOWN).forEach(m -> md.append("- ").append(esc(m)).append('\n'));
            if (ctx.unused().size() > MAX_UNUSED_SHOWN) {
                md.append("- and ").append(ctx.unused().size() - MAX_UNUSED_SHOWN).append(" more\n");
            }
            md.append('\n');
        }
        md.append("Assessed as of ").append(a.asOf()).append(" (").append(esc(ctx.asOfSource())).append("), MME ")
                .append(esc(a.knowledgeBase().mmeEdition())).append(". Decision support: it supports, never "
                        + "replaces, clinical judgement.");
        return md.toString();
    }

    private static void list(StringBuilder md, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        md.append("**").append(heading).append("**\n\n");
        items.forEach(i -> md.append("- ").append(esc(i)).append('\n'));
        md.append('\n');
    }

    /** Each evidence id that names an input fact, as a dated line with its values. */
    private static List<String> evidence(List<String> ids, Assessment a, PatientRecord record) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            for (DoseEvent d : record.doses()) {
                if (d.id().equals(id)) {
                    out.add(dose(d, a));
                }
            }
            for (Symptom s : record.symptoms()) {
                if (s.id().equals(id)) {
                    out.add(s.date() + ": " + s.kind().code() + (s.present() ? "" : " absent")
                            + (s.intensity() == null ? "" : " " + number(s.intensity()) + "/10")
                            + (s.sites().isEmpty() ? "" : ", " + s.sites().stream().map(b -> b.code())
                            .collect(Collectors.joining(", "))));
                }
            }
            for (Observation o : record.observations()) {
                if (o.id().equals(id)) {
                    out.add(o.date() + ": " + o.code().code() + " " + number(o.value()));
                }
            }
            for (Condition c : record.conditions()) {
                if (c.id().equals(id)) {
                    out.add((c.onset() == null ? "" : c.onset() + ": ") + "condition " + c.code().code());
                }
            }
            for (Medication m : record.medications()) {
                if (m.id().equals(id)) {
                    out.add((m.start() == null ? "" : m.start() + ": ") + m.medicationClass().code()
                            + (m.name() == null ? "" : " " + m.name()));
                }
            }
        }
        return out;
    }

    private static String dose(DoseEvent d, Assessment a) {
        StringBuilder s = new StringBuilder();
        if (d.status() == DoseStatus.PROPOSED) {
            s.append("proposed from ").append(a.asOf());
        } else {
            s.append(d.start()).append(d.end() == null ? " onwards" : " to " + d.end());
        }
        s.append(": ").append(d.name() != null ? d.name() : d.drug().code()).append(' ').append(d.route().code())
                .append(' ').append(number(d.dailyDose())).append(' ').append(d.unit().code()).append("/day");
        if (d.prn()) {
            s.append(" as needed");
        }
        for (DoseMme t : a.exposure().trace()) {
            if (t.doseId().equals(d.id()) && t.computed()) {
                s.append(" (").append(number(t.mmePerDay())).append(" MME/day)");
            }
        }
        return s.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Escapes what would let patient-derived text become markup in the EHR's Markdown renderer. */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '[', ']', '`', '*', '_', '\\' -> out.append('\\').append(c);
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static Map<String, String> reason(String code, String display) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("system", OVERRIDE_SYSTEM);
        m.put("display", display);
        return m;
    }
}
