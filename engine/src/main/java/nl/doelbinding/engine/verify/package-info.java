/**
 * Proves legal invariants of a ruleset over its whole, finite decision space: every purpose (and none),
 * instrument, flag, subject-count class and field, decided by the real engine as one-field requests.
 * Field independence (each field is decided as in a one-field request with the same request-level facts)
 * makes this enumeration a proof rather than a sample; see {@code docs/rules/invariants.md}.
 */
package nl.doelbinding.engine.verify;
