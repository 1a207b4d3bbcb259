package nl.doelbinding.engine.catalogue;

/**
 * How a field is masked: only the last characters are released, the rest replaced by {@code *}.
 *
 * @param keepLast how many trailing characters stay readable
 */
public record MaskSpec(int keepLast) {
    public MaskSpec {
        if (keepLast < 0) {
            throw new IllegalArgumentException("keepLast must not be negative");
        }
    }
}
