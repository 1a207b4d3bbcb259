package nl.doelbinding.engine.drools;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.catalogue.CatalogueReader;
import nl.doelbinding.engine.model.RuleId;
import nl.doelbinding.engine.ruleset.CompilationResult;
import nl.doelbinding.engine.ruleset.ManifestReader;
import nl.doelbinding.engine.ruleset.RuleInfo;
import nl.doelbinding.engine.ruleset.RulesetCompiler;
import nl.doelbinding.engine.ruleset.RulesetManifest;
import nl.doelbinding.engine.ruleset.RulesetProblem;
import nl.doelbinding.engine.ruleset.RulesetSource;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.KieBase;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles a ruleset folder with Drools' classic engine: reads the manifest and catalogue, expands every
 * {@code rules/*.dslr} with the vocabulary, checks what the author wrote (safety, codes, field
 * independence), and builds an immutable knowledge base. Every problem is reported as {@code file:line}.
 */
public final class DroolsRulesetCompiler implements RulesetCompiler {
    /** One line, so that the author's line numbers shift by exactly one. */
    private static final String HEADER = "package doelbinding.rules; "
            + "import " + RequestFact.class.getName() + "; "
            + "import " + FieldFact.class.getName() + "; "
            + "import nl.doelbinding.engine.model.FieldOutcome; "
            + "global " + Verdicts.class.getName() + " verdicts;\n";

    @Override
    public CompilationResult compile(RulesetSource source) {
        List<RulesetProblem> errors = new ArrayList<>();
        List<RulesetProblem> warnings = new ArrayList<>();
        Optional<RulesetManifest> manifest = ManifestReader.read(source, errors::add);
        Optional<Catalogue> catalogue = new CatalogueReader().read(source.filesUnder("catalogue", ".yaml"),
                errors::add);
        Optional<Vocabulary> vocabulary = Vocabulary.load(source.filesUnder("vocabulary", ".dsl"), errors::add);
        SortedMap<String, String> ruleFiles = source.filesUnder("rules", ".dslr");
        if (ruleFiles.isEmpty()) {
            errors.add(new RulesetProblem("rules", 0, "the ruleset has no rules/*.dslr files"));
        }
        if (manifest.isEmpty() || catalogue.isEmpty() || vocabulary.isEmpty() || ruleFiles.isEmpty()) {
            return new CompilationResult(Optional.empty(), errors, warnings);
        }
        CodeReferenceCheck codes = new CodeReferenceCheck(catalogue.get());
        List<ExpandedFile> expanded = new ArrayList<>();
        RequestConditionScan conditions = new RequestConditionScan(catalogue.get().policy());
        List<RuleInfo> rules = new ArrayList<>();
        Map<String, RuleInfo> byDrlName = new HashMap<>();
        Map<RuleId, RuleInfo> byId = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : ruleFiles.entrySet()) {
            String path = file.getKey();
            String text = file.getValue();
            int before = errors.size();
            AuthoredTextCheck.check(path, text, errors::add);
            ExpandedFile drl = vocabulary.get().expand(path, text, errors::add);
            if (errors.size() > before) {
                continue; // unexpandable text makes the later checks speak of lines the author did not write
            }
            codes.check(drl, text, errors::add);
            Optional<PackageDescr> descr = parse(drl, errors::add);
            if (descr.isEmpty()) {
                continue;
            }
            conditions.scan(descr.get());
            for (RuleSafetyCheck.CheckedRule checked : RuleSafetyCheck.check(descr.get(), drl, errors::add)) {
                RuleInfo info = new RuleInfo(checked.id(), checked.title(), path, checked.line(), checked.stage(),
                        rules.size());
                RuleInfo earlier = byId.putIfAbsent(checked.id(), info);
                if (earlier != null) {
                    errors.add(new RulesetProblem(path, checked.line(), "rule ID " + checked.id()
                            + " is already used at " + earlier.file() + ":" + earlier.line()));
                    continue;
                }
                if (byDrlName.containsKey(checked.drlName())) {
                    errors.add(new RulesetProblem(path, checked.line(), "two rules have the same name"));
                    continue;
                }
                rules.add(info);
                byDrlName.put(checked.drlName(), info);
            }
            expanded.add(drl);
        }
        if (rules.isEmpty() && errors.isEmpty()) {
            errors.add(new RulesetProblem("rules", 0, "the ruleset has no rules"));
        }
        if (!errors.isEmpty()) {
            return new CompilationResult(Optional.empty(), errors, warnings);
        }
        Optional<KieBase> kieBase = build(expanded, errors::add);
        if (kieBase.isEmpty()) {
            return new CompilationResult(Optional.empty(), errors, warnings);
        }
        DroolsCompiledRuleset compiled = new DroolsCompiledRuleset(source, manifest.get(), catalogue.get(), rules,
                byDrlName, kieBase.get(), conditions.result());
        return new CompilationResult(Optional.of(compiled), errors, warnings);
    }

    private static Optional<PackageDescr> parse(ExpandedFile drl, Consumer<RulesetProblem> problems) {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr descr = parser.parse(false, drl.drl());
            if (parser.hasErrors() || descr == null) {
                for (DroolsError error : parser.getErrors()) {
                    int line = error.getLines().length > 0 ? drl.authorLine(error.getLines()[0]) : 0;
                    problems.accept(new RulesetProblem(drl.path(), line, error.getMessage()));
                }
                return Optional.empty();
            }
            return Optional.of(descr);
        } catch (DroolsParserException e) {
            problems.accept(new RulesetProblem(drl.path(), 0, e.getMessage()));
            return Optional.empty();
        }
    }

    private static Optional<KieBase> build(List<ExpandedFile> files, Consumer<RulesetProblem> problems) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        Map<String, ExpandedFile> bySourcePath = new HashMap<>();
        for (ExpandedFile file : files) {
            String sourcePath = "doelbinding/rules/" + file.path().replace('/', '_') + ".drl";
            Resource resource = ResourceFactory.newByteArrayResource(
                    (HEADER + file.drl()).getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath(sourcePath);
            bySourcePath.put(sourcePath, file);
            builder.add(resource, ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            for (KnowledgeBuilderError error : builder.getErrors()) {
                ExpandedFile file = error.getResource() == null ? null
                        : bySourcePath.get(error.getResource().getSourcePath());
                int[] lines = error.getLines();
                int line = file != null && lines.length > 0 ? file.authorLine(lines[0] - 1) : 0;
                String message = error.getMessage().replace(HEADER.strip(), "").strip();
                problems.accept(new RulesetProblem(file == null ? "rules" : file.path(), line, message));
            }
            return Optional.empty();
        }
        return Optional.of(builder.newKieBase());
    }
}
