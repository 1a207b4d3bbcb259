package nl.doelbinding.engine.catalogue;

import java.util.Objects;
import java.util.Optional;
import nl.doelbinding.engine.model.FieldCategory;
import nl.doelbinding.engine.model.FieldName;

/**
 * A field of the resident register that a requester may ask for.
 *
 * @param name                   the field code
 * @param category               its category
 * @param description            what it holds
 * @param revealsSpecialCategory true when the field can indirectly reveal a special category (CJEU C-184/20)
 * @param mask                   how it is masked, if it can be
 * @param generalise             how it is generalised, if it can be
 */
public record FieldDefinition(FieldName name, FieldCategory category, String description,
                              boolean revealsSpecialCategory, Optional<MaskSpec> mask,
                              Optional<GeneraliseSpec> generalise) {
    public FieldDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        description = description == null ? "" : description;
        mask = mask == null ? Optional.empty() : mask;
        generalise = generalise == null ? Optional.empty() : generalise;
    }
}
