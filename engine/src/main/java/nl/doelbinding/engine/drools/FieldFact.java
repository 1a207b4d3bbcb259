package nl.doelbinding.engine.drools;

import java.util.Set;
import nl.doelbinding.engine.catalogue.FieldDefinition;
import nl.doelbinding.engine.model.FieldName;

/**
 * One requested field under decision: its name and what the catalogue says about it, never its value.
 * A field rule sees exactly one of these (field independence).
 */
public final class FieldFact {
    static final Set<String> PROPERTIES = Set.of("name", "category", "revealsSpecialCategory");
    static final String UNKNOWN_CATEGORY = "UNKNOWN";

    private final FieldName field;
    private final String name;
    private final String category;
    private final boolean revealsSpecialCategory;

    FieldFact(FieldName field, FieldDefinition definition) {
        this.field = field;
        this.name = field.value();
        this.category = definition == null ? UNKNOWN_CATEGORY : definition.category().name();
        this.revealsSpecialCategory = definition != null && definition.revealsSpecialCategory();
    }

    FieldName field() {
        return field;
    }

    public String getName() {
        return name;
    }

    public String getCategory() {
        return category;
    }

    public boolean isRevealsSpecialCategory() {
        return revealsSpecialCategory;
    }
}
