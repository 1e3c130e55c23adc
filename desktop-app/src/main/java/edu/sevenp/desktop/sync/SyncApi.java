package edu.sevenp.desktop.sync;

import edu.sevenp.model.protocol.Recommendation;
import edu.sevenp.model.protocol.CourseFigures;
import edu.sevenp.model.protocol.CourseStatistics;
import java.util.List;
import edu.sevenp.model.protocol.AccountView;
import edu.sevenp.model.protocol.DeviceView;
import edu.sevenp.model.protocol.CatalogPage;
import edu.sevenp.model.protocol.CategoryView;
import edu.sevenp.model.protocol.CourseDetail;
import edu.sevenp.model.protocol.PullRequest;
import edu.sevenp.model.protocol.PullResponse;
import edu.sevenp.model.protocol.PushRequest;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.rows.EnrollmentRow;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The sync server as the engine sees it (docs/sync-protocol.md). Signed-in calls refresh the access token
 * by themselves; every failure is a {@link SyncFailure}.
 */
public interface SyncApi {

    /** Asks the server who it is and measures the clock offset; needs no sign-in. */
    ServerContact contact();

    /**
     * Makes an account (when the server takes registrations); does not sign in. A refusal says in plain words what to
     * change (the e-mail address is taken or malformed, the password too short, no name).
     */
    AccountView register(String email, char[] password, String name);

    /** Signs this device in and stores the credentials; the password is not kept. */
    Credentials signIn(String email, char[] password);

    /** Ends this device's sign-in on the server (when it answers) and forgets the credentials. */
    void signOut();

    /** The signed-in account's devices, newest first, revoked ones included ({@code GET /devices}). */
    List<DeviceView> devices();

    /**
     * Signs one of the account's devices out for good ({@code DELETE /devices/{id}}): its refresh tokens stop working
     * and its next request is refused. Revoking this device signs it out.
     */
    void revokeDevice(UUID device);

    PushResponse push(PushRequest request);

    PullResponse pull(PullRequest request);

    /** The media file with this SHA-256, from byte {@code from} on when the server honours the range. */
    MediaBody media(String sha256, long from);

    /** Up to {@code limit} courses the server recommends to the signed-in learner, most relevant first. */
    List<Recommendation> recommendations(int limit);

    /** One page of the published courses matching {@code search} ({@code GET /catalog}). */
    CatalogPage catalog(CatalogSearch search);

    /** The active categories in display order ({@code GET /catalog/categories}). */
    List<CategoryView> categories();

    /** A course as the catalog shows it, with its outline, size and what the user may do with it. */
    CourseDetail course(UUID course);

    /**
     * Enrolls the user in the course, or takes them back in after they dropped it ({@code POST
     * /courses/{id}/enrollment}): its content is part of their pull from then on.
     *
     * @throws SyncFailure {@code payment_required} for a paid course not bought, {@code not_found}
     */
    EnrollmentRow enroll(UUID course);

    /**
     * The signed-in instructor's published courses with their headline figures ({@code GET /instructor/courses}).
     *
     * @throws SyncFailure {@code role_required} without the instructor role
     */
    List<CourseFigures> instructorCourses();

    /**
     * One of the instructor's courses in figures ({@code GET /instructor/courses/{id}/statistics}).
     *
     * @throws SyncFailure {@code role_required} without the instructor role, {@code not_found} for another's course
     */
    CourseStatistics courseStatistics(UUID course);

    /**
     * Publishes a course package ({@code POST /courses/publish}, docs/sync-protocol.md section 11): the {@code .zip}
     * streams from its file, each part told to {@code progress}; the server's verdict comes back. Takes as long as the
     * upload and the server's check: call it off the UI thread.
     *
     * @param summary what changed, kept with the version (null or blank: none)
     * @throws java.util.concurrent.CancellationException when {@code cancellation} stopped it before the server answered
     * @throws SyncFailure when the server cannot be reached, is busy, or the sign-in has ended
     */
    PublishVerdict publish(Path zip, String summary, UploadProgress progress, Cancellation cancellation);

    /** Opens the push channel; closing the handle closes it. */
    AutoCloseable listen(ServerEvents events);

    /** Bytes sent and received so far, headers included. */
    Traffic traffic();

    /** Bytes on the wire, both ways. */
    record Traffic(long sent, long received) {

        public Traffic minus(Traffic earlier) {
            return new Traffic(sent - earlier.sent, received - earlier.received);
        }
    }
}
