package edu.sevenp.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.protocol.ChangeStatus;
import edu.sevenp.model.protocol.ProtocolVersion;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.PushedChange;
import edu.sevenp.model.protocol.rows.NoteRow;
import edu.sevenp.model.sync.ChangeOperation;
import edu.sevenp.model.sync.SyncEntity;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.ApiClient;
import edu.sevenp.server.testing.ApiClient.Response;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.Changes;
import edu.sevenp.server.testing.Device;
import edu.sevenp.server.testing.Learning;
import edu.sevenp.server.testing.RunningServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Bad input to push and pull gets a clear 4xx with a code and the field to blame, never a 500 (section 3). */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncBadInputIT {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    private RunningServer server;
    private Catalog.Course course;
    private Device device;
    private Learning learner;

    @BeforeAll
    void start(TestDatabase database) {
        server = RunningServer.start(database);
        Accounts accounts = new Accounts(server);
        course = new Catalog(database.superuser()).freeCourse(accounts.instructor("Teacher").user(), "bad-input", 2);
        device = new Device(accounts.learner("Eve"));
        learner = new Learning(device.user(), course);
        device.push(learner.enroll(NOW));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void malformedJsonIsA400() {
        Response response = device.api().sendJson("POST", "/api/v1/sync/push", "{\"deviceId\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("malformed_json");
    }

    @Test
    void aWrongTypeNamesItsField() {
        Response response = device.api().sendJson("POST", "/api/v1/sync/push",
                "{\"deviceId\": \"" + device.account().device() + "\", \"changes\": [{\"seq\": \"seven\"}]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("invalid_field");
        assertThat(response.json().get("field").asText()).isEqualTo("changes[0].seq");
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        Response response = device.api().sendJson("POST", "/api/v1/sync/pull", "{\"streams\": {}, \"since\": 5}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("unknown_field");
        assertThat(response.json().get("field").asText()).isEqualTo("since");
    }

    @Test
    void anInvalidUuidIsA400OnTheEnvelopeAndARejectionInsideAPayload() {
        Response envelope = device.api().sendJson("POST", "/api/v1/sync/push",
                "{\"deviceId\": \"not-a-uuid\", \"changes\": []}");
        assertThat(envelope.status()).isEqualTo(400);
        assertThat(envelope.json().get("field").asText()).isEqualTo("deviceId");

        ObjectNodeChange broken = new ObjectNodeChange(Changes.change(device.nextSeq(),
                learner.note(UUID.randomUUID(), 0, "text", NOW, null)));
        broken.payload().put("lessonId", "42");
        PushResponse answer = device.pushRaw(List.of(broken.change()));
        assertThat(answer.results().get(0).status()).isEqualTo(ChangeStatus.REJECTED);
        assertThat(answer.results().get(0).reason().code()).isEqualTo("validation_failed");
        assertThat(answer.results().get(0).reason().field()).isEqualTo("payload.lessonId");
    }

    @Test
    void aHugeStringIsRejectedWithItsLimitAndTheRestOfTheBatchIsApplied() {
        UUID kept = UUID.randomUUID();
        PushResponse answer = device.push(learner.note(UUID.randomUUID(), 0, "x".repeat(20_001), NOW, null),
                learner.note(kept, 0, "fine", NOW, null));

        assertThat(answer.results().get(0).status()).isEqualTo(ChangeStatus.REJECTED);
        assertThat(answer.results().get(0).reason().field()).isEqualTo("payload.content");
        assertThat(answer.results().get(0).reason().message()).contains("20000");
        assertThat(answer.results().get(1).status()).isEqualTo(ChangeStatus.APPLIED);
    }

    @Test
    void aRejectedChangeIsAnsweredWithTheSameReasonWhenSentAgain() {
        List<PushedChange> batch = List.of(Changes.change(device.nextSeq(),
                learner.note(UUID.randomUUID(), 0, "   ", NOW, null)));
        PushResponse first = device.pushRaw(batch);
        PushResponse again = device.pushRaw(batch);

        assertThat(first.results().get(0).status()).isEqualTo(ChangeStatus.REJECTED);
        assertThat(again.results().get(0).status()).isEqualTo(ChangeStatus.DUPLICATE);
        assertThat(again.results().get(0).reason()).isEqualTo(first.results().get(0).reason());
    }

    @Test
    void sqlMetacharactersAreJustText() {
        UUID note = UUID.randomUUID();
        String text = "'; DROP TABLE user_notes; -- \" \\ % _ $1 ?";
        PushResponse answer = device.push(learner.note(note, 0, text, NOW, null));

        assertThat(((NoteRow) answer.results().get(0).rows().get(0)).content()).isEqualTo(text);
        Response pull = device.api().sendJson("POST", "/api/v1/sync/pull",
                "{\"streams\": {\"user\": \"1.1'; DROP TABLE users; --\"}}");
        assertThat(pull.status()).isEqualTo(400);
        assertThat(pull.error()).isEqualTo("invalid_field");
    }

    @Test
    void aBatchOfMoreThan500ChangesIsA413() {
        List<PushedChange> changes = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            changes.add(Changes.change(1_000_000 + i, learner.note(UUID.randomUUID(), 0, "n", NOW, null)));
        }
        Response response = device.pushResponse(changes);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.error()).isEqualTo("batch_too_large");
    }

    // Raw sockets: the server answers 413 and closes without reading the rest, and an HTTP client still writing
    // the rest can see the closed connection before the answer (it did, in fresh clones on CI).
    @Test
    void aBodyDeclaredOverOneMebibyteIsA413BeforeItIsSent() throws IOException {
        String headers = "Content-Type: application/json\r\nContent-Length: 1100000\r\n";

        assertThat(rawPull(headers, new byte[0])).startsWith("HTTP/1.1 413");
    }

    @Test
    void aChunkedBodyGrowingOverOneMebibyteIsA413() throws IOException {
        byte[] chunk = ("{\"streams\": {}, \"padding\": \"" + "x".repeat(1_048_600)).getBytes(StandardCharsets.US_ASCII);
        byte[] framed = concat((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII), chunk);
        String headers = "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n";

        assertThat(rawPull(headers, framed)).startsWith("HTTP/1.1 413");
    }

    @Test
    void anUnknownStreamAndAForeignCursorAreRefused() {
        assertThat(device.api().post("/api/v1/sync/pull", Map.of("streams", Map.of("everything", "1.1"))).error())
                .isEqualTo("invalid_field");
        Response badCursor = device.api().post("/api/v1/sync/pull", Map.of("streams", Map.of("user", "yesterday")));
        assertThat(badCursor.json().get("field").asText()).isEqualTo("streams.user");
        assertThat(device.api().post("/api/v1/sync/pull", Map.of("streams", Map.of(), "limit", 5000)).status()).isEqualTo(422);
    }

    @Test
    void aPushForAnotherDeviceIsRefused() {
        Response response = device.api().post("/api/v1/sync/push", Map.of("deviceId", UUID.randomUUID(),
                "changes", List.of()));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.error()).isEqualTo("device_mismatch");
    }

    @Test
    void anOperationTheProtocolDoesNotDefineIsRejected() {
        PushedChange deleteProgress = new PushedChange(device.nextSeq(), SyncEntity.LESSON_PROGRESS, ChangeOperation.DELETE,
                UUID.randomUUID(), ApiClient.JSON.createObjectNode());
        PushResponse answer = device.pushRaw(List.of(deleteProgress));
        assertThat(answer.results().get(0).reason().code()).isEqualTo("unsupported_change");
    }

    @Test
    void theProtocolHeaderIsRequiredAndAnUnknownVersionNamesTheSupportedRange() {
        Response missing = device.api().withHeader("X-SevenP-Protocol", null).post("/api/v1/sync/pull", Map.of());
        Response future = device.api().withHeader("X-SevenP-Protocol", "7").post("/api/v1/sync/pull", Map.of());
        Response garbage = device.api().withHeader("X-SevenP-Protocol", "one").post("/api/v1/sync/pull", Map.of());

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).isEqualTo("protocol_version_required");
        assertThat(future.status()).isEqualTo(426);
        assertThat(future.json().get("supported").get("max").asInt()).isEqualTo(1);
        assertThat(future.json().get("message").asText()).contains("Update the server");
        assertThat(garbage.error()).isEqualTo("protocol_version_invalid");
    }

    /** A pushed change whose payload a test may spoil. */
    private record ObjectNodeChange(PushedChange change) {
        com.fasterxml.jackson.databind.node.ObjectNode payload() {
            return (com.fasterxml.jackson.databind.node.ObjectNode) change.payload();
        }
    }

    /** Sends a pull's headers and the given part of its body, then reads the status line the server answers with. */
    private String rawPull(String bodyHeaders, byte[] bodyPart) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            String head = "POST /api/v1/sync/pull HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + ProtocolVersion.HEADER + ": " + ProtocolVersion.CURRENT + "\r\n"
                    + "Authorization: Bearer " + device.account().token() + "\r\n" + bodyHeaders + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bodyPart);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String statusLine = in.readLine();
            return statusLine == null ? "(no answer)" : statusLine;
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
