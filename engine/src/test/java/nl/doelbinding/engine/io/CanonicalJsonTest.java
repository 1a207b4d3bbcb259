package nl.doelbinding.engine.io;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalJsonTest {

    @Test
    void membersAreSortedAndWhitespaceGoes() {
        assertThat(CanonicalJson.canonicalize(" { \"b\" : 1 , \"a\" : { \"d\" : [ 1 , 2 ] , \"c\" : null } } "))
                .isEqualTo("{\"a\":{\"c\":null,\"d\":[1,2]},\"b\":1}");
    }

    @Test
    void keysSortByUtf16CodeUnits() {
        assertThat(CanonicalJson.canonicalize("{\"é\":1,\"z\":2,\"Z\":3,\"\":4,\"aa\":5,\"a\":6}"))
                .isEqualTo("{\"\":4,\"Z\":3,\"a\":6,\"aa\":5,\"z\":2,\"é\":1}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.50|1.5", "1e3|1000", "1E+3|1000", "2.0|2", "-0|0", "-0.0|0", "0.000|0", "1E-3|0.001",
            "-12.3400e1|-123.4", "123456789012345678901234567890|123456789012345678901234567890",
            "0.1|0.1", "100|100", "-7|-7"})
    void numbersHaveOneExactForm(String in, String canonical) {
        assertThat(CanonicalJson.canonicalize("[" + in + "]")).isEqualTo("[" + canonical + "]");
    }

    @Test
    void stringsEscapeOnlyWhatJsonRequires() {
        String in = "\"tab\\t nl\\n cr\\r bs\\b ff\\f nul\\u0000 us\\u001f q\\\" back\\\\ slash\\/ é\\u00e9 ☃ 😀 del\u007f\"";
        assertThat(CanonicalJson.canonicalize(in))
                .isEqualTo("\"tab\\t nl\\n cr\\r bs\\b ff\\f nul\\u0000 us\\u001f q\\\" back\\\\ slash/ éé ☃ 😀 del\u007f\"");
    }

    @Test
    void theCanonicalFormIsAFixedPoint() {
        String canonical = CanonicalJson.canonicalize("{\"x\":[1.50,\"\\u0001\",{\"b\":true,\"a\":false}],\"n\":-0.0}");
        assertThat(CanonicalJson.canonicalize(canonical)).isEqualTo(canonical);
    }

    @Test
    void equalContentHasEqualHashes() {
        assertThat(CanonicalJson.sha256("{\"a\":1,\"b\":[true]}"))
                .isEqualTo(CanonicalJson.sha256("{ \"b\" : [ true ], \"a\" : 1.0 }"))
                .isNotEqualTo(CanonicalJson.sha256("{\"a\":2,\"b\":[true]}"))
                .matches("[0-9a-f]{64}");
        // sha256("") as printed by sha256sum
        assertThat(CanonicalJson.sha256Hex(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":1,\"a\":2}", "{\"a\":1} x", "[1] [2]", "NaN", "{'a':1}", "\"\\ud800\"",
            "[1e99999]", "01"})
    void invalidOrAmbiguousJsonIsRefused(String json) {
        assertThatThrownBy(() -> CanonicalJson.canonicalize(json)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseErrorsDoNotEchoTheInput() {
        assertThatThrownBy(() -> CanonicalJson.parse("{\"name\": Zoë}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Zo");
    }
}
