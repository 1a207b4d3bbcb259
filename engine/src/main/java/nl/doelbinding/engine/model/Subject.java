package nl.doelbinding.engine.model;

import java.util.Objects;

/** A named resident the request is about. */
public record Subject(VNumber vNumber) {
    public Subject {
        Objects.requireNonNull(vNumber, "vNumber");
    }
}
