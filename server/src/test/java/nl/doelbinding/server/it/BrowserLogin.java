package nl.doelbinding.server.it;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person in a browser, for the device login: opens the URL the command printed and fills in Keycloak's own pages
 * (the code, the login form, the consent) as they come, until Keycloak says the device is logged in. Keycloak's
 * HTML is read only for its forms: their action and the names of their inputs.
 */
final class BrowserLogin {
    private static final Pattern FORM = Pattern.compile("<form[^>]*\\saction=\"([^\"]*)\"[^>]*>(.*?)</form>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<(?:input|button)[^>]*\\sname=\"([^\"]*)\"[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_PAGES = 6;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new Jar())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /**
     * Keycloak marks its login cookies {@code Secure}; a browser sends them to http://127.0.0.1 (a secure context),
     * Java's CookieManager does not. This jar keeps every cookie of the one Keycloak the test talks to, by name.
     */
    private static final class Jar extends CookieHandler {
        private final Map<String, String> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String value : values) {
                        String pair = value.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        String cookie = pair.substring(0, eq).trim();
                        String content = pair.substring(eq + 1).trim();
                        if (content.isEmpty() || value.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                            cookies.remove(cookie);
                        } else {
                            cookies.put(cookie, content);
                        }
                    }
                }
            });
        }
    }

    /** Logs {@code user} in at {@code url} and grants the device access; returns the last page's text. */
    String approve(String url, String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        for (int i = 0; i < MAX_PAGES; i++) {
            Matcher form = FORM.matcher(page.body());
            if (!form.find()) {
                return page.body();
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher input = INPUT.matcher(form.group(2));
            while (input.find()) {
                switch (input.group(1)) {
                    case "username" -> fields.put("username", user);
                    case "password" -> fields.put("password", password);
                    case "accept" -> fields.put("accept", "Yes");
                    default -> {
                        // hidden inputs carry their value
                        Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
                        if (value.find()) {
                            fields.putIfAbsent(input.group(1), unescape(value.group(1)));
                        }
                    }
                }
            }
            fields.remove("cancel");
            URI action = page.uri().resolve(unescape(form.group(1)));
            page = http.send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        return page.body();
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#61;", "=").replace("&quot;", "\"");
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
