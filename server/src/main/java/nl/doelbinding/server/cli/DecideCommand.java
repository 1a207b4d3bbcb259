package nl.doelbinding.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Callable;
import nl.doelbinding.engine.decision.RulesetDecisionEngine;
import nl.doelbinding.engine.io.DecisionJson;
import nl.doelbinding.engine.io.RequestReader;
import nl.doelbinding.engine.io.RequestValidationException;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.engine.model.RulesetRef;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code doelbinding decide [--ruleset DIR] REQUEST.json}: prints the decision on one request. */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = {"Decides one request (api.md section 2) and prints the decision JSON (without release).",
                "The requester is the local user; --unit and --role set what a token would carry."})
final class DecideCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @CommandLine.Mixin
    RulesetOption ruleset = new RulesetOption();

    @CommandLine.Option(names = "--unit", defaultValue = "CLI", description = "The requester's unit (default: ${DEFAULT-VALUE}).")
    String unit;

    @CommandLine.Option(names = "--role", defaultValue = "police-requester",
            description = "A realm role of the requester (repeatable; default: ${DEFAULT-VALUE}).")
    List<String> roles;

    @CommandLine.Parameters(paramLabel = "REQUEST.json", description = "The request, as JSON.")
    Path request;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonNode body;
        try {
            body = JSON.readTree(request.toFile());
        } catch (IOException e) {
            err.println(request + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
            return 2;
        }
        CompiledRuleset compiled = ruleset.compileOrReport(err);
        if (compiled == null) {
            return 2;
        }
        Requester requester = new Requester(System.getProperty("user.name", "cli"), "cli",
                new LinkedHashSet<>(roles), unit);
        DisclosureRequest parsed;
        try {
            parsed = new RequestReader(compiled.catalogue()).read(body, requester);
        } catch (RequestValidationException e) {
            e.errors().forEach(error -> err.println(request + ": " + error));
            return 2;
        }
        Decision decision = new RulesetDecisionEngine(compiled,
                new RulesetRef(OptionalInt.empty(), compiled.sha256())).decide(parsed);
        out.println(JSON.writeValueAsString(DecisionJson.write(decision, UUID.randomUUID().toString(),
                Optional.empty(), Optional.empty())));
        out.flush();
        return 0;
    }
}
