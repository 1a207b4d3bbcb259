package nl.doelbinding.server.identity;

import nl.doelbinding.routes.auth.Role;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fast checks on the realm file, for the mistakes Keycloak would only show at import or login:
 * roles that drift from {@link Role}, users it would ask to complete their profile.
 * KeycloakIT proves the file against the real Keycloak.
 */
class RealmFileTest {

    private static JsonNode realm;

    @BeforeAll
    static void read() throws Exception {
        realm = new ObjectMapper().readTree(Path.of("src/main/keycloak/doelbinding-realm.json").toFile());
    }

    @Test
    void realmRolesAreExactlyTheRoleCodes() {
        assertThat(names(realm.path("roles").path("realm"), "name"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Role::code).toList());
        assertThat(Role.fromCode("legal-approver")).contains(Role.LEGAL_APPROVER);
        assertThat(Role.fromCode("offline_access")).isEmpty();
    }

    @Test
    void peopleHaveAProfileKeycloakWillNotAskThemToComplete() {
        Map<String, String> roleOf = new HashMap<>();
        for (JsonNode user : realm.path("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            assertThat(user.path("enabled").asBoolean()).as(user.path("username").asText()).isTrue();
            assertThat(user.path("emailVerified").asBoolean()).isTrue();
            assertThat(user.path("email").asText()).contains("@");
            assertThat(user.path("firstName").asText()).isNotBlank();
            assertThat(user.path("lastName").asText()).isNotBlank();
            assertThat(user.path("requiredActions")).isEmpty();
            assertThat(user.path("attributes").path("unit").path(0).asText()).isNotBlank();
            assertThat(user.path("credentials").path(0).path("value").asText()).isEqualTo("demo");
            roleOf.put(user.path("username").asText(), names(user.path("realmRoles"), null).stream().collect(Collectors.joining(",")));
        }
        assertThat(roleOf).containsExactlyInAnyOrderEntriesOf(Map.of(
                "author", "legal-author", "approver", "legal-approver", "approver2", "legal-approver",
                "counsel", "legal-author,legal-approver",
                "reviewer", "legal-reviewer", "auditor", "auditor", "admin", "admin", "privacy", "privacy-officer",
                "nobody", ""));
    }

    @Test
    void policeServiceAccountsCarryTheirRoleAndUnit() {
        Map<String, JsonNode> accounts = StreamSupport.stream(realm.path("users").spliterator(), false)
                .filter(u -> u.has("serviceAccountClientId"))
                .collect(Collectors.toMap(u -> u.path("serviceAccountClientId").asText(), u -> u));

        assertThat(accounts).containsOnlyKeys("police-demo", "police-other");
        assertThat(accounts.get("police-demo").path("attributes").path("unit").path(0).asText()).isEqualTo("Demo-Eenheid");
        assertThat(accounts.get("police-other").path("attributes").path("unit").path(0).asText()).isEqualTo("Andere-Eenheid");
        accounts.values().forEach(a -> assertThat(names(a.path("realmRoles"), null)).containsExactly("police-requester"));
    }

    @Test
    void unitIsADeclaredAttributeThatOnlyAdminsMayEdit() throws Exception {
        String config = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").path(0)
                .path("config").path("kc.user.profile.config").path(0).asText();
        JsonNode unit = StreamSupport.stream(new ObjectMapper().readTree(config).path("attributes").spliterator(), false)
                .filter(a -> a.path("name").asText().equals("unit")).findFirst().orElseThrow();

        // A user who could edit their own unit in the account console could pick another unit's data.
        assertThat(names(unit.path("permissions").path("edit"), null)).containsExactly("admin");
    }

    @Test
    void everyClientAddsTheApiAudienceAndTheUnitClaim() {
        for (JsonNode client : realm.path("clients")) {
            Map<String, JsonNode> mappers = StreamSupport.stream(client.path("protocolMappers").spliterator(), false)
                    .collect(Collectors.toMap(m -> m.path("protocolMapper").asText(), m -> m.path("config")));
            assertThat(mappers.get("oidc-audience-mapper").path("included.custom.audience").asText()).isEqualTo("doelbinding-api");
            assertThat(mappers.get("oidc-usermodel-attribute-mapper").path("claim.name").asText()).isEqualTo("unit");
        }
    }

    @Test
    void policeClientsUseOnlyClientCredentialsAndTheConsoleUsesPkce() {
        Map<String, JsonNode> clients = StreamSupport.stream(realm.path("clients").spliterator(), false)
                .collect(Collectors.toMap(c -> c.path("clientId").asText(), c -> c));

        for (String police : new String[] {"police-demo", "police-other"}) {
            JsonNode client = clients.get(police);
            assertThat(client.path("publicClient").asBoolean()).isFalse();
            assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
            assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
            assertThat(client.path("secret").asText()).isEqualTo(police + "-secret");
        }
        JsonNode console = clients.get("console");
        assertThat(console.path("publicClient").asBoolean()).isTrue();
        assertThat(console.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
    }

    private static java.util.List<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> field == null ? n.asText() : n.path(field).asText()).toList();
    }
}
