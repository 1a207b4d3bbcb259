package nl.doelbinding.server.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import nl.doelbinding.engine.decision.RulesetDecisionEngine;
import nl.doelbinding.engine.drools.DroolsRulesetCompiler;
import nl.doelbinding.engine.model.RulesetRef;
import nl.doelbinding.engine.ruleset.CompilationResult;
import nl.doelbinding.engine.ruleset.RulesetSource;
import nl.doelbinding.server.persistence.RulesetStore;
import nl.doelbinding.server.persistence.StoredRuleset;
import nl.doelbinding.server.persistence.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stored ruleset versions compiled on demand and kept (the few most recently used): the active one, the one it
 * replaced (in-flight requests and release packages of decisions made under it), and versions being replayed.
 * A version whose stored content does not match its hash, or does not compile, is never returned.
 */
public final class CompiledVersions {
    private static final Logger LOG = LoggerFactory.getLogger(CompiledVersions.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEEP = 6;

    private final Transactions transactions;
    private final RulesetStore store;
    private final Map<Integer, RulesetDecisionEngine> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, RulesetDecisionEngine> eldest) {
            return size() > KEEP;
        }
    };

    public CompiledVersions(Transactions transactions, RulesetStore store) {
        this.transactions = transactions;
        this.store = store;
    }

    /** The version's engine; empty when there is no such version or it cannot be used. */
    public synchronized Optional<RulesetDecisionEngine> engine(int version) {
        RulesetDecisionEngine cached = cache.get(version);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<StoredRuleset> stored = transactions.inTransaction(c -> store.find(c, version));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        RulesetSource source = source(stored.get());
        if (!source.sha256().equals(stored.get().meta().sha256())) {
            LOG.error("ALERT: the stored content of ruleset version {} does not match its hash", version);
            return Optional.empty();
        }
        CompilationResult compiled = new DroolsRulesetCompiler().compile(source);
        if (!compiled.ok()) {
            return Optional.empty();
        }
        RulesetDecisionEngine engine = new RulesetDecisionEngine(compiled.orThrow(),
                new RulesetRef(OptionalInt.of(version), source.sha256()));
        cache.put(version, engine);
        return Optional.of(engine);
    }

    /** The engine of the version a decision cites, if that version is stored with that hash. */
    public Optional<RulesetDecisionEngine> engine(RulesetRef ref) {
        if (ref.version().isEmpty()) {
            return Optional.empty();
        }
        return engine(ref.version().getAsInt()).filter(e -> e.reference().sha256().equals(ref.sha256()));
    }

    /** A stored version's files as a ruleset source. */
    public static RulesetSource source(StoredRuleset stored) {
        return RulesetSource.of(files(stored.filesJson()));
    }

    static String filesJson(RulesetSource source) {
        try {
            return JSON.writeValueAsString(source.files());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> files(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored ruleset files are not valid JSON", e);
        }
    }
}
