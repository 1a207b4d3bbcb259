package nl.doelbinding.engine.port;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.VNumber;

/**
 * Reads the stored values of residents' fields, for building a release package. Implementations read
 * only the fields asked for, of the residents asked for, and never invent a resident.
 */
public interface ResidentDirectory {
    /** The field holding a resident's reception location: the volume rules count coverage per location (R8). */
    FieldName LOCATION = new FieldName("current_location");

    /**
     * The stored values of {@code fields} for each of {@code residents} that exists; a resident that is
     * not in the register is absent from the result. A field without a stored value is absent from that
     * resident's map.
     */
    Map<VNumber, Map<FieldName, String>> read(Collection<VNumber> residents, Set<FieldName> fields);

    /** The residents among {@code residents} that the register holds. */
    default Set<VNumber> existing(Collection<VNumber> residents) {
        return read(residents, Set.of()).keySet();
    }

    /**
     * How many residents the register holds at {@code location} (a value of {@link #LOCATION}); empty when the
     * register cannot tell, which the volume rules treat as a location fully covered (fail closed).
     */
    default OptionalLong residentsAt(String location) {
        return OptionalLong.empty();
    }
}
