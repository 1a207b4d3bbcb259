package nl.doelbinding.engine.catalogue;

/** How a field's value is made coarser when a rule generalises it. */
public enum GeneraliseMethod {
    /** An ISO date becomes its year. */
    YEAR,
    /** An ISO date becomes its year and month. */
    YEAR_MONTH,
    /** A location becomes its region, from the catalogue's region table. */
    REGION,
    /** A list separated by {@code ;} becomes the number of its entries. */
    COUNT,
    /** A name becomes its initials. */
    INITIALS,
    /** A value is looked up in the field's own value table. */
    MAP
}
