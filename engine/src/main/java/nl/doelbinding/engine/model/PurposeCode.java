package nl.doelbinding.engine.model;

/** A purpose code from the catalogue, such as {@code TRACE_MISSING_RESIDENT}. Legal authors may add codes. */
public record PurposeCode(String value) implements Comparable<PurposeCode> {
    public PurposeCode {
        Code.require(value, Code.UPPER_SNAKE, "purpose code");
    }

    @Override
    public int compareTo(PurposeCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
