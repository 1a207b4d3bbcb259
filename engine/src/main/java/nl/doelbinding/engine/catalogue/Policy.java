package nl.doelbinding.engine.catalogue;

/**
 * Policy thresholds ([P] in the legal catalogue) that rules refer to by name, so that changing a
 * threshold never means editing rule text.
 *
 * @param subjectThreshold more named subjects than this in one request is a volume request (R8)
 */
public record Policy(int subjectThreshold) {
    public Policy {
        if (subjectThreshold < 1) {
            throw new IllegalArgumentException("subjectThreshold must be at least 1");
        }
    }
}
