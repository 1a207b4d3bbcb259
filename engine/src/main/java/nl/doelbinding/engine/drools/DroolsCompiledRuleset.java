package nl.doelbinding.engine.drools;

import java.util.ArrayList;
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
import org.kie.api.runtime.StatelessKieSession;

/** A ruleset compiled into a Drools knowledge base. Thread-safe: each evaluation gets its own session. */
final class DroolsCompiledRuleset implements CompiledRuleset {
    private final RulesetSource source;
    private final RulesetManifest manifest;
    private final Catalogue catalogue;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> rulesByDrlName;
    private final KieBase kieBase;
    private final RequestConditions requestConditions;

    DroolsCompiledRuleset(RulesetSource source, RulesetManifest manifest, Catalogue catalogue,
                          List<RuleInfo> rules, Map<String, RuleInfo> rulesByDrlName, KieBase kieBase,
                          RequestConditions requestConditions) {
        this.source = source;
        this.manifest = manifest;
        this.catalogue = catalogue;
        this.rules = List.copyOf(rules);
        this.rulesByDrlName = Map.copyOf(rulesByDrlName);
        this.kieBase = kieBase;
        this.requestConditions = requestConditions;
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
        List<Object> facts = new ArrayList<>(fields.size() + 1);
        facts.add(new RequestFact(request, catalogue));
        for (FieldName field : fields) {
            facts.add(new FieldFact(field, catalogue.field(field).orElse(null)));
        }
        Verdicts verdicts = new Verdicts(rulesByDrlName, fields.size());
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.setGlobal("verdicts", verdicts);
        session.execute(facts);
        return new Evaluation(verdicts.requestHits(), verdicts.fieldHits());
    }
}
