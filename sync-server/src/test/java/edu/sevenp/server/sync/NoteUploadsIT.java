package edu.sevenp.server.sync;

import static edu.sevenp.server.sync.PushPullIT.enroll;
import static edu.sevenp.server.sync.PushPullIT.note;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.protocol.ChangeResult;
import edu.sevenp.model.protocol.ChangeStatus;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.rows.NoteRow;
import edu.sevenp.model.sync.LearnerChange;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.Device;
import edu.sevenp.server.testing.RunningServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** New notes of a push go in one statement; each is still answered for by itself, in order. */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoteUploadsIT {

    private RunningServer server;
    private Accounts accounts;
    private Catalog catalog;
    private UUID instructor;

    @BeforeAll
    void start(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        catalog = new Catalog(database.superuser());
        instructor = accounts.instructor("Ines").user();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void manyNewNotesAreEachInsertedAndAnswered() {
        Catalog.Course course = catalog.freeCourse(instructor, "uploads-many", 2);
        Device laptop = new Device(accounts.learner("Ana"));
        laptop.push(enroll(laptop, course));
        List<LearnerChange> notes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            notes.add(note(laptop, course, UUID.randomUUID(), "note " + i, null));
        }

        PushResponse answer = laptop.push(notes.toArray(LearnerChange[]::new));

        assertThat(answer.results()).hasSize(300).allSatisfy(result -> {
            assertThat(result.status()).isEqualTo(ChangeStatus.APPLIED);
            assertThat(result.outcome()).isEqualTo("inserted");
            assertThat(result.rows()).singleElement().satisfies(row -> assertThat(((NoteRow) row).version()).isEqualTo(1));
        });
        assertThat(answer.results().get(299).rows().get(0)).extracting(row -> ((NoteRow) row).content()).isEqualTo("note 299");
    }

    @Test
    void aNoteWrittenAndEditedBeforeItsFirstPushEndsWithTheEdit() {
        Catalog.Course course = catalog.freeCourse(instructor, "uploads-edit", 1);
        Device laptop = new Device(accounts.learner("Ben"));
        UUID id = UUID.randomUUID();

        PushResponse answer = laptop.push(enroll(laptop, course), note(laptop, course, id, "draft", null),
                note(laptop, course, id, "final", null));

        assertThat(answer.results()).extracting(ChangeResult::outcome).containsExactly("inserted", "inserted", "updated");
        assertThat(((NoteRow) answer.results().get(2).rows().get(0)).content()).isEqualTo("final");
    }

    @Test
    void aNoteOfACourseNotOpenToTheLearnerIsRefusedAloneAndTheOthersGoIn() {
        Catalog.Course open = catalog.freeCourse(instructor, "uploads-open", 1);
        Catalog.Course closed = catalog.freeCourse(instructor, "uploads-closed", 1);
        Device laptop = new Device(accounts.learner("Cai"));
        laptop.push(enroll(laptop, open));

        PushResponse answer = laptop.push(note(laptop, open, UUID.randomUUID(), "fine", null),
                note(laptop, closed, UUID.randomUUID(), "not mine", null), note(laptop, open, UUID.randomUUID(), "fine too", null));

        assertThat(answer.results()).extracting(ChangeResult::status)
                .containsExactly(ChangeStatus.APPLIED, ChangeStatus.REJECTED, ChangeStatus.APPLIED);
        assertThat(answer.results().get(1).reason().code()).isEqualTo("not_entitled");
    }
}
