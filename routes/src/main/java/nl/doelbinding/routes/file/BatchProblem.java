package nl.doelbinding.routes.file;

import java.util.OptionalInt;

/**
 * Why a batch was not (completely) processed, to be written beside it in {@code failed/}: the file, the index of
 * the request at fault (none when the envelope itself is wrong), the property, and what is wrong with it.
 */
public final class BatchProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final transient OptionalInt index;
    private final String property;
    private final int decided;

    BatchProblem(String file, OptionalInt index, String property, String problem, int decided) {
        super(problem);
        this.file = file;
        this.index = index;
        this.property = property;
        this.decided = decided;
    }

    static BatchProblem envelope(String file, String property, String problem) {
        return new BatchProblem(file, OptionalInt.empty(), property, problem, 0);
    }

    static BatchProblem request(String file, int index, String property, String problem) {
        return new BatchProblem(file, OptionalInt.of(index), property, problem, 0);
    }

    /** The same problem, found after the requests before it were decided and recorded. */
    BatchProblem afterDeciding(int decidedRequests) {
        return new BatchProblem(file, index, property, getMessage(), decidedRequests);
    }

    public String file() {
        return file;
    }

    public OptionalInt index() {
        return index;
    }

    public String property() {
        return property;
    }

    public String problem() {
        return getMessage();
    }

    /** How many requests of the batch were decided (and recorded) before the problem was found. */
    public int decided() {
        return decided;
    }
}
