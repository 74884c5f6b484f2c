package org.oihkb.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.command.KieCommands;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.StatelessKieSession;
import org.oihkb.engine.internal.BuiltInRules;
import org.oihkb.engine.internal.ClinicalTimeline;
import org.oihkb.engine.internal.ExposureCalculator;
import org.oihkb.engine.internal.FactOrder;
import org.oihkb.engine.internal.MmeTable;
import org.oihkb.engine.internal.RegimenChanges;
import org.oihkb.engine.internal.RuleCatalog;
import org.oihkb.engine.internal.RuleLoader;
import org.oihkb.facts.Conclusion;
import org.oihkb.facts.Sign;
import org.oihkb.model.Assessment;
import org.oihkb.model.Caution;
import org.oihkb.model.DataQualityNote;
import org.oihkb.model.Exposure;
import org.oihkb.model.Finding;
import org.oihkb.model.Indicator;
import org.oihkb.model.KnowledgeBaseInfo;
import org.oihkb.model.Option;
import org.oihkb.model.OtherEdition;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.RecordCheck;
import org.oihkb.model.Symptom;
import org.oihkb.model.SymptomKind;
import org.oihkb.model.WithheldOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door: assesses one patient record and explains the result. Create it once and share it;
 * it is immutable and thread-safe, and holds no state between calls.
 *
 * <pre>{@code
 * OihEngine engine = OihEngine.create();             // built-in rules, CDC 2022 factors, default thresholds
 * Assessment a = engine.assess(record);
 * a.findings().forEach(f -> System.out.println(f.id() + " " + f.summary()));
 * }</pre>
 *
 * <p>Decision support only: every finding says "possible" or "consider" and names its sources; it
 * supports, never replaces, clinical judgement.
 */
public final class OihEngine {

    private static final Logger LOG = LoggerFactory.getLogger(OihEngine.class);

    private static final Pattern RULE_NAME = Pattern.compile("rule \"([^\"]+)\"");

    /** The knowledge base's name, as written in every assessment. */
    public static final String NAME = "oih-kb";

    private final KieBase kieBase;
    private final StatelessKieSession session;
    private final KieCommands commands;
    private final RuleCatalog catalog;
    private final Config config;
    private final MmeEdition edition;
    private static final String CONTEXT_RULE = "OIH-070";
    private static final String OUT_OF_SCOPE = "CDC 2022 scope excludes this patient; shown for reference.";

    /** One table for both editions' calculators, which compare conversions only when they share it. */
    private final MmeTable table;
    private final ExposureCalculator exposure;
    private final ExposureCalculator otherExposure;
    private final ClinicalTimeline timeline;
    private final RegimenChanges regimen;
    private final KnowledgeBaseInfo info;

    private OihEngine(Builder b) {
        long start = System.nanoTime();
        this.config = b.config;
        this.edition = b.edition;
        KieServices ks = KieServices.get();
        this.kieBase = b.rulesDirectory == null
                ? BuiltInRules.load(OihEngine.class.getClassLoader())
                : RuleLoader.load(b.rulesDirectory);
        this.catalog = RuleCatalog.of(kieBase);
        this.session = pooledSession(kieBase);
        this.commands = ks.getCommands();
        this.table = MmeTable.builtIn();
        this.exposure = new ExposureCalculator(table, edition, config);
        this.otherExposure = new ExposureCalculator(table,
                edition == MmeEdition.CDC_2022 ? MmeEdition.CDC_2016 : MmeEdition.CDC_2022, config);
        this.timeline = new ClinicalTimeline(config);
        this.regimen = new RegimenChanges(config);
        this.info = new KnowledgeBaseInfo(b.rulesDirectory == null ? NAME : NAME + " (rules from "
                + b.rulesDirectory.getFileName() + ")", Version.get(), edition.code());
        LOG.info("{} {} ready: {} rules, MME edition {}, in {} ms", NAME, info.version(), catalog.all().size(),
                edition.code(), (System.nanoTime() - start) / 1_000_000);
    }

