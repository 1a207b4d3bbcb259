package nl.doelbinding.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code doelbinding}: the command line of the disclosure authorisation server. */
@Command(name = "doelbinding", mixinStandardHelpOptions = true, version = "doelbinding 0.1.0",
        description = "Disclosure authorisation: per-field, per-purpose decisions on police data requests.",
        subcommands = {RulesCommand.class, DecideCommand.class, ServeCommand.class, DemoCommand.class,
                RulesetsCommand.class, AuditCommand.class})
public final class DoelbindingCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The command line, for callers that set its output streams. */
    public static CommandLine commandLine() {
        return new CommandLine(new DoelbindingCommand());
    }
}
