package edu.sevenp.model.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.protocol.rows.NoteRow;
import edu.sevenp.model.protocol.rows.SyncRow;
import edu.sevenp.model.protocol.rows.SyncRows;
import edu.sevenp.model.sync.ChangeKinds;
import edu.sevenp.model.sync.ChangeOperation;
import edu.sevenp.model.sync.NoteChange;
import edu.sevenp.model.sync.SyncEntity;
import edu.sevenp.model.sync.Tombstone;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The wire shapes of docs/sync-protocol.md, read and written by the one mapper both sides use. */
class ProtocolJsonTest {

    private static final ObjectMapper JSON = JsonMapperFactory.create();
    private static final UUID NOTE = UUID.fromString("9d1e0000-0000-4000-8000-000000000001");
    private static final UUID USER = UUID.fromString("9d1e0000-0000-4000-8000-000000000002");
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-12-05T12:00:00Z");

    @Test
    void aPulledUpsertNamesItsOperationAndItsRowsTable() throws Exception {
        NoteRow row = new NoteRow(NOTE, USER, NOTE, NOTE, "text", 95, true, null, NOON, NOON, NOON, 4, null);

        JsonNode json = JSON.valueToTree(new PulledChange.Upsert(row));

        assertThat(json.get("op").asText()).isEqualTo("upsert");
        assertThat(json.get("row").get("entity").asText()).isEqualTo("user_notes");
        assertThat(json.get("row").get("isPrivate").asBoolean()).isTrue();
        assertThat(json.get("row").get("version").asLong()).isEqualTo(4);
        assertThat(JSON.treeToValue(json, PulledChange.class)).isEqualTo(new PulledChange.Upsert(row));
    }

    @Test
    void aNoteFromARemovedLessonTravelsWithoutALessonAndWithTheLessonsTitle() throws Exception {
        NoteRow row = new NoteRow(NOTE, USER, null, NOTE, "text", null, true, null, NOON, NOON, NOON, 5, "Outer joins");

        JsonNode json = JSON.valueToTree(new PulledChange.Upsert(row));

        assertThat(json.get("row").get("removedLessonTitle").asText()).isEqualTo("Outer joins");
        assertThat(JSON.treeToValue(json, PulledChange.class)).isEqualTo(new PulledChange.Upsert(row));
    }

    @Test
    void aPulledDeleteIsATombstoneOfEntityAndId() throws Exception {
        PulledChange change = JSON.readValue("{\"op\":\"delete\",\"entity\":\"user_notes\",\"id\":\"" + NOTE + "\"}",
                PulledChange.class);

        assertThat(change).isEqualTo(new PulledChange.Delete("user_notes", NOTE));
    }

    @Test
    void everyRowTypeKnowsItsTable() {
        assertThat(SyncRows.tables()).hasSize(17).contains("users", "courses", "quiz_questions", "user_preferences");
        for (String table : SyncRows.tables()) {
            Class<? extends SyncRow> type = SyncRows.typeOf(table).orElseThrow();
            assertThat(type.isRecord()).as(table).isTrue();
        }
        assertThat(SyncRows.typeOf("user_credentials")).isEmpty();
    }

    @Test
    void aPushedChangesPayloadIsReadAsTheTypeItsEntityAndOperationName() throws Exception {
        String body = """
                {"seq": 41, "entity": "user_notes", "op": "delete", "id": "%s",
                 "payload": {"entity": "user_notes", "id": "%s", "userId": "%s", "deletedAt": "2026-12-05T12:00:00Z",
                             "baseVersion": 4}}""".formatted(NOTE, NOTE, USER);

        PushedChange change = JSON.readValue(body, PushedChange.class);
        Object payload = JSON.treeToValue(change.payload(), ChangeKinds.payloadType(change.entity(), change.op()).orElseThrow());

        assertThat(change.entity()).isEqualTo(SyncEntity.USER_NOTES);
        assertThat(change.op()).isEqualTo(ChangeOperation.DELETE);
        assertThat(payload).isInstanceOf(Tombstone.class).extracting("baseVersion").isEqualTo(4L);
    }

    @Test
    void theProtocolDefinesSixUpsertsAndTwoDeletes() {
        assertThat(ChangeKinds.payloadType(SyncEntity.USER_NOTES, ChangeOperation.UPSERT)).contains(NoteChange.class);
        assertThat(ChangeKinds.payloadType(SyncEntity.LESSON_PROGRESS, ChangeOperation.DELETE)).isEmpty();
        assertThat(List.of(SyncEntity.values())).allSatisfy(entity ->
                assertThat(ChangeKinds.payloadType(entity, ChangeOperation.UPSERT)).isPresent());
    }

    @Test
    void aPullRequestKeepsNullCursorsForNewStreams() throws Exception {
        PullRequest request = JSON.readValue("{\"streams\":{\"user\":\"12.3\",\"course:" + NOTE + "\":null}}", PullRequest.class);

        assertThat(request.streams()).containsEntry("user", "12.3").containsEntry("course:" + NOTE, null);
        assertThat(request.limit()).isNull();
    }

    @Test
    void streamNamesAreUserOrACanonicalCourseId() {
        assertThat(Streams.isValid("user")).isTrue();
        assertThat(Streams.courseOf(Streams.course(NOTE))).contains(NOTE);
        assertThat(Streams.isValid("course:" + NOTE.toString().toUpperCase())).isFalse();
        assertThat(Streams.isValid("course:1-2-3-4-5")).isFalse();
        assertThat(Streams.isValid("courses")).isFalse();
    }

    @Test
    void anErrorBodyLeavesOutWhatItDoesNotHave() {
        JsonNode json = JSON.valueToTree(ApiError.of("not_found", "No such course", null));

        assertThat(json.fieldNames()).toIterable().containsExactly("error", "message");
    }

    @Test
    void secretsStayOutOfToString() {
        assertThat(new LoginRequest("a@b.org", "hunter22", null).toString()).doesNotContain("hunter22");
        assertThat(new RefreshRequest("tok3n").toString()).doesNotContain("tok3n");
        assertThat(new TokenGrant("acc", NOON, "ref", NOON, null, null).toString()).doesNotContain("acc,").doesNotContain("ref");
        assertThat(new RegisterRequest("a@b.org", "hunter22", "A").toString()).doesNotContain("hunter22");
    }

    @Test
    void aVersionRangeIsOrdered() {
        assertThat(VersionRange.SUPPORTED).isEqualTo(new VersionRange(1, 1));
        assertThatThrownBy(() -> new VersionRange(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Map.of("min", 1, "max", 1)).isEqualTo(JSON.convertValue(VersionRange.SUPPORTED, Map.class));
    }
}
