package nl.doelbinding.server.channels;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;

/** What each broker role may do on which address of the embedded broker (see {@link EmbeddedBroker}). */
final class BrokerPermissions {
    private BrokerPermissions() {
    }

    /** Artemis security settings: address match to the roles allowed there, for these queues. */
    static Map<String, Set<Role>> of(BrokerSettings settings) {
        Role server = role(BrokerAccess.SERVER_ROLE, EnumSet.allOf(CheckType.class));
        // A police system reads (and creates) its reply addresses, and sends nothing but requests. Which addresses
        // are its own the settings cannot say (they name roles, not clients): BrokerAccess checks that (ReplySpace).
        Role policeReplies = role(BrokerAccess.POLICE_ROLE, EnumSet.of(CheckType.CONSUME, CheckType.BROWSE,
                CheckType.CREATE_ADDRESS, CheckType.CREATE_DURABLE_QUEUE, CheckType.CREATE_NON_DURABLE_QUEUE,
                CheckType.DELETE_NON_DURABLE_QUEUE));
        Role policeRequests = role(BrokerAccess.POLICE_ROLE, EnumSet.of(CheckType.SEND));
        Role operatorReads = role(BrokerAccess.OPERATOR_ROLE, EnumSet.of(CheckType.CONSUME, CheckType.BROWSE));
        return Map.of(
                "#", Set.of(server, policeReplies),
                settings.requestQueue(), Set.of(server, policeRequests),
                settings.deadLetterQueue(), Set.of(server, operatorReads),
                settings.expiryQueue(), Set.of(server, operatorReads));
    }

    static Role role(String name, Set<CheckType> allowed) {
        Role role = new Role(name, false, false, false, false, false, false, false, false, false, false, false, false);
        for (CheckType type : allowed) {
            switch (type) {
                case SEND -> role.setSend(true);
                case CONSUME -> role.setConsume(true);
                case CREATE_ADDRESS -> role.setCreateAddress(true);
                case DELETE_ADDRESS -> role.setDeleteAddress(true);
                case CREATE_DURABLE_QUEUE -> role.setCreateDurableQueue(true);
                case DELETE_DURABLE_QUEUE -> role.setDeleteDurableQueue(true);
                case CREATE_NON_DURABLE_QUEUE -> role.setCreateNonDurableQueue(true);
                case DELETE_NON_DURABLE_QUEUE -> role.setDeleteNonDurableQueue(true);
                case MANAGE -> role.setManage(true);
                case BROWSE -> role.setBrowse(true);
                case VIEW -> role.setView(true);
                case EDIT -> role.setEdit(true);
            }
        }
        return role;
    }
}
