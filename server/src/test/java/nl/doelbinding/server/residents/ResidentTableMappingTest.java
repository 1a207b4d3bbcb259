package nl.doelbinding.server.residents;

import static nl.doelbinding.server.residents.RegisterFields.HEALTH;
import static nl.doelbinding.server.residents.RegisterFields.NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import nl.doelbinding.engine.model.FieldName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentTableMappingTest {
    @Test
    void defaultsToTheMigrationsTableWithIdenticalColumnNames() {
        ResidentTableMapping mapping = ResidentTableMapping.defaults();

        assertThat(mapping.table()).isEqualTo("residents");
        assertThat(mapping.keyColumn()).isEqualTo("v_number");
        assertThat(mapping.columns().keySet()).containsExactlyElementsOf(RegisterFields.ALL);
        RegisterFields.ALL.forEach(field -> assertThat(mapping.columnOf(field)).contains(field.value()));
    }

    @Test
    void configurationOverridesAddsAndRemovesColumns() {
        Map<String, String> config = new HashMap<>();
        config.put("name", "volledige_naam");
        config.put("health", " ");
        config.put("shoe_size", "schoenmaat");

        ResidentTableMapping mapping = ResidentTableMapping.fromConfig("coa.bewoners", "vnummer", config);

        assertThat(mapping.table()).isEqualTo("coa.bewoners");
        assertThat(mapping.columnOf(NAME)).contains("volledige_naam");
        assertThat(mapping.columnOf(HEALTH)).isEmpty();
        assertThat(mapping.columnOf(new FieldName("shoe_size"))).contains("schoenmaat");
        assertThat(mapping.columnOf(RegisterFields.ROOM)).contains("room");
        assertThat(mapping.withColumn(HEALTH, "medisch").columnOf(HEALTH)).contains("medisch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "residents; DROP TABLE residents", "name--", "a b", "1abc", "\"quoted\"",
        "naam/*", "x'y", "a.b", "a\nb", "kolom)", "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd"})
    void rejectsAColumnOrKeyThatIsNotAPlainIdentifier(String unsafe) {
        assertThatThrownBy(() -> ResidentTableMapping.defaults().withColumn(NAME, unsafe))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column of field name");
        assertThatThrownBy(() -> new ResidentTableMapping("residents", unsafe, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key column");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "residents;", "residents WHERE 1=1", "a.b.c", ".residents", "residents.",
        "public.residents x", "pg_catalog.pg_user --"})
    void rejectsATableThatIsNotAPlainOrSchemaQualifiedIdentifier(String unsafe) {
        assertThatThrownBy(() -> new ResidentTableMapping(unsafe, "v_number", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table");
    }

    @Test
    void acceptsPlainAndQualifiedNames() {
        ResidentTableMapping mapping = new ResidentTableMapping("coa_2026.Bewoners_Register", "_vnr",
                Map.of(NAME, "Naam_1"));

        assertThat(mapping.columnOf(NAME)).contains("Naam_1");
    }

    @Test
    void showsARejectedNameWithoutControlCharacters() {
        assertThatThrownBy(() -> new ResidentTableMapping("bad\u001b[31mname", "v_number", Map.of()))
                .hasMessageNotContaining("\u001b").hasMessageContaining("bad?[31mname");
    }
}
