package nl.doelbinding.server.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** An {@code application/x-www-form-urlencoded} body, as Keycloak's token endpoints take it. */
final class FormBody {
    static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    private FormBody() {
    }

    static String of(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
