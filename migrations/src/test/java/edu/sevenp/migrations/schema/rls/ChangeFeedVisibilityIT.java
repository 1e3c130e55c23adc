package edu.sevenp.migrations.schema.rls;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who pulls which media change from the feed (V17): a private upload is its uploader's own change, a
 * course's file travels with the course's catalog changes, and only categories and tags reach every
 * signed-in user without a course. The rows read here are the ones the change-feed trigger wrote when
 * the fixture was loaded, not hand-made ones.
 */
@PostgresTest
class ChangeFeedVisibilityIT {

    private static final String CHANGES_OF = "SELECT operation FROM sync_changes WHERE entity_id = ? ORDER BY id";

    private static RlsFixture fixture;
    private static RequestSession session;

    @BeforeAll
    static void loadFixture(TestDatabase database) throws SQLException {
        fixture = RlsFixture.load(database);
        session = RequestSession.open(database);
    }

    @AfterAll
    static void closeSession() throws SQLException {
        session.close();
    }

    @Test
    void nobodyElseSeesAPrivateUploadInTheFeed() throws SQLException {
        UUID upload = fixture.id("A.avatar");

        for (String other : List.of("B", "I1", "I2")) {
            assertThat(session.column(fixture.id(other), CHANGES_OF, upload)).as(other).isEmpty();
        }
        assertThat(session.column(null, CHANGES_OF, upload)).as("anonymous").isEmpty();
    }

    @Test
    void theUploaderSeesTheirPrivateUploadInTheFeed() throws SQLException {
        assertThat(session.column(fixture.id("A"), CHANGES_OF, fixture.id("A.avatar"))).containsExactly("U");
    }

    @Test
    void aPublicFileWithoutACourseIsItsUploadersChangeToo() throws SQLException {
        // Anyone may read the logo's row, but no course carries it: nobody's device needs it pushed.
        UUID logo = fixture.id("I1.logo");

        assertThat(session.column(fixture.id("I1"), CHANGES_OF, logo)).containsExactly("U");
        assertThat(session.column(fixture.id("A"), CHANGES_OF, logo)).isEmpty();
    }

    @Test
    void aCourseOnlyFileTravelsWithItsCoursesCatalogChanges() throws SQLException {
        UUID video = fixture.id("I1.paid.video");

        // The paid course is published: everyone signed in sees its catalog changes (not its content).
        for (String user : List.of("A", "B", "I1", "I2", "ADM")) {
            assertThat(session.column(fixture.id(user), CHANGES_OF, video)).as(user).containsExactly("U");
        }
    }

    @Test
    void aFileOfADraftCourseReachesOnlyThoseWhoSeeTheDraft() throws SQLException {
        UUID draftVideo = UUID.randomUUID();
        fixture.commitAsSuperuser("""
                INSERT INTO media_files (id, user_id, course_id, filename, original_filename, file_path, file_size, mime_type,
                                         file_hash, visibility)
                VALUES (?, ?, ?, 'draft.mp4', 'draft.mp4', '/m/draft.mp4', 99, 'video/mp4', repeat('d', 64), 'course_only')""",
                draftVideo, fixture.id("I1"), fixture.id("draft"));

        assertThat(session.column(fixture.id("I1"), CHANGES_OF, draftVideo)).containsExactly("U");
        assertThat(session.column(fixture.id("ADM"), CHANGES_OF, draftVideo)).containsExactly("U");
        assertThat(session.column(fixture.id("B"), CHANGES_OF, draftVideo)).isEmpty();
        assertThat(session.column(fixture.id("I2"), CHANGES_OF, draftVideo)).isEmpty();
    }

    @Test
    void categoriesAndTagsStillReachEverySignedInUser() throws SQLException {
        for (String user : List.of("A", "B", "I2")) {
            assertThat(session.column(fixture.id(user), CHANGES_OF, fixture.id("cat.active"))).as(user).containsExactly("U");
            assertThat(session.column(fixture.id(user), CHANGES_OF, fixture.id("tag.java"))).as(user).containsExactly("U");
        }
        assertThat(session.column(null, CHANGES_OF, fixture.id("cat.active"))).as("anonymous").isEmpty();
    }

    @Test
    void aCourselessChangeOfAnyOtherEntityReachesOnlyAdministrators() throws SQLException {
        // What V12 recorded for a private upload before V17: no user, no course. Such rows stay in the
        // feed; the policy no longer hands them to everybody.
        UUID oldUpload = UUID.randomUUID();
        fixture.commitAsSuperuser("""
                INSERT INTO sync_changes (user_id, course_id, entity, entity_id, operation) VALUES (NULL, NULL, 'media_files', ?, 'U')""",
                oldUpload);

        for (String user : List.of("A", "B", "I1", "I2")) {
            assertThat(session.column(fixture.id(user), CHANGES_OF, oldUpload)).as(user).isEmpty();
        }
        assertThat(session.column(fixture.id("ADM"), CHANGES_OF, oldUpload)).containsExactly("U");
    }
}
