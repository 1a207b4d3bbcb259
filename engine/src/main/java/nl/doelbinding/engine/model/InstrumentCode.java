package nl.doelbinding.engine.model;

/** A legal instrument code from the catalogue, such as {@code SV_126ND} or {@code CONSENT}. */
public record InstrumentCode(String value) implements Comparable<InstrumentCode> {
    /** The code for a request that names no legal instrument. */
    public static final InstrumentCode NONE = new InstrumentCode("NONE");

    public InstrumentCode {
        Code.require(value, Code.UPPER_SNAKE, "instrument code");
    }

    @Override
    public int compareTo(InstrumentCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
