package nl.doelbinding.engine.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nl.doelbinding.engine.TestRulesets;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.catalogue.FieldDefinition;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private static final byte[] MASTER = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final Catalogue catalogue = TestRulesets.minimal().catalogue();
    private final Redactor redactor = new Redactor(catalogue, new DerivedPseudonymKeys(MASTER));
    private final PseudonymContext caseA = new PseudonymContext("AVIM-Noord", "ZAAK-1");

    private FieldDefinition field(String name) {
        return catalogue.field(new FieldName(name)).orElseThrow();
    }

    private Optional<String> release(String field, FieldOutcome outcome, String value, PseudonymContext context) {
        return redactor.release(field(field), outcome, value, context);
    }

    @Test
    void disclosesAsStoredAndReleasesNothingForEscalatedOrRejected() {
        assertThat(release("name", FieldOutcome.DISCLOSE, "Amina Haddad", caseA)).contains("Amina Haddad");
        assertThat(release("name", FieldOutcome.ESCALATE, "Amina Haddad", caseA)).isEmpty();
        assertThat(release("name", FieldOutcome.REJECT, "Amina Haddad", caseA)).isEmpty();
    }

    @Test
    void masksAllButTheLastCharacters() {
        assertThat(release("phone", FieldOutcome.MASK, "+31 6 1234 5678", caseA)).contains("*************78");
    }

    @Test
    void generalisesByTheCataloguesMethod() {
        assertThat(release("date_of_birth", FieldOutcome.GENERALISE, "1990-04-12", caseA)).contains("1990");
        assertThat(release("name", FieldOutcome.GENERALISE, "amina  el Haddad", caseA)).contains("A.E.H.");
        assertThat(release("current_location", FieldOutcome.GENERALISE, "AZC Ter Apel", caseA)).contains("Noord-Nederland");
        assertThat(release("current_location", FieldOutcome.GENERALISE, "AZC Elders", caseA)).contains("Nederland");
    }

    @Test
    void aValueThatCannotBeGeneralisedIsNotReleased() {
        assertThat(release("date_of_birth", FieldOutcome.GENERALISE, "around 1990", caseA)).isEmpty();
        assertThat(release("nationality", FieldOutcome.GENERALISE, "Syria", caseA)).isEmpty();
    }

    @Test
    void pseudonymsLinkWithinACaseButNotAcrossCasesOrUnits() {
        String first = release("name", FieldOutcome.PSEUDONYMISE, "Amina Haddad", caseA).orElseThrow();
        String again = release("name", FieldOutcome.PSEUDONYMISE, "Amina Haddad", caseA).orElseThrow();
        String otherCase = release("name", FieldOutcome.PSEUDONYMISE, "Amina Haddad",
                new PseudonymContext("AVIM-Noord", "ZAAK-2")).orElseThrow();
        String otherUnit = release("name", FieldOutcome.PSEUDONYMISE, "Amina Haddad",
                new PseudonymContext("AVIM-Zuid", "ZAAK-1")).orElseThrow();
        String otherPerson = release("name", FieldOutcome.PSEUDONYMISE, "Omar Haddad", caseA).orElseThrow();

        assertThat(first).isEqualTo(again).matches("psn:[0-9a-f]{32}").doesNotContain("Amina");
        assertThat(first).isNotEqualTo(otherCase).isNotEqualTo(otherUnit).isNotEqualTo(otherPerson);
    }
}
