package nl.doelbinding.engine.model;

/** The category of a field, which the law treats differently (GDPR art. 9 and 10 in particular). */
public enum FieldCategory {
    IDENTITY,
    LOCATION,
    ADMINISTRATIVE,
    /** Special categories of personal data, GDPR art. 9(1). */
    SPECIAL,
    /** Criminal-offence data, GDPR art. 10. */
    CRIMINAL,
    BIOMETRIC
}
