package nl.doelbinding.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.junit.jupiter.api.Test;

class BrokerPermissionsTest {
    private static final BrokerSettings SETTINGS = new BrokerSettings("127.0.0.1", 5673, "doelbinding.requests",
            "doelbinding.decisions", "doelbinding.requests.DLQ", "doelbinding.expired", 5, 1000);

    @Test
    void aRoleAllowsExactlyThePermissionsItIsGiven() {
        for (CheckType given : CheckType.values()) {
            Role role = BrokerPermissions.role("r", EnumSet.of(given));
            for (CheckType checked : CheckType.values()) {
                assertThat(checked.hasRole(role)).as("%s given, %s checked", given, checked)
                        .isEqualTo(checked == given);
            }
        }
    }

    @Test
    void policeSendOnlyRequestsOperatorsOnlyReadTheDeadLettersAndTheServerDoesAll() {
        Map<String, Set<Role>> permissions = BrokerPermissions.of(SETTINGS);

        assertThat(allowed(permissions.get("doelbinding.requests"), BrokerAccess.POLICE_ROLE))
                .containsExactly(CheckType.SEND);
        assertThat(allowed(permissions.get("#"), BrokerAccess.POLICE_ROLE)).doesNotContain(CheckType.SEND,
                CheckType.MANAGE, CheckType.DELETE_ADDRESS, CheckType.DELETE_DURABLE_QUEUE).contains(CheckType.CONSUME);
        for (String held : Set.of("doelbinding.requests.DLQ", "doelbinding.expired")) {
            assertThat(allowed(permissions.get(held), BrokerAccess.POLICE_ROLE)).as(held).isEmpty();
            assertThat(allowed(permissions.get(held), BrokerAccess.OPERATOR_ROLE)).as(held)
                    .containsExactlyInAnyOrder(CheckType.CONSUME, CheckType.BROWSE);
        }
        assertThat(allowed(permissions.get("#"), BrokerAccess.OPERATOR_ROLE)).isEmpty();
        permissions.values().forEach(roles -> assertThat(allowed(roles, BrokerAccess.SERVER_ROLE))
                .containsExactlyInAnyOrder(CheckType.values()));
    }

    private static Set<CheckType> allowed(Set<Role> roles, String name) {
        Set<CheckType> allowed = EnumSet.noneOf(CheckType.class);
        roles.stream().filter(r -> r.getName().equals(name))
                .forEach(r -> EnumSet.allOf(CheckType.class).stream().filter(t -> t.hasRole(r)).forEach(allowed::add));
        return allowed;
    }
}
