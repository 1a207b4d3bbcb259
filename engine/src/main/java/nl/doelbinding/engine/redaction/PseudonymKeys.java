package nl.doelbinding.engine.redaction;

/**
 * Port for the keys of keyed pseudonyms. A key is bound to the requesting unit and its case, so that
 * the police can link pseudonyms within one case but not across cases, nor back to the person.
 */
public interface PseudonymKeys {
    /** The HMAC-SHA-256 key for one unit and case. */
    byte[] keyFor(String unit, String caseReference);
}
