package edu.sevenp.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.model.protocol.PullRequest;
import edu.sevenp.model.protocol.PullResponse;
import edu.sevenp.model.protocol.PulledChange;
import edu.sevenp.model.protocol.PushRequest;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.PushedChange;
import edu.sevenp.model.protocol.StreamPage;
import edu.sevenp.model.protocol.Streams;
import edu.sevenp.model.protocol.rows.SyncRow;
import edu.sevenp.model.sync.LearnerChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A minimal client of the protocol for server tests: it numbers its changes, keeps a replica of what it pulled
 * (rows by table and id, one cursor per stream) and applies answers as docs/sync-protocol.md section 15 says.
 */
public final class Device {

    private final Accounts.SignedIn account;
    private long seq;
    private long clockOffsetMillis;
    private final Map<String, String> cursors = new LinkedHashMap<>();
    private final Map<String, Map<UUID, SyncRow>> replica = new HashMap<>();
    private final Map<String, Set<String>> marked = new HashMap<>();
    private int pulls;

    public Device(Accounts.SignedIn account) {
        this.account = account;
    }

    public Accounts.SignedIn account() {
        return account;
    }

    public UUID user() {
        return account.user();
    }

    public Device withClockOffset(long millis) {
        this.clockOffsetMillis = millis;
        return this;
    }

    public long nextSeq() {
        return ++seq;
    }

    /** Pushes the changes with the next sequence numbers; returns the answer (status 200 asserted). */
    public PushResponse push(LearnerChange... changes) {
        List<PushedChange> pushed = new ArrayList<>();
        for (LearnerChange change : changes) {
            pushed.add(Changes.change(nextSeq(), change));
        }
        return pushRaw(pushed);
    }

    public PushResponse pushRaw(List<PushedChange> changes) {
        ApiClient.Response response = pushResponse(changes);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        PushResponse answer = response.as(PushResponse.class);
        answer.results().forEach(result -> result.rows().forEach(this::upsert));
        return answer;
    }

    public ApiClient.Response pushResponse(List<PushedChange> changes) {
        return account.api().post("/api/v1/sync/push", new PushRequest(account.device(), clockOffsetMillis, changes));
    }

    /** Pulls until the server has nothing more; returns every answer. */
    public List<PullResponse> pullAll() {
        List<PullResponse> answers = new ArrayList<>();
        for (int round = 0; round < 10_000; round++) {
            PullResponse answer = pullOnce(null);
            answers.add(answer);
            if (!answer.more()) {
                return answers;
            }
        }
        throw new AssertionError("the pull never ended");
    }

    public PullResponse pullOnce(Integer limit) {
        ApiClient.Response response = account.api().post("/api/v1/sync/pull", new PullRequest(cursors, limit));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        pulls++;
        PullResponse answer = response.as(PullResponse.class);
        apply(answer);
        return answer;
    }

    public int pulls() {
        return pulls;
    }

    private void apply(PullResponse answer) {
        for (StreamPage page : answer.streams()) {
            if (page.reset()) {
                Set<String> rows = new HashSet<>();
                streamTables(page.stream()).forEach(table -> replica.getOrDefault(table, Map.of()).keySet()
                        .forEach(id -> rows.add(table + "/" + id)));
                marked.put(page.stream(), rows);
            }
            for (PulledChange change : page.changes()) {
                if (change instanceof PulledChange.Upsert upsert) {
                    upsert(upsert.row());
                    Optional.ofNullable(marked.get(page.stream())).ifPresent(rows ->
                            rows.remove(upsert.row().table() + "/" + upsert.row().id()));
                } else if (change instanceof PulledChange.Delete delete) {
                    replica.getOrDefault(delete.entity(), new HashMap<>()).remove(delete.id());
                }
            }
            if (page.bootstrap() && page.complete() && marked.containsKey(page.stream())) {
                for (String key : marked.remove(page.stream())) {
                    String[] parts = key.split("/");
                    replica.getOrDefault(parts[0], new HashMap<>()).remove(UUID.fromString(parts[1]));
                }
            }
            cursors.put(page.stream(), page.cursor());
        }
        for (String stream : answer.revoked()) {
            cursors.remove(stream);
            UUID course = Streams.courseOf(stream).orElseThrow();
            for (String table : List.of("course_lessons", "course_sections", "course_quizzes", "quiz_questions",
                    "course_resources", "media_files", "courses")) {
                replica.getOrDefault(table, new HashMap<>()).values().removeIf(row -> belongsTo(row, course));
            }
        }
    }

    private static Set<String> streamTables(String stream) {
        return Streams.USER.equals(stream)
                ? Set.of("enrollments", "lesson_progress", "quiz_attempts", "course_completions", "user_achievements",
                        "user_notes", "user_bookmarks", "user_preferences")
                : Set.of("courses", "course_sections", "course_lessons", "media_files", "course_resources", "course_quizzes",
                        "quiz_questions");
    }

    private static boolean belongsTo(SyncRow row, UUID course) {
        try {
            Object value = row.getClass().getMethod("courseId").invoke(row);
            return course.equals(value) || row.id().equals(course);
        } catch (ReflectiveOperationException e) {
            return row.id().equals(course);
        }
    }

    private void upsert(SyncRow row) {
        replica.computeIfAbsent(row.table(), table -> new HashMap<>()).put(row.id(), row);
    }

    public Map<UUID, SyncRow> rows(String table) {
        return replica.getOrDefault(table, Map.of());
    }

    @SuppressWarnings("unchecked")
    public <T extends SyncRow> T row(String table, UUID id) {
        return (T) replica.getOrDefault(table, Map.of()).get(id);
    }

    public Map<String, String> cursors() {
        return cursors;
    }

    public ApiClient api() {
        return account.api();
    }
}
