package nl.doelbinding.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.doelbinding.engine.ruleset.RulesetSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code doelbinding rulesets list|show|diff|upload|approve|activate|replay}: the ruleset lifecycle against a
 * running server, so that a legal team can work from a git repository of rules. Exit status 0 when the server
 * did what was asked, 1 when it refused (the problem is printed), 2 when it could not be reached.
 */
@Command(name = "rulesets", mixinStandardHelpOptions = true,
        description = "Ruleset versions on a running server: list, show, diff, upload, approve, activate, replay.",
        subcommands = {RulesetsCommand.ListVersions.class, RulesetsCommand.Show.class, RulesetsCommand.Diff.class,
                RulesetsCommand.Upload.class, RulesetsCommand.Approve.class, RulesetsCommand.Activate.class,
                RulesetsCommand.Replay.class})
final class RulesetsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every subcommand shares: the connection and how a reply is printed. */
    abstract static class Remote implements Callable<Integer> {
        @CommandLine.Mixin
        ServerConnection server = new ServerConnection();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                ServerConnection.Reply reply = send();
                if (!reply.ok()) {
                    problem(reply, err);
                    return 1;
                }
                int status = print(reply.json(), out);
                out.flush();
                return status;
            } catch (IOException e) {
                err.println("cannot reach the server or Keycloak: " + e.getMessage());
                return 2;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 2;
            } finally {
                err.flush();
            }
        }

        abstract ServerConnection.Reply send() throws IOException, InterruptedException;

        /** Prints a successful reply; returns the exit status. */
        abstract int print(JsonNode reply, PrintWriter out);

        static void problem(ServerConnection.Reply reply, PrintWriter err) {
            try {
                JsonNode problem = reply.json();
                err.println("refused (" + reply.status() + "): " + problem.path("detail").asText());
                for (JsonNode e : problem.path("errors")) {
                    err.println("  " + e.path("property").asText() + ": " + e.path("message").asText());
                }
            } catch (IOException e) {
                err.println("refused (" + reply.status() + ")");
            }
        }

        static String line(JsonNode v) {
            return String.format("%4d  %-8s  %s  author %s  approver %s  activated %s", v.path("version").asInt(),
                    v.path("status").asText(), v.path("sha256").asText().substring(0, 12), v.path("author").asText(),
                    text(v.path("approver")), text(v.path("activatedAt")));
        }

        static String text(JsonNode node) {
            return node.isNull() || node.isMissingNode() ? "-" : node.asText();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every version with its status.")
    static final class ListVersions extends Remote {
        @Override
        ServerConnection.Reply send() throws IOException, InterruptedException {
            return server.get("/api/v1/rulesets");
        }

        @Override
        int print(JsonNode reply, PrintWriter out) {
            reply.path("versions").forEach(v -> out.println(line(v)));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One version: metadata and history.")
    static final class Show extends Remote {
        @CommandLine.Parameters(paramLabel = "VERSION")
        int version;

        @Override
        ServerConnection.Reply send() throws IOException, InterruptedException {
            return server.get("/api/v1/rulesets/" + version);
        }

        @Override
        int print(JsonNode reply, PrintWriter out) {
            out.println(line(reply));
            reply.path("history").forEach(e -> out.println("  " + e.path("at").asText() + "  "
                    + e.path("step").asText() + "  " + e.path("actor").asText() + "  " + text(e.path("detail"))));
            return 0;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "The unified diff from version OTHER to VERSION.")
    static final class Diff extends Remote {
        @CommandLine.Parameters(paramLabel = "VERSION")
        int version;

        @CommandLine.Option(names = "--against", required = true, paramLabel = "OTHER")
        int against;

        @Override
        ServerConnection.Reply send() throws IOException, InterruptedException {
            return server.get("/api/v1/rulesets/" + version + "/diff?against=" + against);
        }

        @Override
        int print(JsonNode reply, PrintWriter out) {
            out.print(reply.path("unified").asText());
            return 0;
        }
    }

    @Command(name = "upload", mixinStandardHelpOptions = true,
            description = {"Uploads a ruleset folder as a new draft and prints its checks.",
                    "Exit status 0 when every check passed, 1 when the draft was stored but cannot be approved."})
    static final class Upload extends Remote {
        @CommandLine.Parameters(paramLabel = "DIR", description = "The ruleset folder (hidden files are left out).")
        Path folder;

        @CommandLine.Option(names = "--comment", paramLabel = "TEXT", description = "What changed and why.")
        String comment;

        @Override
        ServerConnection.Reply send() throws IOException, InterruptedException {
            RulesetSource source = RulesetSource.fromDirectory(folder);
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            if (comment != null) {
                body.put("comment", comment);
            }
            ObjectNode files = body.putObject("files");
            source.files().forEach(files::put);
            return server.post("/api/v1/rulesets", "application/json",
                    body.toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        int print(JsonNode reply, PrintWriter out) {
            out.println("uploaded version " + reply.path("version").asInt() + " (sha256 " + reply.path("sha256")
                    .asText() + ")");
            JsonNode checks = reply.path("checks");
            for (JsonNode r : checks.path("reasons")) {
                out.println("  FAILED " + r.path("check").asText() + " " + r.path("property").asText() + ": "
                        + r.path("message").asText());
            }
            boolean passed = checks.path("passed").asBoolean();
            out.println(passed ? "checks passed: it may be approved" : "checks failed: it cannot be approved");
            return passed ? 0 : 1;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approves a draft (legal-approver, not its author).")
    static final class Approve extends Remote {
        @CommandLine.Parameters(paramLabel = "VERSION")
        int version;

        @CommandLine.Option(names = "--effective-from", paramLabel = "INSTANT",
                description = "Activate it at this moment (ISO-8601, such as 2026-12-01T00:00:00Z).")
        String effectiveFrom;

        @Override
        ServerConnection.Reply send() throws IOException, InterruptedException {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            if (effectiveFrom != null) {
                body.put("effectiveFrom", effectiveFrom);
            }
            return server.post("/api/v1/rulesets/" + version + "/approve", "application/json",
                    body.toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        int print(JsonNode reply, PrintWriter out) {
            out.println(line(reply));
            return 0;
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true,
            description = "Activates an approved version, or an earlier one to roll back (admin).")
    static final class Activate extends Remote {
        @CommandLine.Parameters(paramLabel = "VERSION")
        int version;

        @Override
        ServerConnection.Reply send() throws IOException, InterruptedException {
            return server.post("/api/v1/rulesets/" + version + "/activate", "application/json", new byte[0]);
        }

        @Override
        int print(JsonNode reply, PrintWriter out) {
            out.println(line(reply));
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Re-decides the stored requests of a window under VERSION and lists what would change.")
    static final class Replay extends Remote {
        @CommandLine.Parameters(paramLabel = "VERSION")
        int version;

        @CommandLine.Option(names = "--from", paramLabel = "INSTANT")
        String from;

        @CommandLine.Option(names = "--to", paramLabel = "INSTANT")
        String to;

        @Override
        ServerConnection.Reply send() throws IOException, InterruptedException {
            String query = (from == null ? "" : "from=" + from) + (to == null ? "" : (from == null ? "" : "&") + "to="
                    + to);
            return server.post("/api/v1/rulesets/" + version + "/replay" + (query.isEmpty() ? "" : "?" + query),
                    "application/json", new byte[0]);
        }

        @Override
        int print(JsonNode reply, PrintWriter out) {
            out.println(reply.path("replayed").asInt() + " requests replayed, " + reply.path("changedRequests")
                    .asInt() + " would be decided differently");
            reply.path("changes").forEach(c -> out.println("  " + c.path("requestId").asText() + "  "
                    + c.path("field").asText() + "  " + c.path("beforeOutcome").asText() + " (" + text(c.path(
                    "beforeRule")) + ") -> " + c.path("afterOutcome").asText() + " (" + text(c.path("afterRule"))
                    + ")"));
            return 0;
        }
    }
}
