package nl.doelbinding.server.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.doelbinding.server.persistence.DatabaseConfig;

/**
 * The server's configuration, read from a YAML file ({@code bin/doelbinding serve --config FILE}).
 * Every setting has a default that runs the embedded set-up in the data folder. See docs/operations.md.
 */
public final class ServerConfig {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** HTTP listener. */
    public static final class Http {
        @JsonProperty public String host = "127.0.0.1";
        @JsonProperty public int port = 8080;
        @JsonProperty public int maxBodyBytes = 1024 * 1024;
    }

    /** The database; without a url, an H2 file database in the data folder. */
    public static final class Db {
        @JsonProperty public String url;
        @JsonProperty public String user = "";
        @JsonProperty public String password = "";
        @JsonProperty public int poolSize = 10;
    }

    /** Token verification against the Keycloak realm. */
    public static final class Keycloak {
        @JsonProperty public String issuer = "http://127.0.0.1:8180/realms/doelbinding";
        @JsonProperty public String jwksUri;
        @JsonProperty public String audience = "doelbinding-api";
        @JsonProperty public int clockSkewSeconds = 30;
        @JsonProperty public String unitClaim = "unit";

        /** Where file-drop bindings obtain their client's token; by default the issuer's token endpoint. */
        @JsonProperty public String tokenEndpoint;

        public String jwks() {
            return jwksUri != null ? jwksUri : issuer + "/protocol/openid-connect/certs";
        }

        public String tokens() {
            return tokenEndpoint != null ? tokenEndpoint : issuer + "/protocol/openid-connect/token";
        }
    }

    /** Where resident data comes from: the synthetic register (demo) or the holder's table. */
    public static final class Residents {
        @JsonProperty public String source = "synthetic";
        @JsonProperty public String table = "residents";
        @JsonProperty public String keyColumn = "v_number";
        @JsonProperty public Map<String, String> columns = new LinkedHashMap<>();
        /** A separate database for the register; without it, the server's own database. */
        @JsonProperty public Db database;
    }

    /** The three outcome endpoints (Camel URIs); defaults are the internal routes. */
    public static final class Endpoints {
        @JsonProperty public String redaction = nl.doelbinding.routes.Endpoints.REDACTION;
        @JsonProperty public String escalation = nl.doelbinding.routes.Endpoints.ESCALATION;
        @JsonProperty public String rejection = nl.doelbinding.routes.Endpoints.REJECTION;
    }

    /**
     * The queue channel (api.md section 5): the embedded broker on loopback by default; with {@code url}, an
     * external AMQP 1.0 broker instead (and no embedded one). See docs/channels.md.
     */
    public static final class Broker {
        @JsonProperty public boolean enabled = true;
        @JsonProperty public boolean embedded = true;
        @JsonProperty public String host = "127.0.0.1";
        @JsonProperty public int port = 5673;
        /** An external broker ({@code amqp://host:port} or {@code amqps://...}); implies embedded: false. */
        @JsonProperty public String url;
        @JsonProperty public String user;
        @JsonProperty public String password;
        @JsonProperty public String requestQueue = "doelbinding.requests";
        @JsonProperty public String replyQueue = "doelbinding.decisions";
        /**
         * Whether police systems may use {@link #replyQueue}, which every one of them can read; false for a
         * deployment with more than one police system: each must then name a reply address of its own.
         */
        @JsonProperty public boolean sharedReplies = true;
        @JsonProperty public String deadLetterQueue = "doelbinding.requests.DLQ";
        @JsonProperty public String expiryQueue = "doelbinding.expired";
        @JsonProperty public int concurrentConsumers = 16;
        @JsonProperty public int maxDeliveryAttempts = 5;
        @JsonProperty public long redeliveryDelayMillis = 1000;

        public boolean runsEmbedded() {
            return embedded && url == null;
        }

        public String connectUrl() {
            return url != null ? url : "amqp://" + host + ":" + port;
        }
    }

    /** One file-drop binding: a folder with inbox, outbox and failed, bound to a Keycloak client. */
    public static final class FileBinding {
        @JsonProperty public String name;
        @JsonProperty public String clientId;
        @JsonProperty public String clientSecret;
        /** The folder holding inbox/, outbox/ and failed/; by default dropbox/NAME in the data folder. */
        @JsonProperty public String folder;
    }

    /** The batch file drop (api.md section 6). */
    public static final class FileDrop {
        @JsonProperty public long pollMillis = 1000;
        @JsonProperty public java.util.List<FileBinding> bindings = new java.util.ArrayList<>();
    }

    @JsonProperty public String dataDir = "data";
    @JsonProperty public Http http = new Http();
    @JsonProperty public Db database = new Db();
    @JsonProperty public Keycloak keycloak = new Keycloak();
    @JsonProperty public Residents residents = new Residents();
    @JsonProperty public Endpoints endpoints = new Endpoints();
    @JsonProperty public Broker broker = new Broker();
    @JsonProperty public FileDrop fileDrop = new FileDrop();
    @JsonProperty public String pseudonymKeyFile;
    @JsonProperty public int rulesetPollSeconds = 5;
    /**
     * How long after a review its final decision may still be owed to a channel (queue reply, file-drop outbox)
     * before it is sent again, and how often owed ones are looked for.
     */
    @JsonProperty public int reviewReplyRetrySeconds = 60;

    public static ServerConfig read(Path file) throws IOException {
        ServerConfig config = YAML.readValue(file.toFile(), ServerConfig.class);
        return config == null ? new ServerConfig() : config;
    }

    public Path data() {
        return Path.of(dataDir);
    }

    public DatabaseConfig databaseConfig() {
        return database.url == null ? DatabaseConfig.embedded(data().resolve("db"), database.poolSize)
                : new DatabaseConfig(database.url, database.user, database.password, database.poolSize);
    }

    /** The folder of a file-drop binding. */
    public Path dropFolder(FileBinding binding) {
        return binding.folder != null ? Path.of(binding.folder) : data().resolve("dropbox").resolve(binding.name);
    }

    public Path pseudonymKeyPath() {
        return pseudonymKeyFile != null ? Path.of(pseudonymKeyFile) : data().resolve("pseudonym.key");
    }
}
