package edu.sevenp.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.LessonProgress;
import edu.sevenp.model.learning.Note;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On the profile's file: what the learner wrote, and its queued changes, are there after the player restarts. */
class LearnerRecordsOnFileIT {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00Z");

    @TempDir
    Path temp;

    @Test
    void notesProgressEnrollmentAndTheirQueuedChangesSurviveARestart() {
        Path profile = temp.resolve("ana");
        UserId learner;
        FixtureCourse course;
        Note note;
        LessonProgress progress;
        Enrollment enrollment;
        List<Outbox.Entry> queued;
        try (LocalStore store = LocalStore.openFile(profile, "ana")) {
            StoreFixture fixture = new StoreFixture(store);
            learner = fixture.learner();
            course = fixture.course("Joins", 1, 2);
            enrollment = store.enrollments().enroll(learner, course.id(), MONDAY).orElseThrow();
            note = store.notes().create(learner, course.lesson(0), "kept", 3, MONDAY).orElseThrow();
            progress = store.progress().record(learner, course.lesson(0),
                    ProgressEntry.visit(MONDAY, 30, new BigDecimal("25"), 30)).orElseThrow().progress();
            enrollment = store.enrollments().find(learner, course.id()).orElseThrow();
            queued = fixture.outbox();
        }

        try (LocalStore reopened = LocalStore.openFile(profile, "ana")) {
            assertThat(reopened.notes().find(learner, note.id())).contains(note);
            assertThat(reopened.progress().find(learner, course.lesson(0))).contains(progress);
            assertThat(reopened.enrollments().find(learner, course.id())).contains(enrollment);
            assertThat(new StoreFixture(reopened).outbox()).isEqualTo(queued).hasSize(3);
        }
    }
}
