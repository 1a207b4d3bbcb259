package nl.doelbinding.engine.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.doelbinding.engine.TestRulesets;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.ruleset.CompilationResult;
import nl.doelbinding.engine.ruleset.RulesetProblem;
import org.junit.jupiter.api.Test;

/**
 * Field independence by construction: a rule sees at most the field under decision and request-level
 * facts, and the request-level facts say nothing about the other requested fields. The verifier's
 * enumeration of one-field requests is a proof only because of this.
 */
class FieldIndependenceTest {
    private static final String EXTRA = "rules/zz-extra.dslr";

    private static List<String> compileWith(String dslLines, String ruleText) {
        Map<String, String> files = TestRulesets.minimalFiles();
        files.put("vocabulary/extra.dsl", dslLines + "\n");
        files.put(EXTRA, ruleText);
        CompilationResult result = TestRulesets.compile(files);
        return result.errors().stream().map(RulesetProblem::toString).toList();
    }

    private static String rule(String conditions, String action) {
        return "rule \"X-01 Looks around\"\nwhen\n" + conditions + "\nthen\n    " + action
                + "\n    citing \"AVG art. 5\"\n    because \"No.\"\nend\n";
    }

    @Test
    void theRequestFactsAreTheSameWhateverFieldsAreRequested() throws Exception {
        DisclosureRequest one = TestRulesets.request("CRIMINAL_INVESTIGATION", "SV_126ND", 1, "name");
        DisclosureRequest many = TestRulesets.request("CRIMINAL_INVESTIGATION", "SV_126ND", 1, "name", "health",
                "phone", "current_location", "nationality", "date_of_birth");
        RequestFact a = new RequestFact(one, TestRulesets.minimal().catalogue());
        RequestFact b = new RequestFact(many, TestRulesets.minimal().catalogue());

        for (PropertyDescriptor property : properties()) {
            assertThat(property.getReadMethod().invoke(b)).as(property.getName())
                    .isEqualTo(property.getReadMethod().invoke(a));
        }
    }

    @Test
    void aConditionCanUseEveryPropertyOfTheRequestFactAndNoOther() throws Exception {
        // a property added to RequestFact must be listed (and so reviewed) here, and the other way round
        Set<String> readable = properties().stream().map(PropertyDescriptor::getName).collect(Collectors.toSet());

        assertThat(RequestFact.PROPERTIES).isEqualTo(readable);
        assertThat(readable).noneMatch(p -> p.toLowerCase().contains("field"));
        assertThat(Arrays.stream(RequestFact.class.getDeclaredFields())
                .filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers())).map(f -> f.getType().getName()))
                .allMatch(t -> t.equals("boolean") || t.equals("int") || t.equals(String.class.getName()));
    }

    private static List<PropertyDescriptor> properties() throws Exception {
        return Arrays.stream(Introspector.getBeanInfo(RequestFact.class, Object.class).getPropertyDescriptors())
                .filter(p -> p.getReadMethod() != null).toList();
    }

    @Test
    void aRequestRuleMayNotAskWhetherSomeFieldIsRequested() {
        List<String> errors = compileWith("[when]some field is requested=exists FieldFact(name == \"health\")",
                rule("    the request\n    some field is requested", "reject the request"));

        assertThat(errors).anyMatch(m -> m.contains("may only match the request and the requested field, not 'FieldFact'"));
    }

    @Test
    void aFieldRuleMayNotAskWhetherAnotherFieldIsMissing() {
        List<String> errors = compileWith("[when]no other field is requested=not FieldFact(name == \"health\")",
                rule("    the requested field\n    - is the field name\n    no other field is requested",
                        "disclose the field"));

        assertThat(errors).anyMatch(m -> m.contains("may only match the request and the requested field, not 'FieldFact'"));
    }

    @Test
    void aRuleMayNotCountOrCollectTheRequestedFields() {
        List<String> counted = compileWith(
                "[when]few fields are requested=Number(intValue < 3) from accumulate(FieldFact(), count(1))",
                rule("    the request\n    few fields are requested", "reject the request"));
        List<String> collected = compileWith(
                "[when]the fields are collected=java.util.List() from collect(FieldFact())",
                rule("    the request\n    the fields are collected", "reject the request"));

        assertThat(counted).anyMatch(m -> m.contains("conditions may not read from other sources"));
        assertThat(collected).anyMatch(m -> m.contains("conditions may not read from other sources"));
    }

    @Test
    void aRuleMayNotQuantifyOverOrAlternateBetweenFields() {
        List<String> forall = compileWith("[when]every field is identity=forall(FieldFact(category == \"IDENTITY\"))",
                rule("    the request\n    every field is identity", "reject the request"));
        List<String> or = compileWith(
                "[when]name or health is requested=(FieldFact(name == \"name\") or FieldFact(name == \"health\"))",
                rule("    the request\n    name or health is requested", "reject the request"));

        assertThat(forall).anyMatch(m -> m.contains("only the vocabulary's conditions are allowed, not forall"));
        assertThat(or).anyMatch(m -> m.contains("only the vocabulary's conditions are allowed, not or"));
    }

    @Test
    void aFieldConditionMayNotReferToAnotherPatternsBinding() {
        List<String> errors = compileWith("[when]- is named like the purpose=name == $request.purpose",
                rule("    the request\n    the requested field\n    - is named like the purpose", "disclose the field"));

        assertThat(errors).anyMatch(m -> m.contains("unknown property '$request'"));
    }

    @Test
    void aRuleMayNotLookAtTwoFieldsEvenUnderAnotherName() {
        List<String> errors = compileWith("[when]any requested field=$other : FieldFact()",
                rule("    the requested field\n    any requested field", "disclose the field"));

        assertThat(errors).anyMatch(m -> m.contains("only one requested field (field independence)"));
    }
}
