package org.oihkb.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.oihkb.engine.RuleBaseException;
import org.oihkb.engine.RuleInfo;
import org.oihkb.model.Indicator;
import org.oihkb.model.InvalidRecordException;

/**
 * The metadata of every rule, read once from the KieBase. Refuses a rule base in which any rule lacks
 * its metadata or reuses an id: the executable model accepts unknown or missing annotations silently.
 */
public final class RuleCatalog {

    /** The metadata every rule must carry. */
    public static final List<String> REQUIRED = List.of("id", "title", "indicator", "source", "evidence", "status");

    private static final Set<String> STATUSES = Set.of("active", "draft", "retired");

    private final Map<String, RuleInfo> byId;

    private RuleCatalog(Map<String, RuleInfo> byId) {
        this.byId = byId;
    }

    /** @throws RuleBaseException listing every rule with missing, invalid or duplicate metadata */
    public static RuleCatalog of(KieBase kieBase) {
        List<String> problems = new ArrayList<>();
        List<RuleInfo> infos = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            // a query is a rule to the KieBase (RuleImpl implements Query), so it is told apart by name
            Set<String> queries = new HashSet<>();
            pkg.getQueries().forEach(q -> queries.add(q.getName()));
            for (Rule rule : pkg.getRules()) {
                if (queries.contains(rule.getName())) {
                    continue;
                }
                Map<String, Object> md = rule.getMetaData();
                List<String> missing = REQUIRED.stream().filter(k -> md.get(k) == null || md.get(k).toString().isBlank())
                        .toList();
                if (!missing.isEmpty()) {
                    problems.add("rule \"" + rule.getName() + "\": missing @" + String.join(", @", missing));
                    continue;
                }
                Indicator indicator;
                try {
                    indicator = Indicator.fromCode("@indicator", md.get("indicator").toString());
                } catch (InvalidRecordException e) {
                    problems.add("rule \"" + rule.getName() + "\": " + e.getMessage());
                    continue;
                }
                String status = md.get("status").toString();
                if (!STATUSES.contains(status)) {
                    problems.add("rule \"" + rule.getName() + "\": @status must be one of active, draft, retired, was '"
                            + status + "'");
                    continue;
                }
                List<String> sources = Arrays.stream(md.get("source").toString().split(";")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList();
                infos.add(new RuleInfo(md.get("id").toString(), rule.getName(), md.get("title").toString(), indicator,
                        sources, md.get("evidence").toString(), status));
            }
        }
        infos.sort(Comparator.comparing(RuleInfo::id).thenComparing(RuleInfo::name));
        Map<String, RuleInfo> byId = new LinkedHashMap<>();
        for (RuleInfo info : infos) {
            RuleInfo earlier = byId.putIfAbsent(info.id(), info);
            if (earlier != null) {
                problems.add("rule \"" + info.name() + "\": @id " + info.id() + " is already used by rule \""
                        + earlier.name() + "\"");
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleBaseException(problems);
        }
        return new RuleCatalog(byId);
    }

    /** The rule with this id. */
    public RuleInfo get(String id) {
        RuleInfo info = byId.get(id);
        if (info == null) {
            throw new IllegalStateException("no rule has @id " + id);
        }
        return info;
    }

    /** Every rule, sorted by id. */
    public List<RuleInfo> all() {
        return List.copyOf(byId.values());
    }
}
