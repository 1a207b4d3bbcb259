package nl.doelbinding.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code doelbinding rules ...}: work with rulesets without a server. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Test, check and verify rulesets without a server.",
        subcommands = {RulesTestCommand.class, RulesCheckCommand.class, RulesVerifyCommand.class})
final class RulesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
