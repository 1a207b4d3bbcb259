package nl.doelbinding.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.verify.InvariantReader;
import nl.doelbinding.engine.verify.InvariantSet;
import nl.doelbinding.engine.verify.InvariantVerifier;
import nl.doelbinding.engine.verify.VerificationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code doelbinding rules verify [DIR] [--invariants FILE...]}: proves a ruleset's invariants (its own
 * {@code invariants/*.yaml} and any extra files) over its whole decision space, or prints the smallest
 * counterexample of each as a scenario case; lists dead and shadowed rules.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Proves the ruleset's invariants (invariants/*.yaml, plus --invariants files) over its whole",
                "decision space: every purpose, instrument, flag, subject-count class and field. Prints PROVEN or",
                "VIOLATED with the smallest counterexample as a scenario case, the dead and shadowed rules, the time",
                "taken, and 'N passed, N failed'. Exit status 0 only when every invariant holds."})
final class RulesVerifyCommand implements Callable<Integer> {
    @CommandLine.Parameters(paramLabel = "DIR", arity = "0..1",
            description = "The ruleset folder (default: the baseline ruleset).")
    Path folder;

    @CommandLine.Option(names = "--invariants", paramLabel = "FILE", arity = "1..*",
            description = "Extra invariant files (or folders searched for *.yaml), checked with the ruleset's own.")
    List<Path> extra = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RulesetOption location = new RulesetOption();
        location.folder = folder;
        long start = System.nanoTime();
        CompiledRuleset ruleset = location.compileOrReport(err);
        if (ruleset == null) {
            err.println("the ruleset " + location.describe() + " does not compile");
            return 2;
        }
        long compiled = System.nanoTime() - start;
        SortedMap<String, String> extraFiles;
        try {
            extraFiles = read(extra);
        } catch (UncheckedIOException e) {
            err.println("cannot read invariants: " + e.getCause().getMessage());
            return 2;
        }
        InvariantReader reader = new InvariantReader(ruleset.catalogue());
        InvariantSet invariants = reader.readOwn(ruleset.source()).and(reader.read(extraFiles));
        if (!invariants.ok()) {
            invariants.errors().forEach(e -> err.println("ERROR " + e));
            err.println(invariants.errors().size() + " error(s) in the invariant files; nothing verified");
            return 2;
        }
        out.println("ruleset " + location.describe() + ": " + ruleset.rules().size() + " rules, sha256 "
                + ruleset.sha256() + String.format(java.util.Locale.ROOT, " (compiled in %.2f s)", compiled / 1e9));
        long cpuBefore = processCpuNanos();
        VerificationReport report = new InvariantVerifier().verify(ruleset, invariants.invariants());
        long cpu = processCpuNanos() - cpuBefore;
        VerificationPrinter.print(report, cpuBefore < 0 ? -1 : cpu, out);
        out.flush();
        return report.holds() ? 0 : 1;
    }

    /** CPU time of the whole process (workers, JIT, GC), or -1 where the JVM does not say. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    /** Files as given (any name), folders searched for *.yaml and *.yml; keyed by the path as given. */
    static SortedMap<String, String> read(List<Path> paths) {
        SortedMap<String, String> files = new TreeMap<>();
        for (Path path : paths) {
            try {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> walk = Files.walk(path)) {
                        for (Path p : (Iterable<Path>) walk::iterator) {
                            String name = p.getFileName().toString();
                            if (Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                                files.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
                            }
                        }
                    }
                } else {
                    files.put(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
