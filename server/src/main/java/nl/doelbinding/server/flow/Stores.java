package nl.doelbinding.server.flow;

import nl.doelbinding.server.persistence.DecisionStore;
import nl.doelbinding.server.persistence.DisclosureRegister;
import nl.doelbinding.server.persistence.EscalationStore;
import nl.doelbinding.server.persistence.OralOrderStore;
import nl.doelbinding.server.persistence.RequestStore;
import nl.doelbinding.server.persistence.RulesetStore;

/** The server's stores, created once and shared (they hold no state; every call takes a connection). */
public record Stores(RequestStore requests, DecisionStore decisions, EscalationStore escalations,
                     DisclosureRegister disclosures, RulesetStore rulesets, OralOrderStore oralOrders) {
    public static Stores create() {
        return new Stores(new RequestStore(), new DecisionStore(), new EscalationStore(), new DisclosureRegister(),
                new RulesetStore(), new OralOrderStore());
    }
}
