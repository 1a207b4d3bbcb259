package nl.doelbinding.server.it;

import static nl.doelbinding.server.it.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import nl.doelbinding.engine.ruleset.RulesetSource;
import nl.doelbinding.server.app.ServerConfig;
import nl.doelbinding.server.cli.DoelbindingCommand;
import nl.doelbinding.server.identity.KeycloakServer;
import nl.doelbinding.server.identity.RealKeycloak;

/**
 * The ruleset lifecycle end to end (issue 5): real Keycloak users over HTTP against one running server per class,
 * on the database the subclass chooses. Expected values come from the uploaded files (their hash), the baseline
 * rule texts and api.md section 4, never from the server's own answers.
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class LifecycleContract {
    static final String RESIDENT = "1000000021";
    static final List<String> IDENTIFYING = List.of("name", "date_of_birth", "sex", "v_number");

    RunningServer it;
    Map<String, String> baseline;
    @TempDir
    Path temp;

    /** Points the configuration at the database under test. */
    abstract void useDatabase(ServerConfig config);

    @BeforeAll
    void start(KeycloakServer keycloak, @TempDir Path dataDir) throws Exception {
        it = RunningServer.start(keycloak, dataDir, config -> {
            useDatabase(config);
            config.rulesetPollSeconds = 1;
        });
        baseline = it.baseline.files();
    }

    @AfterAll
    void stop() {
        if (it != null) {
            it.close();
        }
    }

    // ---------------------------------------------------------------- versions and four eyes

    @Test
    @Order(1)
    void anUploadIsStoredAsADraftWithItsHashAuthorAndPassingChecks() {
        Map<String, String> files = RulesetVariants.cosmetic(baseline, "upload test");
        String sha = RulesetSource.of(files).sha256();

        Api.Reply reply = it.post(Caller.AUTHOR, "/api/v1/rulesets", RulesetVariants.upload("a comment only", files));

        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        JsonNode draft = reply.json();
        int version = draft.path("version").asInt();
        assertThat(version).isGreaterThan(1);
        assertThat(draft.path("sha256").asText()).isEqualTo(sha);
        assertThat(draft.path("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.path("author").asText()).isEqualTo(actor(Caller.AUTHOR));
        assertThat(draft.path("comment").asText()).isEqualTo("a comment only");
        assertThat(draft.path("checks").path("passed").asBoolean()).as("%s", draft.path("checks")).isTrue();
        assertThat(draft.path("checks").path("compile").path("ok").asBoolean()).isTrue();
        assertThat(draft.path("checks").path("scenarios").path("failed").asInt()).isZero();
        assertThat(draft.path("checks").path("scenarios").path("passed").asInt()).isPositive();
        assertThat(draft.path("checks").path("invariants").findValuesAsText("holds")).isNotEmpty().containsOnly("true");

        Api.Reply file = it.get(Caller.AUDITOR, "/api/v1/rulesets/" + version + "/files/" + RulesetVariants.IDENTIFICATION);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(files.get(RulesetVariants.IDENTIFICATION));
        assertThat(it.get(Caller.ADMIN, "/api/v1/rulesets/" + version + "/files/ruleset.yaml").body())
                .isEqualTo(files.get("ruleset.yaml"));
        JsonNode shown = it.get(Caller.APPROVER, "/api/v1/rulesets/" + version).json();
        assertThat(texts(shown.path("files"))).containsExactlyElementsOf(new TreeSet<>(files.keySet()));
        assertThat(steps(shown)).containsExactly("UPLOADED " + actor(Caller.AUTHOR), "VALIDATED " + actor(Caller.AUTHOR));
        assertThat(version(it.get(Caller.AUDITOR, "/api/v1/rulesets").json(), version).path("status").asText())
                .isEqualTo("DRAFT");
    }

    @Test
    @Order(3)
    void aReleaseIsBuiltWithTheCatalogueOfTheVersionThatDecidedEvenAfterARollback() {
        int version = upload(Caller.AUTHOR, RulesetVariants.otherRegions(baseline, "Regio Proef"));
        assertThat(it.post(Caller.APPROVER, "/api/v1/rulesets/" + version + "/approve", "{}").status()).isEqualTo(200);
        assertThat(it.post(Caller.ADMIN, "/api/v1/rulesets/" + version + "/activate", "").status()).isEqualTo(200);
        RequestBody trace = RequestBody.trace(it.requestId("REGIONS"), RESIDENT);
        Api.Reply decided = it.submit(Caller.POLICE_DEMO, trace);
        assertThat(decided.status()).as("%s", decided).isEqualTo(200);
        assertThat(location(decided.json())).isEqualTo("Regio Proef");

        assertThat(it.post(Caller.ADMIN, "/api/v1/rulesets/1/activate", "").status()).isEqualTo(200);

        JsonNode again = it.get(Caller.POLICE_DEMO, "/api/v1/requests/" + trace.requestId()).json();
        assertThat(again.path("ruleset").path("version").asInt()).isEqualTo(version);
        assertThat(location(again)).isEqualTo("Regio Proef");
        Api.Reply underBaseline = it.submit(Caller.POLICE_DEMO, RequestBody.trace(it.requestId("REGIONS-V1"), RESIDENT));
        assertThat(location(underBaseline.json())).isNotEqualTo("Regio Proef").endsWith("-Nederland");
    }

    private static String location(JsonNode decision) {
        return decision.path("release").path("subjects").get(0).path("current_location").asText();
    }

    @Test
    @Order(3)
    void aZipOfTheRulesetFolderIsStoredWithTheSameHashAsItsFiles() throws Exception {
        Map<String, String> files = RulesetVariants.cosmetic(baseline, "zipped");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("my-rules/" + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }

        Api.Reply reply = it.api.post("/api/v1/rulesets", it.tokens.of(Caller.AUTHOR), "application/zip",
                bytes.toByteArray());

        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        assertThat(reply.json().path("sha256").asText()).isEqualTo(RulesetSource.of(files).sha256());
        assertThat(reply.json().path("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    @Order(2)
    void fourEyesThenActivationThenRollbackAreVisibleInDecisionsVersionsAndTheAuditChain() {
        Map<String, String> files = RulesetVariants.cosmetic(baseline, "four eyes");
        String sha = RulesetSource.of(files).sha256();
        int version = upload(Caller.COUNSEL, files);

        assertProblem(it.post(Caller.COUNSEL, "/api/v1/rulesets/" + version + "/approve", "{}"), 409);
        assertProblem(it.post(Caller.AUTHOR, "/api/v1/rulesets/" + version + "/approve", "{}"), 403);
        assertProblem(it.post(Caller.ADMIN, "/api/v1/rulesets/" + version + "/activate", ""), 409);

        Api.Reply approved = it.post(Caller.APPROVER, "/api/v1/rulesets/" + version + "/approve", "{}");
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.json().path("approver").asText()).isEqualTo(actor(Caller.APPROVER));
        assertProblem(it.post(Caller.APPROVER2, "/api/v1/rulesets/" + version + "/approve", "{}"), 409);
        assertProblem(it.post(Caller.APPROVER, "/api/v1/rulesets/" + version + "/activate", ""), 403);

        Api.Reply activated = it.post(Caller.ADMIN, "/api/v1/rulesets/" + version + "/activate", "");
        assertThat(activated.status()).as("%s", activated).isEqualTo(200);
        assertThat(activated.json().path("status").asText()).isEqualTo("ACTIVE");
        JsonNode decided = decide("AFTER-ACTIVATION");
        assertThat(decided.path("ruleset").path("version").asInt()).isEqualTo(version);
        assertThat(decided.path("ruleset").path("sha256").asText()).isEqualTo(sha);

        Api.Reply rolledBack = it.post(Caller.ADMIN, "/api/v1/rulesets/1/activate", "");
        assertThat(rolledBack.status()).as("%s", rolledBack).isEqualTo(200);
        JsonNode afterRollback = decide("AFTER-ROLLBACK");
        assertThat(afterRollback.path("ruleset").path("version").asInt()).isEqualTo(1);
        assertThat(afterRollback.path("ruleset").path("sha256").asText()).isEqualTo(it.baseline.sha256());

        JsonNode list = it.get(Caller.AUDITOR, "/api/v1/rulesets").json();
        assertThat(version(list, 1).path("status").asText()).isEqualTo("ACTIVE");
        JsonNode listed = version(list, version);
        assertThat(listed.path("status").asText()).isEqualTo("RETIRED");
        assertThat(listed.path("sha256").asText()).isEqualTo(sha);
        assertThat(listed.path("author").asText()).isEqualTo(actor(Caller.COUNSEL));
        assertThat(listed.path("approver").asText()).isEqualTo(actor(Caller.APPROVER));
        assertThat(listed.path("activatedBy").asText()).isEqualTo(actor(Caller.ADMIN));
        assertThat(listed.path("retiredAt").asText()).isNotBlank();

        JsonNode shown = it.get(Caller.AUDITOR, "/api/v1/rulesets/" + version).json();
        assertThat(steps(shown)).containsExactly("UPLOADED " + actor(Caller.COUNSEL), "VALIDATED " + actor(Caller.COUNSEL),
                "APPROVED " + actor(Caller.APPROVER), "ACTIVATED " + actor(Caller.ADMIN), "RETIRED " + actor(Caller.ADMIN));

        assertThat(audited("RULESET_UPLOADED", version)).containsExactly(actor(Caller.COUNSEL));
        assertThat(audited("RULESET_VALIDATED", version)).containsExactly(actor(Caller.COUNSEL));
        assertThat(audited("RULESET_APPROVED", version)).containsExactly(actor(Caller.APPROVER));
        assertThat(audited("RULESET_ACTIVATED", version)).containsExactly(actor(Caller.ADMIN));
        assertThat(audited("RULESET_RETIRED", version)).containsExactly(actor(Caller.ADMIN));
        assertThat(audited("RULESET_ACTIVATED", 1)).contains(actor(Caller.ADMIN));
        JsonNode verified = it.get(Caller.AUDITOR, "/api/v1/audit/verify").json();
        assertThat(verified.path("valid").asBoolean()).as("%s", verified).isTrue();
    }

    @Test
    @Order(3)
    void aDraftWithAFailingScenarioIsRefusedAtApprovalNamingTheCase() {
        int version = upload(Caller.AUTHOR, RulesetVariants.stricter(baseline));

        JsonNode problem = assertProblem(it.post(Caller.APPROVER, "/api/v1/rulesets/" + version + "/approve", "{}"), 409);

        assertThat(problem.path("errors").findValuesAsText("property"))
                .anyMatch(p -> p.startsWith("scenarios/identification.yaml case '"));
        assertThat(it.get(Caller.APPROVER, "/api/v1/rulesets/" + version).json().path("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    @Order(4)
    void aDraftWithAnUnexpandableLineIsRefusedAtApprovalNamingFileAndLine() {
        Api.Reply uploaded = it.post(Caller.AUTHOR, "/api/v1/rulesets",
                RulesetVariants.upload("moon", RulesetVariants.unexpandable(baseline)));
        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
        assertThat(uploaded.json().path("checks").path("compile").path("ok").asBoolean()).isFalse();
        int version = uploaded.json().path("version").asInt();

        JsonNode problem = assertProblem(it.post(Caller.APPROVER, "/api/v1/rulesets/" + version + "/approve", "{}"), 409);

        assertThat(problem.path("errors").findValuesAsText("property"))
                .contains(RulesetVariants.IDENTIFICATION + ":" + RulesetVariants.unexpandableLine(baseline));
    }

    @Test
    @Order(5)
    void aDraftThatBreaksAnInvariantIsRefusedWithTheCounterexample() {
        int version = upload(Caller.AUTHOR, RulesetVariants.withoutConsentRule(baseline));

        JsonNode problem = assertProblem(it.post(Caller.APPROVER, "/api/v1/rulesets/" + version + "/approve", "{}"), 409);

        List<String> messages = new ArrayList<>();
        for (JsonNode e : problem.path("errors")) {
            if (e.path("property").asText().endsWith("INV-CONSENT-01")) {
                messages.add(e.path("message").asText());
            }
        }
        assertThat(messages).isNotEmpty();
        assertThat(messages.get(0)).contains("violated").contains("counterexample").contains("CONSENT");
    }

    // ---------------------------------------------------------------- diff and replay

    @Test
    @Order(6)
    void theDiffOfTwoVersionsIsAUnifiedDiffOfTheChangedFileOnly() {
        int stricter = upload(Caller.AUTHOR, RulesetVariants.stricter(baseline));

        JsonNode diff = it.get(Caller.AUDITOR, "/api/v1/rulesets/" + stricter + "/diff?against=1").json();

        assertThat(diff.path("files")).hasSize(1);
        JsonNode file = diff.path("files").get(0);
        assertThat(file.path("path").asText()).isEqualTo(RulesetVariants.IDENTIFICATION);
        assertThat(file.path("change").asText()).isEqualTo("MODIFIED");
        assertThat(file.path("diff").asText())
                .startsWith("--- a/" + RulesetVariants.IDENTIFICATION + "\n+++ b/" + RulesetVariants.IDENTIFICATION + "\n@@ -")
                .contains("\n-    disclose the field\n+    reject the field\n");
    }

    @Test
    @Order(7)
    void replayUnderAStricterVersionReportsExactlyTheDecisionsThatChangeAndRecordsNothing() {
        int stricter = upload(Caller.AUTHOR, RulesetVariants.stricter(baseline));
        Instant from = Instant.now().minusMillis(5);
        List<String> identifications = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            RequestBody body = RequestBody.identification(it.requestId("REPLAY-IDENT"), RESIDENT);
            assertThat(it.submit(Caller.POLICE_DEMO, body).status()).isEqualTo(200);
            identifications.add(body.requestId());
        }
        assertThat(it.submit(Caller.POLICE_DEMO, RequestBody.trace(it.requestId("REPLAY-TRACE"), RESIDENT)).status())
                .isEqualTo(200);
        assertThat(it.submit(Caller.POLICE_DEMO, RequestBody.of(it.requestId("REPLAY-CONSENT"), "IDENTIFICATION", "CONSENT")
                .subjects(RESIDENT).fields("name")).status()).isEqualTo(200);
        Instant to = Instant.now().plusMillis(5);
        long recordsBefore = it.get(Caller.AUDITOR, "/api/v1/audit/verify").json().path("records").asLong();

        Api.Reply reply = it.post(Caller.APPROVER, "/api/v1/rulesets/" + stricter + "/replay?from=" + from + "&to=" + to, "");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode report = reply.json();
        assertThat(report.path("replayed").asInt()).isEqualTo(4);
        Set<String> expected = new TreeSet<>();
        for (String requestId : identifications) {
            for (String field : IDENTIFYING) {
                expected.add(String.join(" ", requestId, "IDENTIFICATION", field, "DISCLOSE", "IDENT-01", "REJECT", "IDENT-01"));
            }
        }
        Set<String> reported = new TreeSet<>();
        for (JsonNode c : report.path("changes")) {
            reported.add(String.join(" ", c.path("requestId").asText(), c.path("purpose").asText(), c.path("field").asText(),
                    c.path("beforeOutcome").asText(), c.path("beforeRule").asText(), c.path("afterOutcome").asText(),
                    c.path("afterRule").asText()));
        }
        assertThat(reported).isEqualTo(expected);
        assertThat(report.path("changedRequests").asInt()).isEqualTo(2);
        for (String field : IDENTIFYING) {
            assertThat(report.path("byPurposeAndField").path("IDENTIFICATION").path(field).asInt()).as(field).isEqualTo(2);
        }
        assertThat(report.path("byPurposeAndField").size()).isEqualTo(1);
        assertThat(it.get(Caller.AUDITOR, "/api/v1/audit/verify").json().path("records").asLong())
                .as("a replay records nothing").isEqualTo(recordsBefore);
        assertThat(it.get(Caller.AUDITOR, "/api/v1/audit?type=DECISION_MADE&requestId=" + identifications.get(0)).json()
                .path("records")).hasSize(1);
        assertProblem(it.post(Caller.ADMIN, "/api/v1/rulesets/" + stricter + "/replay", ""), 403);
    }

    // ---------------------------------------------------------------- effective date

    @Test
    @Order(8)
    void aVersionApprovedWithAnEffectiveDateActivatesItselfThen() throws Exception {
        Map<String, String> files = RulesetVariants.cosmetic(baseline, "effective date");
        int version = upload(Caller.AUTHOR, files);
        Instant effective = Instant.now().plusSeconds(3);

        Api.Reply approved = it.post(Caller.APPROVER2, "/api/v1/rulesets/" + version + "/approve",
                "{\"effectiveFrom\":\"" + effective + "\"}");

        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("APPROVED");
        assertThat(Instant.parse(approved.json().path("effectiveFrom").asText())).isEqualTo(effective.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                it.get(Caller.AUDITOR, "/api/v1/rulesets/" + version).json().path("status").asText().equals("ACTIVE"));
        JsonNode shown = it.get(Caller.AUDITOR, "/api/v1/rulesets/" + version).json();
        assertThat(shown.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(shown.path("activatedBy").asText()).isEqualTo("system:effective-date");
        assertThat(Instant.parse(shown.path("activatedAt").asText())).isAfterOrEqualTo(effective.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        // Every node switches at its next poll after the database says so; this one polls every second.
        Instant switched = Instant.now().plusSeconds(10);
        int cited;
        do {
            cited = decide("EFFECTIVE").path("ruleset").path("version").asInt();
        } while (cited != version && Instant.now().isBefore(switched));
        assertThat(cited).isEqualTo(version);

        assertThat(it.post(Caller.ADMIN, "/api/v1/rulesets/1/activate", "").status()).isEqualTo(200);
        // A passed effective date does not reactivate a version after a later activation: version 1 stays, poll
        // after poll (this node polls every second).
        Awaitility.await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> decide("EFFECTIVE-ROLLED-BACK").path("ruleset").path("version").asInt() == 1);
    }

    // ---------------------------------------------------------------- CLI and offline audit verification

    @Test
    @Order(9)
    void theCliListsUploadsApprovesActivatesAndDiffsAgainstTheRunningServer() throws Exception {
        Path folder = temp.resolve("rules-repo");
        Map<String, String> files = RulesetVariants.cosmetic(baseline, "from the legal team's git repository");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = folder.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        Files.createDirectories(folder.resolve(".git"));
        Files.writeString(folder.resolve(".git/HEAD"), "ref: refs/heads/main\n");

        CliResult upload = cli(Caller.AUTHOR, "upload", folder.toString(), "--comment", "via CLI");
        assertThat(upload.status()).as(upload.toString()).isZero();
        assertThat(upload.out()).contains("sha256 " + RulesetSource.of(files).sha256()).contains("checks passed");
        int version = Integer.parseInt(upload.out().replaceAll("(?s).*uploaded version (\\d+).*", "$1"));

        CliResult own = cli(Caller.COUNSEL, "approve", String.valueOf(version));
        assertThat(own.status()).as(own.toString()).isZero();
        CliResult twice = cli(Caller.APPROVER, "approve", String.valueOf(version));
        assertThat(twice.status()).as(twice.toString()).isEqualTo(1);
        assertThat(twice.err()).contains("409");
        CliResult activate = cli(Caller.ADMIN, "activate", String.valueOf(version));
        assertThat(activate.status()).as(activate.toString()).isZero();
        assertThat(decide("CLI").path("ruleset").path("version").asInt()).isEqualTo(version);

        CliResult list = cli(Caller.AUDITOR, "list");
        assertThat(list.status()).as(list.toString()).isZero();
        assertThat(list.out()).containsPattern("(?m)^\\s*" + version + "\\s+ACTIVE\\s+" + RulesetSource.of(files).sha256().substring(0, 12));
        CliResult diff = cli(Caller.AUDITOR, "diff", String.valueOf(version), "--against", "1");
        assertThat(diff.status()).as(diff.toString()).isZero();
        assertThat(diff.out()).contains("+// from the legal team's git repository");
        assertThat(cli(Caller.AUTHOR, "activate", "1").status()).as("an author cannot activate").isEqualTo(1);
        assertThat(cli(Caller.ADMIN, "activate", "1").status()).isZero();
    }

    @Test
    @Order(10)
    void anExportedChainVerifiesOfflineAndOneChangedByteFailsAtThatRecord() throws Exception {
        Api.Reply export = it.get(Caller.AUDITOR, "/api/v1/audit/export");
        assertThat(export.status()).isEqualTo(200);
        Path file = temp.resolve("export.jsonl");
        Files.write(file, export.bytes());

        CliResult ok = run("audit", "verify", file.toString());
        assertThat(ok.status()).as(ok.toString()).isZero();
        assertThat(ok.out()).startsWith("OK:");

        List<String> lines = export.body().lines().toList();
        int index = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"RULESET_APPROVED\"") && lines.get(i).contains("\"actor\":\"" + actor(Caller.APPROVER))) {
                index = i;
                break;
            }
        }
        assertThat(index).as("an approval record is exported").isNotNegative();
        long seq = Api.JSON.readTree(lines.get(index)).path("seq").asLong();
        byte[] bytes = export.bytes();
        int offset = 0;
        for (int i = 0; i < index; i++) {
            offset = indexOf(bytes, (byte) '\n', offset) + 1;
        }
        int at = offset + lines.get(index).indexOf("\"actor\":\"") + "\"actor\":\"".length();
        bytes[at] = (byte) (bytes[at] == 'x' ? 'y' : 'x');
        Path tampered = temp.resolve("tampered.jsonl");
        Files.write(tampered, bytes);

        CliResult broken = run("audit", "verify", tampered.toString());
        assertThat(broken.status()).as(broken.toString()).isEqualTo(1);
        assertThat(broken.out()).contains("BROKEN at line " + (index + 1) + " (seq " + seq + ")");
    }

    // ---------------------------------------------------------------- activation under load

    @Test
    @Order(12)
    void anActivationOnOneNodeReachesTheOtherNodeWithinAPoll() throws Exception {
        int version = upload(Caller.AUTHOR, RulesetVariants.cosmetic(baseline, "two nodes"));
        assertThat(it.post(Caller.APPROVER, "/api/v1/rulesets/" + version + "/approve", "{}").status()).isEqualTo(200);
        try (RunningServer second = it.anotherNode()) {
            assertThat(cites(second, "NODE2-BEFORE")).isEqualTo(1);

            assertThat(it.post(Caller.ADMIN, "/api/v1/rulesets/" + version + "/activate", "").status()).isEqualTo(200);

            assertThat(cites(it, "NODE1-AFTER")).as("the activating node switches at once").isEqualTo(version);
            awaitCites(second, version, Duration.ofSeconds(20)); // the other node follows

            assertThat(second.post(Caller.ADMIN, "/api/v1/rulesets/1/activate", "").status()).isEqualTo(200);
            assertThat(cites(second, "NODE2-ROLLBACK")).isEqualTo(1);
            awaitCites(it, 1, Duration.ofSeconds(20)); // the first node follows the rollback
        }
    }

    int cites(RunningServer node, String label) {
        Api.Reply reply = node.submit(Caller.POLICE_DEMO, RequestBody.identification(it.requestId(label), RESIDENT));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json().path("ruleset").path("version").asInt();
    }

    void awaitCites(RunningServer node, int version, Duration limit) {
        Awaitility.await("decisions citing version " + version).atMost(limit).pollInterval(Duration.ofMillis(200))
                .until(() -> cites(node, "FOLLOW") == version);
    }

    /** One decision as a client saw it: when it was in flight and which version it cites. */
    record Flight(Instant start, Instant end, int status, int version) {
    }

    /** One activation call: the version may be active from the call's start on. */
    record Switch(Instant start, Instant end, int version) {
    }

    @Test
    @Order(11)
    void activationsAndRollbacksUnderConcurrentLoadFailNoRequestAndEveryDecisionCitesAVersionActiveInItsFlight()
            throws Exception {
        int other = upload(Caller.AUTHOR, RulesetVariants.cosmetic(baseline, "under load"));
        assertThat(it.post(Caller.APPROVER, "/api/v1/rulesets/" + other + "/approve", "{}").status()).isEqualTo(200);
        assertThat(version(it.get(Caller.AUDITOR, "/api/v1/rulesets").json(), 1).path("status").asText()).isEqualTo("ACTIVE");
        List<Switch> switches = new java.util.concurrent.CopyOnWriteArrayList<>();
        switches.add(new Switch(Instant.EPOCH, Instant.now(), 1));
        List<Flight> flights = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<?>> loops = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            loops.add(clients.submit(() -> {
                while (running.get()) {
                    RequestBody body = RequestBody.identification(it.requestId("LOAD"), RESIDENT);
                    Instant start = Instant.now();
                    Api.Reply reply = it.submit(Caller.POLICE_DEMO, body);
                    Instant end = Instant.now();
                    int version = reply.status() == 200 ? reply.json().path("ruleset").path("version").asInt() : -1;
                    flights.add(new Flight(start, end, reply.status(), version));
                }
                return null;
            }));
        }
        try {
            for (int round = 0; round < 8; round++) {
                for (int version : new int[] {other, 1}) {
                    awaitMoreFlights(flights);
                    Instant start = Instant.now();
                    Api.Reply reply = it.post(Caller.ADMIN, "/api/v1/rulesets/" + version + "/activate", "");
                    switches.add(new Switch(start, Instant.now(), version));
                    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
                }
            }
            awaitMoreFlights(flights);
        } finally {
            running.set(false);
            for (java.util.concurrent.Future<?> loop : loops) {
                loop.get();
            }
            clients.shutdown();
        }

        assertThat(flights.stream().filter(f -> f.status() != 200).toList()).as("failed requests").isEmpty();
        assertThat(flights.size()).isGreaterThan(20);
        assertThat(flights.stream().map(Flight::version).distinct()).containsExactlyInAnyOrder(1, other);
        for (Flight f : flights) {
            assertThat(activeDuring(switches, f)).as("version %d was active during %s", f.version(), f).isTrue();
        }
    }

    /** Lets a few requests complete under the version just activated before the next switch. */
    static void awaitMoreFlights(List<Flight> flights) {
        int seen = flights.size();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> flights.size() >= seen + 6);
    }

    /** True when the flight's version may have been active at some moment of its flight. */
    static boolean activeDuring(List<Switch> switches, Flight flight) {
        for (int k = 0; k < switches.size(); k++) {
            Switch s = switches.get(k);
            Instant until = k + 1 < switches.size() ? switches.get(k + 1).end() : Instant.MAX;
            if (s.version() == flight.version() && !s.start().isAfter(flight.end()) && !until.isBefore(flight.start())) {
                return true;
            }
        }
        return false;
    }

    @Test
    @Order(50)
    void theCliLogsAPersonInThroughTheBrowserWithoutAPassword() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        picocli.CommandLine line = DoelbindingCommand.commandLine();
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(
                () -> line.execute("rulesets", "list", "--server", it.server.baseUrl(), "--keycloak",
                        it.keycloak.issuer(), "--browser"));

        Pattern printed = Pattern.compile("open (http\\S+user_code=\\S+)");
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> status.isDone() || printed.matcher(err.toString(StandardCharsets.UTF_8)).find());
        Matcher m = printed.matcher(err.toString(StandardCharsets.UTF_8));
        assertThat(m.find()).as("the command prints where to log in: " + err.toString(StandardCharsets.UTF_8)
                + out.toString(StandardCharsets.UTF_8)).isTrue();
        String url = m.group(1);
        String done = new BrowserLogin().approve(url, Caller.AUDITOR.login, Caller.AUDITOR.secret);

        assertThat(status.get(60, TimeUnit.SECONDS)).as(err.toString(StandardCharsets.UTF_8)
                + "\n" + done).isZero();
        assertThat(done).as("Keycloak's last page").contains("Device Login Successful");
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("(?m)^\\s*1\\s");
    }

    // ---------------------------------------------------------------- helpers

    record CliResult(int status, String out, String err) {
    }

    CliResult cli(Caller caller, String... args) {
        List<String> all = new ArrayList<>(List.of("rulesets"));
        all.add(args[0]);
        all.addAll(List.of("--server", it.server.baseUrl(), "--keycloak", it.keycloak.issuer(), "--user", caller.login,
                "--password", caller.secret));
        all.addAll(List.of(args).subList(1, args.length));
        return run(all.toArray(String[]::new));
    }

    static CliResult run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        picocli.CommandLine line = DoelbindingCommand.commandLine();
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int status = line.execute(args);
        return new CliResult(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    int upload(Caller author, Map<String, String> files) {
        Api.Reply reply = it.post(author, "/api/v1/rulesets", RulesetVariants.upload("test", files));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path("version").asInt();
    }

    JsonNode decide(String label) {
        Api.Reply reply = it.submit(Caller.POLICE_DEMO, RequestBody.identification(it.requestId(label), RESIDENT));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    /** The actor the server records for a console user: client and token subject. */
    String actor(Caller caller) {
        try {
            String payload = it.tokens.of(caller).split("\\.")[1];
            JsonNode claims = Api.JSON.readTree(Base64.getUrlDecoder().decode(payload));
            return claims.path("azp").asText() + "/" + claims.path("sub").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The actors of the audit records of this type about this version. */
    List<String> audited(String type, int version) {
        List<String> actors = new ArrayList<>();
        for (JsonNode r : it.get(Caller.AUDITOR, "/api/v1/audit?limit=1000&type=" + type).json().path("records")) {
            if (r.path("payload").path("version").asInt() == version) {
                actors.add(r.path("actor").asText());
            }
        }
        return actors;
    }

    static JsonNode version(JsonNode list, int version) {
        for (JsonNode v : list.path("versions")) {
            if (v.path("version").asInt() == version) {
                return v;
            }
        }
        throw new AssertionError("version " + version + " is not listed: " + list);
    }

    static List<String> steps(JsonNode shown) {
        List<String> steps = new ArrayList<>();
        shown.path("history").forEach(e -> steps.add(e.path("step").asText() + " " + e.path("actor").asText()));
        return steps;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }
}
