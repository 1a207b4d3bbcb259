package nl.doelbinding.engine.model;

import java.util.regex.Pattern;

/** A resident's V-number (vreemdelingennummer): ten digits, unique per foreign national (Vw 2000 art. 107(3)). */
public record VNumber(String value) implements Comparable<VNumber> {
    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");

    public VNumber {
        Code.require(value, TEN_DIGITS, "V-number");
    }

    @Override
    public int compareTo(VNumber o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
