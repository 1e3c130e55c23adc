package edu.sevenp.desktop.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The two checks every end-to-end sync test ends with (issue 9): <em>convergence</em>, each device holds exactly the
 * server's rows of the learner (by a content hash; the differing rows are printed when not), and <em>exactly once</em>,
 * the server holds what the learner did once: time spent adds up to what was recorded, and no note or attempt is
 * there twice.
 */
final class Convergence {

    private Convergence() {
    }

    /**
     * Each device's rows of {@code user} equal the server's, id, columns and row versions alike.
     *
     * @param context what to add to a failure message (a fault proxy's seed)
     */
    static void assertConverged(DataSource superuser, UUID user, String context, SyncedDevice... devices) {
        LearnerRows server = LearnerRows.onServer(superuser, user);
        assertThat(server.rowCount()).as("the server holds rows of the learner; %s", context).isPositive();
        for (SyncedDevice device : devices) {
            LearnerRows local = LearnerRows.onDevice(device.store(), user);
            List<String> differences = local.differences(server, device.name(), "server");
            assertThat(local.hash())
                    .as("%s's rows of the learner equal the server's (%s); %d rows differ:%n%s", device.name(), context,
                            differences.size(), String.join("\n", differences))
                    .isEqualTo(server.hash());
        }
    }

    static void assertConverged(DataSource superuser, UUID user, SyncedDevice... devices) {
        assertConverged(superuser, user, "", devices);
    }

    /**
     * The server holds what the {@code ledger} says the learner did, once: each lesson's time spent is the sum of the
     * time recorded (never doubled by a retry), each note not deleted is there with its last text (or kept as a
     * conflict copy), no deleted note is back, no two notes hold one text, and no attempt is there twice.
     */
    static void assertExactlyOnce(DataSource superuser, UUID user, Ledger ledger, String context) {
        LearnerRows server = LearnerRows.onServer(superuser, user);

        Map<UUID, Integer> spent = new HashMap<>();
        server.table("lesson_progress").values().forEach(row -> {
            int seconds = Integer.parseInt(row.get("total_time_spent"));
            if (seconds > 0) {
                spent.put(UUID.fromString(row.get("lesson_id")), seconds);
            }
        });
        assertThat(spent).as("time spent by lesson on the server (%s)", context).isEqualTo(ledger.secondsByLesson());

        Map<UUID, Map<String, String>> notes = server.table("user_notes");
        Map<String, Long> texts = notes.values().stream().collect(Collectors.groupingBy(row -> row.get("content"),
                Collectors.counting()));
        assertThat(texts).as("notes holding one text more than once (%s)", context).allSatisfy((text, count) ->
                assertThat(count).as("notes with the text '%s'", text).isEqualTo(1L));
        List<String> lost = new ArrayList<>();
        ledger.notes().forEach((id, text) -> {
            Map<String, String> row = notes.get(id);
            boolean kept = row != null && (row.get("content").equals(text) || notes.values().stream().anyMatch(copy ->
                    id.toString().equals(copy.get("conflict_of")) && copy.get("content").equals(text)));
            if (!kept) {
                lost.add(id + " '" + text + "' (server: " + (row == null ? "no such note" : "'" + row.get("content") + "'") + ")");
            }
        });
        assertThat(lost).as("notes whose last text the server lost (%s)", context).isEmpty();
        assertThat(notes.keySet()).as("deleted notes back on the server (%s)", context)
                .filteredOn(ledger.deletedNotes()::contains).isEmpty();

        Map<String, Long> attempts = server.table("quiz_attempts").values().stream()
                .collect(Collectors.groupingBy(row -> row.get("quiz_id") + " " + row.get("started_at") + " "
                        + row.get("completed_at") + " " + row.get("responses"), Collectors.counting()));
        assertThat(attempts).as("attempts recorded more than once (%s)", context).allSatisfy((attempt, count) ->
                assertThat(count).as("copies of the attempt %s", attempt).isEqualTo(1L));
        assertThat(server.table("quiz_attempts").keySet()).as("attempts the learner never made (%s)", context)
                .allMatch(id -> ledger.attempts().contains(id));
    }

    static void assertExactlyOnce(DataSource superuser, UUID user, Ledger ledger) {
        assertExactlyOnce(superuser, user, ledger, "");
    }
}
