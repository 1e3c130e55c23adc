package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_COMPLETIONS;

import edu.sevenp.desktop.store.schema.tables.records.CourseCompletionsRecord;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.CourseCompletion;
import edu.sevenp.model.sync.CompletionReview;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The courses a learner completed (course_completions). The roll-up makes a completion; the learner
 * rates and reviews it, and that review is queued with it.
 */
public final class CompletionRepository {

    private final DSLContext dsl;
    private final WriteTransactions writes;
    private final Outbox outbox;

    CompletionRepository(DSLContext dsl, WriteTransactions writes, Outbox outbox) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    public Optional<CourseCompletion> find(UserId user, CourseId course) {
        return find(dsl, user, course).map(Rows::completion);
    }

    /**
     * Sets the learner's rating (1-5 or null), review and recommendation. Writing what is already there
     * changes nothing.
     *
     * @return the completion afterwards; empty when the learner has not completed the course
     */
    public Optional<CourseCompletion> review(UserId user, CourseId course, Integer rating, String review,
            Boolean wouldRecommend, OffsetDateTime at) {
        return writes.run("review", tx -> {
            Optional<CourseCompletionsRecord> found = find(tx, user, course);
            found.filter(row -> !Objects.equals(rating, row.getRating()) || !Objects.equals(review, row.getReview())
                    || !Objects.equals(wouldRecommend, row.getWouldRecommend())).ifPresent(row -> {
                row.setRating(rating);
                row.setReview(review);
                row.setWouldRecommend(wouldRecommend);
                row.setUpdatedAt(at);
                row.store();
                outbox.append(tx, new CompletionReview(row.getId(), user, course, rating, review, wouldRecommend, at));
            });
            return found.map(Rows::completion);
        });
    }

    private static Optional<CourseCompletionsRecord> find(DSLContext context, UserId user, CourseId course) {
        return context.selectFrom(COURSE_COMPLETIONS)
                .where(COURSE_COMPLETIONS.USER_ID.eq(user.value()), COURSE_COMPLETIONS.COURSE_ID.eq(course.value()))
                .fetchOptional();
    }
}
