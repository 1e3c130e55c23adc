package edu.sevenp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.server.testing.RunningServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Starts the real server on a random port over the fixture's database and calls it over HTTP. */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthEndpointIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapperFactory.create();
    private RunningServer server;

    @BeforeAll
    void startServer(TestDatabase database) {
        server = RunningServer.start(database);
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    void healthReportsTheDatabaseAndSchemaVersions() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("databaseVersion").asText()).startsWith("PostgreSQL 1");
        assertThat(body.get("schemaVersion").asText()).isEqualTo(server.server().database().schemaVersion()).isNotBlank();
        assertThat(body.get("databaseMode").asText()).isEqualTo("external");
        assertThat(body.get("protocolVersion").asInt()).isEqualTo(1);
    }

    @Test
    void healthCarriesTheDatabasesOwnHealthCheck() throws Exception {
        JsonNode database = json.readTree(get("/health").body()).get("database");

        assertThat(database.isObject()).isTrue();
        assertThat(database.get("database_size").asLong()).isPositive();
        assertThat(database.get("active_connections").asInt()).isPositive();
        assertThat(database.get("table_sizes").has("users")).isTrue();
        assertThat(database.get("index_usage").has("tables")).isTrue();
    }

    @Test
    void theDatabaseReportIsComputedAtMostEvery30Seconds() throws Exception {
        String first = json.readTree(get("/health").body()).get("database").get("timestamp").asText();
        String second = json.readTree(get("/health").body()).get("database").get("timestamp").asText();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void everyAnswerCarriesTheProtocolVersion() throws Exception {
        assertThat(get("/health").headers().firstValue("X-SevenP-Protocol")).contains("1");
    }

    @Test
    void anUnknownPathIsAJsonNotFound() throws Exception {
        HttpResponse<String> response = get("/no-such-thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("error").asText()).isEqualTo("not_found");
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
