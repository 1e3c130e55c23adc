package edu.sevenp.server.catalog;

import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.CatalogPage;
import edu.sevenp.model.protocol.CategoryView;
import edu.sevenp.model.protocol.Recommendation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the catalog needs of the database (implemented in server.db): each call is one transaction as the caller
 * ({@code Optional.empty()}: anonymous), so row-level security decides what is seen and written.
 */
public interface CatalogStore {

    /** One page of published courses matching {@code query}, with the total number of matches. */
    CatalogPage search(Optional<UserId> caller, CatalogQuery query);

    /** Active categories, with their published courses, in display order. */
    List<CategoryView> categories(Optional<UserId> caller);

    /** Up to {@code limit} courses recommended to {@code user}, most relevant first (get_course_recommendations). */
    List<Recommendation> recommendations(UserId user, int limit);

    /** The course with its outline and size and the caller's standing; empty when the caller may not see it. */
    Optional<CourseFacts> course(Optional<UserId> caller, UUID course);

    /** Runs {@code work} in one transaction as {@code user}, about their enrollment in {@code course}. */
    <T> T enrollment(UserId user, UUID course, Function<EnrollmentSession, T> work);
}
