package nl.doelbinding.routes.http;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;

/**
 * The one REST configuration: Jetty on the configured host and port, no automatic binding (bodies are
 * read and written as JSON by the processors), and routes not inlined (stack.md gotcha 2).
 */
public final class RestSetup extends RouteBuilder {
    public static final String HOST_KEY = "doelbinding.http.host";
    public static final String PORT_KEY = "doelbinding.http.port";

    @Override
    public void configure() {
        restConfiguration().component("jetty")
                .host("{{" + HOST_KEY + ":127.0.0.1}}")
                .port("{{" + PORT_KEY + ":8080}}")
                .bindingMode(RestBindingMode.off)
                .inlineRoutes(false)
                .endpointProperty("matchOnUriPrefix", "false");
    }
}
