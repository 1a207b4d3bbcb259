package nl.doelbinding.routes.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.doelbinding.routes.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ReplySpaceTest {
    private final ReplySpace space = new ReplySpace("doelbinding.decisions");

    @Test
    void aPoliceSystemMayUseTheSharedDefaultAndAddressesBeginningWithItsClientIdAndADot() {
        assertThat(space.allows("police-demo", "doelbinding.decisions")).isTrue();
        assertThat(space.allows("police-demo", "police-demo.decisions")).isTrue();
        assertThat(space.allows("police-demo", "police-demo.case.42")).isTrue();
        assertThat(space.allows("police-demo", "police-demo.replies::police-demo.replies")).isTrue();
        assertThat(space.allows("police-other", "doelbinding.decisions::police-other")).isTrue();
    }

    @Test
    void neverAnotherSystemsAddressNorOneThatOnlyLooksLikeItsOwn() {
        assertThat(space.allows("police-demo", "police-other.replies")).isFalse();
        assertThat(space.allows("police-demo", "police-demo2.replies")).isFalse();
        assertThat(space.allows("police-demo", "police-demo")).isFalse();
        assertThat(space.allows("police-demo", "police-demo.")).isFalse();
        assertThat(space.allows("police-demo", "police-other.replies::police-demo.replies")).isFalse();
        assertThat(space.allows("police-demo", "doelbinding.decisions.police-demo")).isFalse();
        assertThat(space.allows("police-demo", "doelbinding.requests")).isFalse();
        assertThat(space.allows("police-demo", null)).isFalse();
        assertThat(space.allows("", ".x")).isFalse();
    }

    @Test
    void withTheSharedDefaultClosedOnlyAnAddressOfTheSystemsOwnWillDo() {
        ReplySpace closed = new ReplySpace("doelbinding.decisions", false);

        assertThat(closed.allows("police-demo", "doelbinding.decisions")).isFalse();
        assertThat(closed.allows("police-demo", "doelbinding.decisions::police-demo")).isFalse();
        assertThat(closed.allows("police-demo", "police-demo.decisions")).isTrue();
        assertThat(closed.allows("police-demo", "police-other.decisions")).isFalse();
        assertThat(closed.rule("police-demo")).contains("a replyTo address is required").contains("(police-demo.)")
                .contains("no shared reply address");
    }

    @Test
    void theRuleNamesTheDefaultAndTheCallersOwnPrefix() {
        assertThat(space.rule("police-demo")).contains("doelbinding.decisions").contains("(police-demo.)");
        assertThatThrownBy(() -> new ReplySpace("no spaces allowed")).isInstanceOf(ProblemException.class);
    }
}
