package edu.sevenp.server.db;

import static edu.sevenp.server.db.schema.Tables.COURSES;
import static edu.sevenp.server.db.schema.Tables.COURSE_CATEGORIES;
import static edu.sevenp.server.db.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.server.db.schema.Tables.COURSE_OUTLINE_PUBLIC;
import static edu.sevenp.server.db.schema.Tables.COURSE_SECTIONS;
import static edu.sevenp.server.db.schema.Tables.ENROLLMENTS;
import static edu.sevenp.server.db.schema.Tables.PUBLIC_PROFILES;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.CatalogItem;
import edu.sevenp.model.protocol.CatalogPage;
import edu.sevenp.model.protocol.Recommendation;
import edu.sevenp.model.protocol.CategoryView;
import edu.sevenp.model.protocol.CourseDetail;
import edu.sevenp.model.protocol.rows.EnrollmentRow;
import edu.sevenp.server.catalog.CatalogQuery;
import edu.sevenp.server.catalog.CatalogStore;
import edu.sevenp.server.catalog.CourseFacts;
import edu.sevenp.server.catalog.EnrollmentSession;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.ProblemKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The catalog as the caller sees it. Which courses match, and their sizes, come from R__catalog_search's
 * SECURITY DEFINER functions (the GIN index, and files row-level security hides from those not entitled);
 * everything else is read and written as the caller, through row-level security.
 */
final class JooqCatalogStore implements CatalogStore {

    private static final List<Field<?>> ITEM = List.of(COURSES.ID, COURSES.SLUG, COURSES.TITLE, COURSES.SHORT_DESCRIPTION,
            COURSES.DIFFICULTY, COURSES.LANGUAGE, COURSES.IS_FREE, COURSES.PRICE, COURSES.CURRENCY, COURSE_CATEGORIES.ID,
            COURSE_CATEGORIES.SLUG, COURSE_CATEGORIES.NAME, COURSES.INSTRUCTOR_ID, PUBLIC_PROFILES.NAME,
            COURSES.DURATION_HOURS, COURSES.ENROLLMENT_COUNT, COURSES.AVERAGE_RATING, COURSES.REVIEW_COUNT,
            COURSES.PUBLISHED_AT);
    private static final Field<Boolean> TAUGHT = DSL.field("{0} = any(auth.taught_course_ids())", SQLDataType.BOOLEAN,
            COURSES.ID);
    private static final Field<Boolean> ENTITLED = DSL.field("{0} = any(auth.accessible_course_ids())", SQLDataType.BOOLEAN,
            COURSES.ID);
    private static final Field<Boolean> ENROLLABLE = DSL.field("auth.can_enroll({0})", SQLDataType.BOOLEAN, COURSES.ID);

    private record Size(int lessons, int quizzes, long downloadBytes) {
        static final Size NONE = new Size(0, 0, 0);
    }

    private final RequestTransactions transactions;
    /** The reads, which may go to the read replica; enrollments (writes) stay on the primary. */
    private final ReadTransactions reads;

