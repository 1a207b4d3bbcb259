package nl.doelbinding.routes.http;

import jakarta.servlet.ServletInputStream;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;

/**
 * The one REST configuration: Jetty on the configured host and port, no automatic binding (bodies are
 * read and written as JSON by the processors), and routes not inlined (stack.md gotcha 2).
 *
 * <p>Request bodies are not cached by Camel: neither by its HTTP binding ({@code disableStreamCache}) nor by the
 * stream caching at the start of each route (servlet input streams denied). Either would read every body whole
 * before a processor runs, spooling to a temporary file what passes its memory threshold, so that
 * {@link BodyLimit} could refuse a chunked body only after all of it had arrived (or the connection's idle
 * timeout had passed); and a body holds personal data, which has no business in a temporary file. A handler
 * that reads the body does so once, through {@link BodyLimit}, which replaces it with the bytes read.
 */
public final class RestSetup extends RouteBuilder {
    public static final String HOST_KEY = "doelbinding.http.host";
    public static final String PORT_KEY = "doelbinding.http.port";

    @Override
    public void configure() {
        getCamelContext().getStreamCachingStrategy().setDenyClasses(ServletInputStream.class);
        restConfiguration().component("jetty")
                .host("{{" + HOST_KEY + ":127.0.0.1}}")
                .port("{{" + PORT_KEY + ":8080}}")
                .bindingMode(RestBindingMode.off)
                .inlineRoutes(false)
                .endpointProperty("matchOnUriPrefix", "false")
                .endpointProperty("disableStreamCache", "true");
    }
}
