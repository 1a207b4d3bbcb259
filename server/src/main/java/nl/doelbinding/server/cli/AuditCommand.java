package nl.doelbinding.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.doelbinding.server.audit.AuditExportVerifier;
import nl.doelbinding.server.audit.ExportVerification;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code doelbinding audit verify FILE}: checks an audit export offline (see docs/audit-chain.md). */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with audit exports offline.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verifies an export of GET /api/v1/audit/export (JSON lines) without a database:",
                    "every line canonical, linked to the line before and hashing to its stated hash.",
                    "Exit status 0 when it verifies, 1 naming the first bad record, 2 when the file cannot be read."})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Parameters(paramLabel = "EXPORT.jsonl")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                ExportVerification result = new AuditExportVerifier().verify(file);
                out.println(result.describe());
                out.flush();
                return result instanceof ExportVerification.Ok ? 0 : 1;
            } catch (IOException e) {
                spec.commandLine().getErr().println("cannot read " + file + ": " + e.getMessage());
                spec.commandLine().getErr().flush();
                return 2;
            }
        }
    }
}
