package nl.doelbinding.engine.drools;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.ruleset.Evaluation;
import nl.doelbinding.engine.ruleset.RequestConditions;
import nl.doelbinding.engine.ruleset.RuleInfo;
import nl.doelbinding.engine.ruleset.RulesetManifest;
import nl.doelbinding.engine.ruleset.RulesetSource;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;

/**
 * A ruleset compiled into a Drools knowledge base. Thread-safe: each evaluation borrows a session from a
 * pool and returns it reset, so that the node memories of a large network are not rebuilt per request.
 */
final class DroolsCompiledRuleset implements CompiledRuleset {
    private final RulesetSource source;
    private final RulesetManifest manifest;
    private final Catalogue catalogue;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> rulesByDrlName;
    private final RequestConditions requestConditions;
    /** The facts of the catalogue's fields: immutable, so one instance serves every evaluation. */
    private final Map<FieldName, FieldFact> fieldFacts;
    private final KieSessionsPool sessions;

    DroolsCompiledRuleset(RulesetSource source, RulesetManifest manifest, Catalogue catalogue,
                          List<RuleInfo> rules, Map<String, RuleInfo> rulesByDrlName, KieBase kieBase,
                          RequestConditions requestConditions) {
        this.source = source;
        this.manifest = manifest;
        this.catalogue = catalogue;
        this.rules = List.copyOf(rules);
        this.rulesByDrlName = Map.copyOf(rulesByDrlName);
        this.requestConditions = requestConditions;
        Map<FieldName, FieldFact> facts = new HashMap<>();
        catalogue.fields().forEach(f -> facts.put(f.name(), new FieldFact(f.name(), f)));
        this.fieldFacts = Map.copyOf(facts);
        // The pool grows to the highest number of concurrent evaluations and keeps that many sessions.
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public RulesetSource source() {
        return source;
    }

    @Override
    public RulesetManifest manifest() {
        return manifest;
    }

    @Override
    public Catalogue catalogue() {
        return catalogue;
    }

    @Override
    public List<RuleInfo> rules() {
        return rules;
    }

    @Override
    public RequestConditions requestConditions() {
        return requestConditions;
    }

    @Override
    public Evaluation evaluate(DisclosureRequest request) {
        List<FieldName> fields = request.fields();
        Object[] facts = new Object[fields.size() + 1];
        facts[0] = new RequestFact(request, catalogue);
        for (int i = 0; i < fields.size(); i++) {
            FieldName field = fields.get(i);
            FieldFact fact = fieldFacts.get(field);
            facts[i + 1] = fact != null ? fact : new FieldFact(field, null);
        }
        Verdicts verdicts = new Verdicts(rulesByDrlName, fields.size());
        StatelessKieSession session = sessions.newStatelessKieSession();
        session.setGlobal("verdicts", verdicts);
        session.execute(Arrays.asList(facts));
        return new Evaluation(verdicts.requestHits(), verdicts.fieldHits());
    }
}
