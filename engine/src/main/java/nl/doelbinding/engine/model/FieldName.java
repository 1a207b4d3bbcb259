package nl.doelbinding.engine.model;

/** A field code from the catalogue, such as {@code date_of_birth}. */
public record FieldName(String value) implements Comparable<FieldName> {
    public FieldName {
        Code.require(value, Code.LOWER_SNAKE, "field name");
    }

    @Override
    public int compareTo(FieldName o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
