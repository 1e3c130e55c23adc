package edu.sevenp.desktop.sync;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.protocol.CatalogPage;
import edu.sevenp.model.protocol.CategoryView;
import edu.sevenp.model.protocol.CourseDetail;
import edu.sevenp.model.protocol.rows.EnrollmentRow;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The catalog of the server the profile is signed in to (docs/sync-protocol.md, section 5): searching it, its
 * categories, a course's details, and enrolling. Each call is one request on the caller's thread (never the UI's),
 * beside the sync thread's; every failure is a {@link SyncFailure} ({@code SIGNED_OUT} when the profile is not
 * signed in, {@code UNREACHABLE} offline).
 */
public final class ServerCatalog {

    private final Supplier<SyncApi> api;

    /** @param api the signed-in client, or a {@code SIGNED_OUT} failure */
    ServerCatalog(Supplier<SyncApi> api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public CatalogPage search(CatalogSearch search) {
        return api.get().catalog(Objects.requireNonNull(search, "search"));
    }

    public List<CategoryView> categories() {
        return api.get().categories();
    }

    public CourseDetail course(CourseId course) {
        return api.get().course(course.value());
    }

    /** Enrolls the learner: the course's content reaches this computer with the next sync. */
    public EnrollmentRow enroll(CourseId course) {
        return api.get().enroll(course.value());
    }
}