    private OihEngine(OihEngine base, Config config, MmeEdition edition) {
        this.config = config;
        this.edition = edition;
        this.kieBase = base.kieBase;
        this.catalog = base.catalog;
        this.session = pooledSession(kieBase);
        this.commands = base.commands;
        this.table = base.table;
        this.exposure = new ExposureCalculator(table, edition, config);
        this.otherExposure = new ExposureCalculator(table,
                edition == MmeEdition.CDC_2022 ? MmeEdition.CDC_2016 : MmeEdition.CDC_2022, config);
        this.timeline = new ClinicalTimeline(config);
        this.regimen = new RegimenChanges(config);
        this.info = new KnowledgeBaseInfo(base.info.name(), base.info.version(), edition.code());
    }

    /**
     * A stateless session whose working memories come from a pool: each call takes a memory, and hands it back
     * reset, instead of building the node and segment memories of every rule again (about a fifth of the rule
     * engine's time per record; docs/performance.md). The pool grows to the number of concurrent callers.
     */
    private static StatelessKieSession pooledSession(KieBase kieBase) {
        return kieBase.newKieSessionsPool(1).newStatelessKieSession();
    }

    /**
     * An engine with the same compiled rules as this one and other thresholds or another MME edition: cheap,
     * because the rules are not loaded again (scenario runs use one per declared configuration).
     */
    public OihEngine withSettings(Config config, MmeEdition edition) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(edition, "edition");
        if (config.equals(this.config) && edition == this.edition) {
            return this;
        }
        return new OihEngine(this, config, edition);
    }

    /** An engine with the built-in rules, the CDC 2022 MME table and the default thresholds. */
    public static OihEngine create() {
        return builder().build();
    }

    /** A builder for an engine with other thresholds or another MME edition. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Assesses one record. The result depends only on the record (time comes from its {@code asOf}),
     * so the same record gives an equal assessment on any thread, in any fact order, on any day.
     *
     * @throws NullPointerException if {@code record} is null
     * @throws AssessmentException if a rule fails while running (a defect of the rules, not of the input)
     */
    public Assessment assess(PatientRecord record) {
        return run(record, session, null);
    }

    /**
     * Assesses one record and also reports which rules fired, for scenario tests and rule authors: the rules
     * whose conclusion or signal holds at the end of the assessment.
     *
     * @throws AssessmentException if a rule fails while running
     */
    public TracedAssessment assessTraced(PatientRecord record) {
        Set<String> fired = new TreeSet<>();
        Assessment a = run(record, session, fired);
        return new TracedAssessment(a, fired);
    }

    private Assessment run(PatientRecord input, StatelessKieSession s, Set<String> fired) {
        Objects.requireNonNull(input, "record");
        PatientRecord record = FactOrder.canonical(input);
        ExposureCalculator.Result ex = exposure.compute(record);
        List<Object> facts = new ArrayList<>(8 + record.doses().size() + record.symptoms().size()
                + record.conditions().size() + record.medications().size() + record.observations().size()
                + ex.exposure().trace().size());
        facts.add(record.patient());
        facts.add(ex.exposure());
        facts.addAll(ex.exposure().trace());
        facts.addAll(timeline.facts(record, ex.exposure().trace(), ex.series(), exposure));
        facts.addAll(regimen.facts(record, ex.exposure().trace()));
        // doses and pain scores reach the rules through the trace, the dose changes and the pain facts derived
        // from them; inserting them again would only add work to every assessment
        for (Symptom symptom : record.symptoms()) {
            if (symptom.kind() != SymptomKind.PAIN) {
                facts.add(symptom);
            }
        }
        facts.addAll(record.conditions());
        facts.addAll(record.medications());
        facts.addAll(record.observations());

        List<Command<?>> batch = new ArrayList<>(6);
        batch.add(commands.newSetGlobal("config", config));
        batch.add(commands.newSetGlobal("asOf", record.asOf()));
        batch.add(commands.newInsertElements(facts));
        batch.add(commands.newFireAllRules());
        batch.add(commands.newGetObjects(new ClassObjectFilter(Conclusion.class), "conclusions"));
        if (fired != null) {
            batch.add(commands.newGetObjects(new ClassObjectFilter(Sign.class), "signs"));
        }
        ExecutionResults results;
        try {
            results = s.execute(commands.newBatchExecution(batch));
        } catch (RuntimeException e) {
            // name the rule and the kind of failure only: engine messages can carry facts, and facts carry
            // patient data that must never reach a log or a caller's error report
            Matcher rule = RULE_NAME.matcher(String.valueOf(e.getMessage()));
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new AssessmentException("a rule failed while assessing a record"
                    + (rule.find() ? " in rule \"" + rule.group(1) + "\"" : "") + ": "
                    + root.getClass().getSimpleName(), e);
        }
        @SuppressWarnings("unchecked")
        Collection<Conclusion> conclusions = (Collection<Conclusion>) results.getValue("conclusions");
        if (fired != null) {
            // what holds at the end, not every activation: a rule may fire and be retracted by truth
            // maintenance when a later fact defeats it, and activation order is not deterministic
            conclusions.forEach(c -> fired.add(c.ruleId()));
            ((Collection<?>) results.getValue("signs")).forEach(x -> fired.add(((Sign) x).ruleId()));
        }
        LOG.debug("record {}: {} conclusions", record.id(), conclusions.size());
        return assemble(record, ex, conclusions);
    }

    /**
     * Turns the conclusions into the assessment. A withhold conclusion removes the option it targets from the
     * options and lists it, with the reason, under the withheld options; the cautions and checks of a withheld
     * option go with it. A caution targets an option or a finding by id.
     */
    private Assessment assemble(PatientRecord record, ExposureCalculator.Result ex, Collection<Conclusion> all) {
        List<Conclusion> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(Conclusion::ruleId).thenComparing(Conclusion::summary)
                .thenComparing(c -> String.valueOf(c.target())).thenComparing(c -> c.evidence().toString()));
        boolean outOfScope = false;
        for (Conclusion c : sorted) {
            outOfScope |= c.kind() == Conclusion.Kind.FINDING && c.ruleId().equals(CONTEXT_RULE);
        }
        List<Conclusion> findings = new ArrayList<>();
        List<DataQualityNote> notes = new ArrayList<>();
        Map<String, List<Caution>> cautions = new LinkedHashMap<>();
        Map<String, List<RecordCheck>> checks = new LinkedHashMap<>();
        Map<String, List<Conclusion>> withholds = new LinkedHashMap<>();
        List<Conclusion> options = new ArrayList<>();
        for (Conclusion c : sorted) {
            RuleInfo r = catalog.get(c.ruleId());
            switch (c.kind()) {
                case FINDING -> findings.add(c);
                case NOTE -> notes.add(new DataQualityNote(r.id(), c.summary(), c.evidence()));
                case CAUTION -> cautions.computeIfAbsent(c.target(), k -> new ArrayList<>()).add(new Caution(r.id(),
                        r.title(), r.indicator(), scoped(c.summary(), r, outOfScope), c.evidence(), r.sources(),
                        r.evidence()));
                case CHECK -> checks.computeIfAbsent(c.target(), k -> new ArrayList<>()).add(new RecordCheck(r.id(),
                        r.title(), c.summary(), String.join(", ", c.evidence())));
                case WITHHOLD -> withholds.computeIfAbsent(c.target(), k -> new ArrayList<>()).add(c);
                case OPTION -> options.add(c);
            }
        }
        List<Finding> found = new ArrayList<>(findings.size());
        for (Conclusion c : findings) {
            RuleInfo r = catalog.get(c.ruleId());
            found.add(new Finding(r.id(), r.title(), c.indicator() == null ? r.indicator()
                    : Indicator.fromCode("indicator", c.indicator()), scoped(c.summary(), r, outOfScope),
                    c.evidence(), r.sources(), r.evidence(), c.criteriaMet(), c.criteriaNotMet(),
                    cautions.getOrDefault(r.id(), List.of())));
        }
        List<Option> opts = new ArrayList<>();
        List<WithheldOption> withheld = new ArrayList<>();
        for (Conclusion c : options) {
            RuleInfo r = catalog.get(c.ruleId());
            List<Conclusion> against = withholds.get(r.id());
            if (against != null) {
                for (Conclusion w : against) {
                    RuleInfo wr = catalog.get(w.ruleId());
                    withheld.add(new WithheldOption(r.id(), r.title(), wr.id(), wr.title(), wr.indicator(),
                            w.summary(), w.evidence(), wr.sources(), wr.evidence()));
                }
                continue;
            }
            opts.add(new Option(r.id(), r.title(), r.indicator(), c.summary(), c.evidence(), r.sources(),
                    r.evidence(), cautions.getOrDefault(r.id(), List.of()), checks.getOrDefault(r.id(), List.of())));
        }
        return new Assessment(record.id(), record.patient().id(), record.asOf(), info, ex.exposure(), found, opts,
                notes, withheld, otherEdition(record, ex.exposure()));
    }

    /**
     * The exposure in the other edition, when it changes the current or peak MME or a high-dose band
     * (docs/definitions.md, edition sensitivity); {@code null} otherwise.
     */
    private OtherEdition otherEdition(PatientRecord record, Exposure mine) {
        if (exposure.convertsAlike(record, otherExposure)) {
            return null;
        }
        Exposure other = otherExposure.compute(record).exposure();
        List<OtherEdition.Band> bands = bands(other);
        if (Objects.equals(other.currentMmePerDay(), mine.currentMmePerDay())
                && Objects.equals(other.peakMmePerDay(), mine.peakMmePerDay()) && bands.equals(bands(mine))) {
            return null;
        }
        return new OtherEdition(other.mmeEdition(), other.currentMmePerDay(), other.peakMmePerDay(), other.complete(),
                other.peakComplete(), bands);
    }

    /** The high-dose bands judged on the current MME, by threshold: the edition each statement names is the same. */
    private static List<OtherEdition.Band> bands(Exposure e) {
        List<OtherEdition.Band> out = new ArrayList<>(e.bands().size());
        for (Exposure.Band b : e.bands()) {
            out.add(new OtherEdition.Band(b.thresholdMmePerDay(), b.status().code()));
        }
        return out;
    }

    /**
     * With a context outside the CDC 2022 guideline's scope (docs/definitions.md §5), a finding or caution sourced to
     * a CDC guideline says so, so that it is read as reference rather than as a recommendation for this patient.
     */
    private static String scoped(String summary, RuleInfo rule, boolean outOfScope) {
        if (!outOfScope || rule.id().equals(CONTEXT_RULE)) {
            return summary;
        }
        for (String source : rule.sources()) {
            if (source.contains("CDC")) {
                return summary + " " + OUT_OF_SCOPE;
            }
        }
        return summary;
    }

    /** The metadata of every rule, sorted by id: the raw material of the rule catalog. */
    public List<RuleInfo> rules() {
        return catalog.all();
    }

    /** The thresholds in use. */
    public Config config() {
        return config;
    }

    /** The MME edition in use. */
    public MmeEdition edition() {
        return edition;
    }

    /** Which knowledge this engine applies, as written in every assessment. */
    public KnowledgeBaseInfo knowledgeBase() {
        return info;
    }

    /** Builds an {@link OihEngine}. */
    public static final class Builder {
        private Config config = Config.defaults();
        private MmeEdition edition = MmeEdition.CDC_2022;
        private Path rulesDirectory;

        private Builder() {
        }

        /**
         * Loads the {@code .drl} files of a directory instead of the built-in rules, compiled at run time with
         * the same builder as the build (needs {@code drools-model-codegen}, {@code drools-ecj} and
         * {@code drools-mvel} on the class path). Rule files are code: load only trusted directories.
         */
        public Builder rulesDirectory(Path dir) {
            this.rulesDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Thresholds and windows; {@link Config#defaults()} unless set. */
        public Builder config(Config config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** The MME table; {@link MmeEdition#CDC_2022} unless set. */
        public Builder edition(MmeEdition edition) {
            this.edition = Objects.requireNonNull(edition, "edition");
            return this;
        }

        /**
         * Loads the rules and checks their metadata.
         *
         * @throws RuleBaseException if the rules do not compile, or any rule lacks metadata or reuses an id
         */
        public OihEngine build() {
            return new OihEngine(this);
        }
    }
}
