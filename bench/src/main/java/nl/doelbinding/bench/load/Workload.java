package nl.doelbinding.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The request mix: mostly the standard twelve-field request of a criminal investigation under a 126nd order
 * (released in part), some that escalate and some that are refused, over the 2,000 synthetic residents. Every
 * request carries a new {@code requestId}, so every request is a new decision (no idempotent replay).
 *
 * <p>The expectations are those of the baseline ruleset (docs/rules/decisions.md, row D and R4).
 */
final class Workload {
    /** One kind of request in the mix, with the decision and HTTP status the baseline gives it. */
    enum Kind {
        /**
         * The standard twelve fields, all six categories, with {@code fingerprints} (rejected, BIO-01) where the
         * JMH benchmark's set has {@code photo}: identity, location, administrative and incident reports are
         * disclosed (INV-01/02), family composition is generalised (INV-03), health, religion and fingerprints
         * are rejected.
         */
        STANDARD("PARTIALLY_RELEASED", 200, "CRIMINAL_INVESTIGATION", "SV_126ND",
                List.of("name", "date_of_birth", "v_number", "nationality", "current_location", "phone",
                        "arrival_date", "family_composition", "health", "religion", "incident_reports",
                        "fingerprints")),
        /** The JMH benchmark's twelve fields: {@code photo} escalates under 126nd (INV-04), so a review opens. */
        ESCALATION("ESCALATED", 202, "CRIMINAL_INVESTIGATION", "SV_126ND",
                List.of("name", "date_of_birth", "v_number", "nationality", "current_location", "phone",
                        "arrival_date", "family_composition", "health", "religion", "incident_reports", "photo")),
        /** Consent is not a ground (REQ-CONSENT-01): the whole request is refused. */
        REJECTION("REJECTED", 200, "FRAUD_INVESTIGATION", "CONSENT",
                List.of("name", "date_of_birth", "current_location", "phone"));

        final String decision;
        final int status;
        private final String prefix;
        private final String middle;
        private final String suffix;

        Kind(String decision, int status, String purpose, String instrument, List<String> fields) {
            this.decision = decision;
            this.status = status;
            this.prefix = "{\"requestId\":\"";
            this.middle = "\",\"purpose\":\"" + purpose + "\",\"legalBasis\":{\"instrument\":\"" + instrument
                    + "\",\"reference\":\"OvJ-2026-0100\"},\"caseReference\":\"ZAAK-2026-0100\","
                    + "\"justification\":\"Load benchmark: suspect in an investigation of theft with violence.\","
                    + "\"subjects\":[{\"vNumber\":\"";
            this.suffix = "\"}],\"fields\":[\"" + String.join("\",\"", fields) + "\"]}";
        }

        byte[] body(String requestId, String vNumber) {
            return (prefix + requestId + middle + vNumber + suffix).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** One request to send. */
    record Item(Kind kind, String requestId, String vNumber, byte[] body) {
    }

    static final int RESIDENTS = 2000;
    static final long FIRST_V_NUMBER = 1_000_000_001L;

    private final int standardPercent;
    private final int escalationPercent;
    private final String runId;

    /**
     * @param mix percentages of standard, escalation and rejection requests (summing to 100)
     */
    Workload(int[] mix, String runId) {
        if (mix.length != 3 || mix[0] + mix[1] + mix[2] != 100 || mix[0] < 0 || mix[1] < 0 || mix[2] < 0) {
            throw new IllegalArgumentException("--mix needs three percentages that add up to 100");
        }
        this.standardPercent = mix[0];
        this.escalationPercent = mix[1];
        this.runId = runId;
    }

    /** A new request; {@code worker} and {@code seq} make its id unique within the run. */
    Item next(SplittableRandom random, String phase, int worker, long seq) {
        int roll = random.nextInt(100);
        Kind kind = roll < standardPercent ? Kind.STANDARD
                : roll < standardPercent + escalationPercent ? Kind.ESCALATION : Kind.REJECTION;
        return item(kind, random, phase, worker, seq);
    }

    Item item(Kind kind, SplittableRandom random, String phase, int worker, long seq) {
        String requestId = "L" + runId + "-" + phase + "-" + worker + "-" + seq;
        String vNumber = Long.toString(FIRST_V_NUMBER + random.nextInt(RESIDENTS));
        return new Item(kind, requestId, vNumber, kind.body(requestId, vNumber));
    }
}
