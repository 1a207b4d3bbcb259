package nl.doelbinding.routes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.doelbinding.engine.decision.RulesetDecisionEngine;
import nl.doelbinding.engine.io.CanonicalJson;
import nl.doelbinding.engine.io.DecisionJson;
import nl.doelbinding.engine.io.RequestReader;
import nl.doelbinding.engine.io.RequestValidationException;
import nl.doelbinding.engine.io.ValidationError;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.engine.model.TimeOrderedUuid;
import nl.doelbinding.engine.port.ActiveRuleset;
import nl.doelbinding.engine.port.DecidedRequest;
import nl.doelbinding.engine.port.DecisionLog;
import nl.doelbinding.engine.port.Recording;
import nl.doelbinding.engine.port.RequestHistories;
import nl.doelbinding.engine.port.StoredDecision;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use case behind {@code direct:decide}, the same for every channel: validate against the active
 * catalogue, decide, and record request, decision and audit record in one transaction before anything is
 * dispatched; a request recorded before (a replay) is answered with its stored decision instead.
 */
public final class DecisionService {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionService.class);

    private final ActiveRuleset rulesets;
    private final DecisionLog log;
    private final RequestHistories histories;
    private final Clock clock;

    public DecisionService(ActiveRuleset rulesets, DecisionLog log, RequestHistories histories, Clock clock) {
        this.rulesets = rulesets;
        this.log = log;
        this.histories = histories;
        this.clock = clock;
    }

    public DecisionOutcome decide(Requester requester, byte[] body) {
        JsonNode tree = parse(body);
        RulesetDecisionEngine engine = rulesets.current().orElseThrow(() -> new ProblemException(
                ProblemType.UNAVAILABLE, "no ruleset is active, so nothing can be decided"));
        DisclosureRequest request;
        try {
            request = new RequestReader(engine.ruleset().catalogue()).read(tree, requester);
        } catch (RequestValidationException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "the request is not valid", e.errors());
        }
        String canonical = CanonicalJson.write(tree);
        String hash = CanonicalJson.sha256Hex(canonical);
        Instant receivedAt = clock.instant();
        // The volume rules (R8) see what came before: counted by the holder, never taken from the body.
        RequestHistories.Counted counted = histories.count(request, engine.ruleset().catalogue().policy(), receivedAt);
        request = request.withHistory(counted.history());
        // A replay is found when recording (one lookup, in the recording transaction): deciding it again is wasted
        // work on a rare path, never a second decision, since only the stored one is answered.
        Decision decision = engine.decide(request);
        String decisionId = TimeOrderedUuid.next().toString();
        String decisionJson = DecisionJson.write(decision, decisionId, Optional.empty(), Optional.empty()).toString();
        Recording recording = log.record(new DecidedRequest(request, hash, canonical, decision, decisionId,
                decisionJson, receivedAt, counted));
        if (recording instanceof Recording.AlreadyRecorded already) {
            return replay(already.stored(), hash);
        }
        LOG.info("request {} decided {} under ruleset {}", request.requestId(), decision.overall(),
                decision.ruleset().sha256());
        return new DecisionOutcome(recording.stored(), false);
    }

    private static DecisionOutcome replay(StoredDecision stored, String hash) {
        if (!stored.bodySha256().equals(hash)) {
            throw new ProblemException(ProblemType.CONFLICT, "requestId " + stored.requestId()
                    + " was already used for a different request");
        }
        return new DecisionOutcome(stored, true);
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "the request body is empty",
                    List.of(new ValidationError("$", "a JSON request is required")));
        }
        try {
            return CanonicalJson.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            // CanonicalJson's message names only where parsing failed, never the content.
            throw new ProblemException(ProblemType.INVALID_REQUEST, "the request body is " + e.getMessage(),
                    List.of(new ValidationError("$", e.getMessage())));
        }
    }
}
