package nl.doelbinding.routes.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.doelbinding.routes.problem.ProblemException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error handling of the file-drop routes in one place: whatever stopped a batch is written to
 * {@code failed/<batch name>.error.txt} (file, request index, property, problem, and what was decided before
 * it); the file consumer then moves the batch beside it. The operator log names the batch, never content.
 */
public final class FileDropErrors extends RouteConfigurationBuilder {
    public static final String ID = "file-drop-errors";
    static final String BINDING = "doelbinding.fileBinding";
    private static final Logger LOG = LoggerFactory.getLogger(FileDropErrors.class);

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .errorHandler(defaultErrorHandler().logExhausted(false))
                .onException(Exception.class).handled(false).logExhausted(false).logStackTrace(false)
                    .process(FileDropErrors::writeErrorFile)
                .end();
    }

    private static void writeErrorFile(Exchange exchange) throws IOException {
        FileBinding binding = exchange.getProperty(BINDING, FileBinding.class);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String text = failure instanceof BatchProblem problem ? describe(problem) : describe(name, failure);
        Files.createDirectories(binding.failed());
        Path error = binding.failed().resolve(BatchName.of(name) + ".error.txt");
        Files.writeString(error, text, StandardCharsets.UTF_8);
        LOG.warn("batch {} of binding {} failed ({}); moved to {}", name, binding.name(),
                failure == null ? "unknown" : failure.getClass().getSimpleName(), binding.failed());
    }

    static String describe(BatchProblem problem) {
        StringBuilder text = new StringBuilder();
        text.append("file: ").append(problem.file()).append('\n');
        text.append("request index: ").append(problem.index().isPresent() ? String.valueOf(problem.index().getAsInt())
                : "none (the batch envelope itself)").append('\n');
        text.append("property: ").append(problem.property()).append('\n');
        text.append("problem: ").append(problem.problem()).append('\n');
        text.append(decided(problem.decided()));
        return text.toString();
    }

    static String describe(String file, Exception failure) {
        String reason = failure instanceof ProblemException problem ? problem.type().name() + ": " + problem.detail()
                : "the server could not process the batch safely (" + (failure == null ? "unknown"
                : failure.getClass().getSimpleName()) + ")";
        return "file: " + file + "\nrequest index: none\nproperty: $\nproblem: " + reason + "\n"
                + "decided: nothing more was released; drop the batch again to retry (requests already decided are"
                + " answered with their stored decision)\n";
    }

    private static String decided(int count) {
        if (count == 0) {
            return "decided: no request of this batch was decided\n";
        }
        return "decided: the " + count + " requests before this one were decided and recorded; dropping the corrected"
                + " batch again answers them with their stored decisions (same requestId)\n";
    }
}