    JooqCatalogStore(RequestTransactions transactions, ReadTransactions reads) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.reads = Objects.requireNonNull(reads, "reads");
    }

    @Override
    public CatalogPage search(Optional<UserId> caller, CatalogQuery query) {
        return run(caller, tx -> {
            Result<Record> found = tx.fetch("select course_id, total from catalog_courses({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7})"
                    + " order by ordinal nulls last",
                    DSL.val(query.query(), SQLDataType.CLOB), DSL.val(query.category(), SQLDataType.CLOB),
                    DSL.val(query.difficulty(), SQLDataType.CLOB), DSL.val(query.language(), SQLDataType.CLOB),
                    DSL.val(query.free(), SQLDataType.BOOLEAN), DSL.val(query.sort().code(), SQLDataType.CLOB),
                    DSL.val(query.offset(), SQLDataType.INTEGER), DSL.val(query.pageSize(), SQLDataType.INTEGER));
            long total = found.isEmpty() ? 0 : found.get(0).get("total", Long.class);
            List<UUID> ids = found.stream().map(row -> row.get("course_id", UUID.class)).filter(Objects::nonNull).toList();
            Map<UUID, CatalogItem> items = items(tx, ids);
            return new CatalogPage(ids.stream().map(items::get).filter(Objects::nonNull).toList(), query.page(),
                    query.pageSize(), total);
        });
    }

    @Override
    public List<CategoryView> categories(Optional<UserId> caller) {
        Field<Integer> published = DSL.count(COURSES.ID).as("published");
        return run(caller, tx -> tx.select(COURSE_CATEGORIES.ID, COURSE_CATEGORIES.SLUG, COURSE_CATEGORIES.NAME,
                        COURSE_CATEGORIES.PARENT_ID, published)
                .from(COURSE_CATEGORIES)
                .leftJoin(COURSES).on(COURSES.CATEGORY_ID.eq(COURSE_CATEGORIES.ID), COURSES.STATUS.eq("published"))
                .where(COURSE_CATEGORIES.IS_ACTIVE.isTrue())
                .groupBy(COURSE_CATEGORIES.ID)
                .orderBy(COURSE_CATEGORIES.SORT_ORDER, COURSE_CATEGORIES.NAME)
                .fetch(row -> new CategoryView(row.get(COURSE_CATEGORIES.ID), row.get(COURSE_CATEGORIES.SLUG),
                        row.get(COURSE_CATEGORIES.NAME), row.get(COURSE_CATEGORIES.PARENT_ID), row.get(published))));
    }

    @Override
    public List<Recommendation> recommendations(UserId user, int limit) {
        return reads.as(user, tx -> {
            Result<Record> found = tx.fetch("select course_id, relevance_score from get_course_recommendations({0}, {1})",
                    DSL.val(user.value(), SQLDataType.UUID), DSL.val(limit, SQLDataType.INTEGER));
            Map<UUID, CatalogItem> items = items(tx, found.stream().map(row -> row.get("course_id", UUID.class)).toList());
            return found.stream()
                    .filter(row -> items.containsKey(row.get("course_id", UUID.class)))
                    .map(row -> new Recommendation(items.get(row.get("course_id", UUID.class)),
                            row.get("relevance_score", BigDecimal.class)))
                    .toList();
        });
    }

    @Override
    public Optional<CourseFacts> course(Optional<UserId> caller, UUID course) {
        return run(caller, tx -> {
            List<Field<?>> fields = new ArrayList<>(ITEM);
            fields.addAll(List.of(COURSES.DESCRIPTION, COURSES.LEARNING_OBJECTIVES, COURSES.REQUIREMENTS,
                    COURSES.TARGET_AUDIENCE, COURSES.STATUS, TAUGHT, ENTITLED, ENROLLABLE));
            Optional<Record> found = itemQuery(tx, fields).where(COURSES.ID.eq(course)).fetchOptional();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Record row = found.get();
            Size size = sizes(tx, List.of(course)).getOrDefault(course, Size.NONE);
            CourseDetail.Description description = new CourseDetail.Description(item(row, size),
                    row.get(COURSES.DESCRIPTION), texts(row.get(COURSES.LEARNING_OBJECTIVES)),
                    texts(row.get(COURSES.REQUIREMENTS)), texts(row.get(COURSES.TARGET_AUDIENCE)));
            String status = row.get(COURSES.STATUS);
            String enrollment = caller.isEmpty() ? null : tx.select(ENROLLMENTS.STATUS).from(ENROLLMENTS)
                    .where(ENROLLMENTS.USER_ID.eq(caller.get().value()), ENROLLMENTS.COURSE_ID.eq(course))
                    .fetchOptional(ENROLLMENTS.STATUS).orElse(null);
            return Optional.of(new CourseFacts(description, status, row.get(TAUGHT), outline(tx, course, status),
                    size.lessons(), size.quizzes(), size.downloadBytes(), row.get(ENTITLED), enrollment, row.get(ENROLLABLE)));
        });
    }

    @Override
    public <T> T enrollment(UserId user, UUID course, Function<EnrollmentSession, T> work) {
        return transactions.as(user, tx -> work.apply(new Enrollments(tx, user, course)));
    }

    private <T> T run(Optional<UserId> caller, RequestTransactions.Work<T> work) {
        return caller.isPresent() ? reads.as(caller.get(), work) : reads.anonymous(work);
    }

    private static org.jooq.SelectOnConditionStep<Record> itemQuery(DSLContext tx, List<Field<?>> fields) {
        return tx.select(fields).from(COURSES)
                .leftJoin(COURSE_CATEGORIES).on(COURSE_CATEGORIES.ID.eq(COURSES.CATEGORY_ID))
                .leftJoin(PUBLIC_PROFILES).on(PUBLIC_PROFILES.ID.eq(COURSES.INSTRUCTOR_ID));
    }

    /** The catalog items of {@code ids} the caller may see, by id. */
    private static Map<UUID, CatalogItem> items(DSLContext tx, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Size> sizes = sizes(tx, ids);
        return itemQuery(tx, ITEM).where(COURSES.ID.in(ids)).fetch().stream()
                .map(row -> item(row, sizes.getOrDefault(row.get(COURSES.ID), Size.NONE)))
                .collect(Collectors.toMap(CatalogItem::id, item -> item));
    }

    private static Map<UUID, Size> sizes(DSLContext tx, Collection<UUID> ids) {
        return tx.fetch("select course_id, lesson_count, quiz_count, download_bytes from catalog_course_sizes({0})",
                        DSL.val(ids.toArray(UUID[]::new), SQLDataType.UUID.array()))
                .stream().collect(Collectors.toMap(row -> row.get("course_id", UUID.class),
                        row -> new Size(row.get("lesson_count", Integer.class), row.get("quiz_count", Integer.class),
                                row.get("download_bytes", Long.class))));
    }

    private static CatalogItem item(Record row, Size size) {
        UUID category = row.get(COURSE_CATEGORIES.ID);
        return new CatalogItem(row.get(COURSES.ID), row.get(COURSES.SLUG), row.get(COURSES.TITLE),
                row.get(COURSES.SHORT_DESCRIPTION), row.get(COURSES.DIFFICULTY), row.get(COURSES.LANGUAGE),
                row.get(COURSES.IS_FREE), row.get(COURSES.PRICE), row.get(COURSES.CURRENCY),
                category == null ? null : new CatalogItem.CategoryRef(category, row.get(COURSE_CATEGORIES.SLUG),
                        row.get(COURSE_CATEGORIES.NAME)),
                new CatalogItem.InstructorRef(row.get(COURSES.INSTRUCTOR_ID), row.get(PUBLIC_PROFILES.NAME)),
                row.get(COURSES.DURATION_HOURS), row.get(COURSES.ENROLLMENT_COUNT), row.get(COURSES.AVERAGE_RATING),
                row.get(COURSES.REVIEW_COUNT), row.get(COURSES.PUBLISHED_AT), size.lessons(), size.downloadBytes());
    }

    /**
     * The outline: of a published course from course_outline_public (titles and order, never content); of an
     * unpublished one, which only its instructor sees, from the tables themselves.
     */
    private static List<CourseDetail.OutlineSection> outline(DSLContext tx, UUID course, String status) {
        Result<? extends Record> rows;
        if ("published".equals(status)) {
            rows = tx.select(COURSE_OUTLINE_PUBLIC.SECTION_ID, COURSE_OUTLINE_PUBLIC.SECTION_TITLE,
                            COURSE_OUTLINE_PUBLIC.SECTION_ORDER, COURSE_OUTLINE_PUBLIC.LESSON_ID,
                            COURSE_OUTLINE_PUBLIC.LESSON_TITLE, COURSE_OUTLINE_PUBLIC.LESSON_ORDER,
                            COURSE_OUTLINE_PUBLIC.CONTENT_TYPE, COURSE_OUTLINE_PUBLIC.VIDEO_DURATION,
                            COURSE_OUTLINE_PUBLIC.READING_TIME, COURSE_OUTLINE_PUBLIC.IS_PREVIEW)
                    .from(COURSE_OUTLINE_PUBLIC)
                    .where(COURSE_OUTLINE_PUBLIC.COURSE_ID.eq(course))
                    .orderBy(COURSE_OUTLINE_PUBLIC.SECTION_ORDER, COURSE_OUTLINE_PUBLIC.LESSON_ORDER.nullsFirst())
                    .fetch();
        } else {
            rows = tx.select(COURSE_SECTIONS.ID, COURSE_SECTIONS.TITLE, COURSE_SECTIONS.ORDER_INDEX, COURSE_LESSONS.ID,
                            COURSE_LESSONS.TITLE, COURSE_LESSONS.ORDER_INDEX, COURSE_LESSONS.CONTENT_TYPE,
                            COURSE_LESSONS.VIDEO_DURATION, COURSE_LESSONS.READING_TIME,
                            DSL.field(COURSE_LESSONS.IS_PREVIEW.isTrue().or(COURSE_SECTIONS.IS_PREVIEW.isTrue())))
                    .from(COURSE_SECTIONS)
                    .leftJoin(COURSE_LESSONS).on(COURSE_LESSONS.SECTION_ID.eq(COURSE_SECTIONS.ID))
                    .where(COURSE_SECTIONS.COURSE_ID.eq(course))
                    .orderBy(COURSE_SECTIONS.ORDER_INDEX, COURSE_LESSONS.ORDER_INDEX.nullsFirst())
                    .fetch();
        }
        Map<UUID, List<CourseDetail.OutlineLesson>> lessons = new LinkedHashMap<>();
        Map<UUID, Record> sections = new LinkedHashMap<>();
        for (Record row : rows) {
            UUID section = row.get(0, UUID.class);
            sections.putIfAbsent(section, row);
            List<CourseDetail.OutlineLesson> ofSection = lessons.computeIfAbsent(section, id -> new ArrayList<>());
            UUID lesson = row.get(3, UUID.class);
            if (lesson != null) {
                ofSection.add(new CourseDetail.OutlineLesson(lesson, row.get(4, String.class), row.get(5, Integer.class),
                        row.get(6, String.class), row.get(7, Integer.class), row.get(8, Integer.class),
                        Boolean.TRUE.equals(row.get(9, Boolean.class))));
            }
        }
        return sections.entrySet().stream().map(section -> new CourseDetail.OutlineSection(section.getKey(),
                section.getValue().get(1, String.class), section.getValue().get(2, Integer.class), lessons.get(section.getKey())))
                .toList();
    }

    /** A JSON array of strings (learning objectives, requirements, audiences); anything else in it as its JSON text. */
    private static List<String> texts(JSONB value) {
        JsonNode array = WireRows.json(value);
        List<String> texts = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(element -> texts.add(element.isTextual() ? element.asText() : element.toString()));
        }
        return texts;
    }

    /** One learner's enrollment in one course, in one transaction as the learner. */
    private static final class Enrollments implements EnrollmentSession {

        private final DSLContext tx;
        private final UserId user;
        private final UUID course;

        Enrollments(DSLContext tx, UserId user, UUID course) {
            this.tx = tx;
            this.user = user;
            this.course = course;
        }

        @Override
        public Optional<String> courseStatus() {
            return tx.select(COURSES.STATUS).from(COURSES).where(COURSES.ID.eq(course)).fetchOptional(COURSES.STATUS);
        }

        @Override
        public Optional<EnrollmentRow> lock() {
            return tx.select(WireRows.ENROLLMENT).from(ENROLLMENTS)
                    .where(ENROLLMENTS.USER_ID.eq(user.value()), ENROLLMENTS.COURSE_ID.eq(course))
                    .forUpdate().fetchOptional(WireRows::enrollment);
        }

        @Override
        public boolean entitled() {
            return tx.fetchSingle("select {0} = any(auth.accessible_course_ids())", DSL.val(course, SQLDataType.UUID))
                    .get(0, Boolean.class);
        }

        @Override
        public Optional<EnrollmentRow> insert() {
            return refusable(() -> WireRows.enrollment(tx.insertInto(ENROLLMENTS)
                    .set(ENROLLMENTS.ID, UUID.randomUUID())
                    .set(ENROLLMENTS.USER_ID, user.value())
                    .set(ENROLLMENTS.COURSE_ID, course)
                    .set(ENROLLMENTS.STATUS_CHANGED_AT, DSL.currentOffsetDateTime())
                    .returningResult(WireRows.ENROLLMENT).fetchSingle()));
        }

        @Override
        public Optional<EnrollmentRow> setStatus(UUID enrollment, String status) {
            return refusable(() -> WireRows.enrollment(tx.update(ENROLLMENTS)
                    .set(ENROLLMENTS.STATUS, status)
                    .set(ENROLLMENTS.STATUS_CHANGED_AT, DSL.currentOffsetDateTime())
                    .where(ENROLLMENTS.ID.eq(enrollment))
                    .returningResult(WireRows.ENROLLMENT).fetchSingle()));
        }

        @Override
        public void notifyDevices() {
            Notifications.user(tx, user.value());
        }

        /**
         * A write in a savepoint of its own: empty when row-level security refuses the row (the enrollment policy's
         * WITH CHECK), and the transaction goes on; any other refusal is the request's problem.
         */
        private Optional<EnrollmentRow> refusable(Supplier<EnrollmentRow> write) {
            try {
                return Optional.of(tx.transactionResult(savepoint -> write.get()));
            } catch (DataAccessException e) {
                ApiProblem problem = DatabaseErrors.problem(e);
                if (problem.kind() == ProblemKind.FORBIDDEN) {
                    return Optional.empty();
                }
                throw problem;
            }
        }
    }
}
