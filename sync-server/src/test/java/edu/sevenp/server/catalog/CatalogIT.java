package edu.sevenp.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.protocol.CatalogItem;
import edu.sevenp.model.protocol.CatalogPage;
import edu.sevenp.model.protocol.CategoryView;
import edu.sevenp.model.protocol.CourseDetail;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.ApiClient;
import edu.sevenp.server.testing.ApiClient.Response;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.RunningServer;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The catalog over real HTTP (docs/sync-protocol.md, section 5): search, filters, pages, orders, categories and a
 * course's detail, anonymous and signed in. Each test makes its own category or words, so tests do not see each
 * other's courses.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogIT {

    private RunningServer server;
    private Accounts accounts;
    private Catalog catalog;
    private Accounts.SignedIn teacher;
    private ApiClient anonymous;

    @BeforeAll
    void start(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        catalog = new Catalog(database.superuser());
        teacher = accounts.instructor("Grace Teacher");
        anonymous = server.client();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void searchFindsACourseWithoutADescriptionByItsTitle() {
        UUID course = course("zymurgy-basics", "Zymurgy Basics");
        catalog.execute("UPDATE courses SET short_description = NULL, description = NULL WHERE id = ?", course);

        CatalogPage page = search("q=zymurgy");

        assertThat(ids(page)).containsExactly(course);
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void searchSpeaksWebSearchSyntax() {
        UUID painting = course("quokka-painting", "Quokka Painting");
        UUID photography = course("quokka-photography", "Quokka Photography");

        assertThat(ids(search("q=" + encode("quokka -painting")))).containsExactly(photography);
        assertThat(ids(search("q=" + encode("\"quokka photography\"")))).containsExactly(photography);
        assertThat(ids(search("q=" + encode("quokka painting")))).containsExactly(painting);
        assertThat(ids(search("q=" + encode("quokka painting or quokka photography")))).containsExactlyInAnyOrder(painting,
                photography);
    }

    @Test
    void aTitleMatchRanksAboveADescriptionMatchAndDraftsNeverAppear() {
        UUID described = course("about-wombats", "Marsupial Care");
        catalog.execute("UPDATE courses SET description = 'Everything about wombats and their burrows.' WHERE id = ?", described);
        UUID titled = course("wombat-burrows", "Wombat Burrows");
        UUID draft = course("wombat-draft", "Wombat Draft");
        catalog.execute("UPDATE courses SET status = 'draft' WHERE id = ?", draft);

        CatalogPage page = search("q=wombats");

        assertThat(ids(page)).containsExactly(titled, described);
    }

    @Test
    void pagesCarryTheTotalAndTheirSliceOfTheOrder() {
        UUID category = catalog.category("paging", "Paging", null);
        List<UUID> courses = Stream.of("p1", "p2", "p3", "p4", "p5").map(slug -> course("paging-" + slug, "Paging " + slug))
                .toList();
        for (int i = 0; i < courses.size(); i++) {
            catalog.execute("UPDATE courses SET category_id = ?, published_at = now() - make_interval(days => ?) WHERE id = ?",
                    category, i, courses.get(i));
        }

        CatalogPage first = search("category=paging&pageSize=2");
        CatalogPage second = search("category=paging&pageSize=2&page=2");
        CatalogPage third = search("category=paging&pageSize=2&page=3");
        CatalogPage beyond = search("category=paging&pageSize=2&page=9");

        assertThat(List.of(first.total(), second.total(), third.total(), beyond.total())).containsOnly(5L);
        assertThat(List.of(first.page(), first.pageSize(), third.page(), third.pageSize())).containsExactly(1, 2, 3, 2);
        assertThat(ids(first)).containsExactly(courses.get(0), courses.get(1));
        assertThat(ids(second)).containsExactly(courses.get(2), courses.get(3));
        assertThat(ids(third)).containsExactly(courses.get(4));
        assertThat(beyond.items()).isEmpty();
    }

    @Test
    void aCategoryIncludesItsSubCategoriesAndAnUnknownOneMatchesNothing() {
        UUID parent = catalog.category("science", "Science", null);
        UUID child = catalog.category("astronomy", "Astronomy", parent);
        UUID general = course("science-general", "General Science");
        UUID stars = course("astronomy-stars", "Stars");
        catalog.execute("UPDATE courses SET category_id = ? WHERE id = ?", parent, general);
        catalog.execute("UPDATE courses SET category_id = ? WHERE id = ?", child, stars);

        assertThat(ids(search("category=science"))).containsExactlyInAnyOrder(general, stars);
        assertThat(ids(search("category=astronomy"))).containsExactly(stars);
        CatalogPage unknown = search("category=no-such-category");
        assertThat(unknown.items()).isEmpty();
        assertThat(unknown.total()).isZero();
    }

    @Test
    void filtersByDifficultyLanguageAndPrice() {
        UUID category = catalog.category("filters", "Filters", null);
        UUID beginner = course("filters-beginner", "Filters Beginner");
        UUID advanced = catalog.paidCourse(teacher.user(), "filters-advanced", 1, new BigDecimal("19.00")).id();
        UUID intermediate = catalog.paidCourse(teacher.user(), "filters-intermediate", 1, new BigDecimal("29.00")).id();
        catalog.execute("UPDATE courses SET category_id = ? WHERE id IN (?, ?, ?)", category, beginner, advanced, intermediate);
        catalog.execute("UPDATE courses SET difficulty = 'advanced', language = 'pt-BR' WHERE id = ?", advanced);
        catalog.execute("UPDATE courses SET difficulty = 'intermediate' WHERE id = ?", intermediate);

        assertThat(ids(search("category=filters&difficulty=advanced"))).containsExactly(advanced);
        assertThat(ids(search("category=filters&language=pt-BR"))).containsExactly(advanced);
        assertThat(ids(search("category=filters&language=en"))).containsExactlyInAnyOrder(beginner, intermediate);
        assertThat(ids(search("category=filters&free=true"))).containsExactly(beginner);
        assertThat(ids(search("category=filters&free=false"))).containsExactlyInAnyOrder(advanced, intermediate);
        assertThat(ids(search("category=filters&free=false&difficulty=beginner"))).isEmpty();
    }

    @Test
    void sortsByNewestRatingAndPopularity() {
        UUID category = catalog.category("sorting", "Sorting", null);
        UUID old = course("sorting-old", "Sorting Old");
        UUID rated = course("sorting-rated", "Sorting Rated");
        UUID popular = course("sorting-popular", "Sorting Popular");
        catalog.execute("UPDATE courses SET category_id = ? WHERE id IN (?, ?, ?)", category, old, rated, popular);
        catalog.execute("UPDATE courses SET published_at = now() - interval '30 days', average_rating = 3.0 WHERE id = ?", old);
        catalog.execute("UPDATE courses SET published_at = now() - interval '20 days', average_rating = 4.9 WHERE id = ?", rated);
        catalog.execute("UPDATE courses SET published_at = now() - interval '10 days', enrollment_count = 500 WHERE id = ?",
                popular);

        assertThat(ids(search("category=sorting"))).containsExactly(popular, rated, old);
        assertThat(ids(search("category=sorting&sort=newest"))).containsExactly(popular, rated, old);
        assertThat(ids(search("category=sorting&sort=rating"))).containsExactly(rated, old, popular);
        assertThat(ids(search("category=sorting&sort=popular"))).containsExactly(popular, rated, old);
        assertThat(ids(search("category=sorting&sort=relevance"))).containsExactly(popular, rated, old);
    }

    @Test
    void anItemCarriesItsCategoryInstructorAndSize() {
        UUID category = catalog.category("sizes", "Sizes", null);
        Catalog.Course course = catalog.paidCourse(teacher.user(), "sized-course", 3, new BigDecimal("49.00"));
        catalog.execute("UPDATE courses SET category_id = ? WHERE id = ?", category, course.id());
        UUID video = catalog.media(course.id(), teacher.user(), 1_000_000);
        catalog.resource(course.id(), 1_000_000, video);
        catalog.resource(course.id(), 2_500, null);

        CatalogItem item = search("category=sizes").items().get(0);

        assertThat(item.id()).isEqualTo(course.id());
        assertThat(item.category()).isEqualTo(new CatalogItem.CategoryRef(category, "sizes", "Sizes"));
        assertThat(item.instructor()).isEqualTo(new CatalogItem.InstructorRef(teacher.user(), "Grace Teacher"));
        assertThat(item.isFree()).isFalse();
        assertThat(item.price()).isEqualByComparingTo("49.00");
        assertThat(item.lessonCount()).isEqualTo(3);
        // The video once (the resource that is the video is not counted again), and the outside resource.
        assertThat(item.downloadBytes()).isEqualTo(1_002_500);
    }

    @Test
    void aSignedInCallerSeesTheSameCatalogAndABadTokenIsStillRefused() {
        UUID course = course("signed-in-kiwi", "Kiwi Gardening");
        Accounts.SignedIn learner = accounts.learner("Lea");

        assertThat(ids(searchAs(learner.api(), "q=kiwi"))).containsExactly(course);
        Response bad = anonymous.withToken("not-a-token").get("/api/v1/catalog?q=kiwi");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.error()).isEqualTo("token_invalid");
    }

    @Test
    void categoriesListActiveOnesWithTheirPublishedCourses() {
        UUID parent = catalog.category("languages", "Languages", null);
        UUID child = catalog.category("latin", "Latin", parent);
        UUID hidden = catalog.category("retired", "Retired", null);
        catalog.execute("UPDATE course_categories SET is_active = false WHERE id = ?", hidden);
        UUID published = course("latin-one", "Latin One");
        UUID draft = course("latin-draft", "Latin Draft");
        catalog.execute("UPDATE courses SET category_id = ? WHERE id IN (?, ?)", child, published, draft);
        catalog.execute("UPDATE courses SET status = 'draft' WHERE id = ?", draft);

        Response response = anonymous.get("/api/v1/catalog/categories");

        assertThat(response.status()).isEqualTo(200);
        List<CategoryView> categories = Arrays.asList(response.as(CategoryView[].class));
        assertThat(categories).contains(new CategoryView(parent, "languages", "Languages", null, 0),
                new CategoryView(child, "latin", "Latin", parent, 1));
        assertThat(categories).extracting(CategoryView::id).doesNotContain(hidden);
    }

    @Test
    void aCourseDetailShowsOutlineSizeAndAccessToAnAnonymousCaller() {
        Catalog.Course course = catalog.paidCourse(teacher.user(), "detail-anonymous", 2, new BigDecimal("10.00"));
        catalog.execute("UPDATE courses SET description = 'Long text', learning_objectives = '[\"Read plans\"]' WHERE id = ?",
                course.id());
        catalog.execute("UPDATE course_lessons SET is_preview = true, video_duration = 95 WHERE id = ?", course.lesson(0));

        Response response = anonymous.get("/api/v1/courses/" + course.id());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        CourseDetail detail = response.as(CourseDetail.class);
        assertThat(detail.course().summary().id()).isEqualTo(course.id());
        assertThat(detail.course().description()).isEqualTo("Long text");
        assertThat(detail.course().learningObjectives()).containsExactly("Read plans");
        assertThat(detail.outline()).hasSize(1);
        assertThat(detail.outline().get(0).lessons()).containsExactly(
                new CourseDetail.OutlineLesson(course.lesson(0), "Lesson 1", 1, "text", 95, null, true),
                new CourseDetail.OutlineLesson(course.lesson(1), "Lesson 2", 2, "text", null, null, false));
        assertThat(List.of(detail.lessonCount(), detail.quizCount())).containsExactly(2, 2);
        assertThat(detail.access()).isEqualTo(new CourseDetail.Access(false, null, false, "sign_in_required"));
        // One JSON object for the course: the catalog item's fields beside the longer texts.
        assertThat(response.json().get("course").get("title").asText()).isEqualTo("Course detail-anonymous");
        assertThat(response.json().get("course").has("summary")).isFalse();
        // The outline never carries content.
        assertThat(response.text()).doesNotContain("Body of lesson");
    }

    @Test
    void aCourseDetailTellsASignedInLearnerWhatTheyMayDo() {
        Catalog.Course free = catalog.freeCourse(teacher.user(), "detail-free", 1);
        Catalog.Course paid = catalog.paidCourse(teacher.user(), "detail-paid", 1, new BigDecimal("10.00"));
        Accounts.SignedIn learner = accounts.learner("Max");

        assertThat(access(learner, free.id())).isEqualTo(new CourseDetail.Access(false, null, true, null));
        assertThat(access(learner, paid.id())).isEqualTo(new CourseDetail.Access(false, null, false, "payment_required"));

        assertThat(learner.api().post("/api/v1/courses/" + free.id() + "/enrollment", "").status()).isEqualTo(201);

        assertThat(access(learner, free.id())).isEqualTo(new CourseDetail.Access(true, "active", true, null));
    }

    @Test
    void anUnpublishedCourseIsNotFoundExceptByItsInstructor() {
        Catalog.Course draft = catalog.freeCourse(teacher.user(), "detail-draft", 2);
        catalog.execute("UPDATE courses SET status = 'draft' WHERE id = ?", draft.id());
        Accounts.SignedIn learner = accounts.learner("Noa");

        assertThat(anonymous.get("/api/v1/courses/" + draft.id()).status()).isEqualTo(404);
        Response toLearner = learner.api().get("/api/v1/courses/" + draft.id());
        assertThat(toLearner.status()).isEqualTo(404);
        assertThat(toLearner.error()).isEqualTo("not_found");
        Response toTeacher = teacher.api().get("/api/v1/courses/" + draft.id());
        assertThat(toTeacher.status()).as(toTeacher.toString()).isEqualTo(200);
        CourseDetail detail = toTeacher.as(CourseDetail.class);
        assertThat(detail.outline().get(0).lessons()).hasSize(2);
        assertThat(detail.access().entitled()).isTrue();
        assertThat(detail.access().reason()).isEqualTo("not_published");
        assertThat(anonymous.get("/api/v1/courses/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void recommendationsOfferCoursesOfTheLearnersCategoryButNeverOneTheyTookOrTeach() {
        UUID category = catalog.category("herbology-rec", "Herbology", null);
        UUID taken = course("mandrake-repotting", "Mandrake Repotting");
        UUID sameCategory = course("mandrake-advanced", "Advanced Mandrakes");
        catalog.execute("UPDATE courses SET category_id = ? WHERE id IN (?, ?)", category, taken, sameCategory);
        Accounts.SignedIn learner = accounts.learner("Neville");
        assertThat(learner.api().post("/api/v1/courses/" + taken + "/enrollment", "").status()).isEqualTo(201);

        Response response = learner.api().get("/api/v1/recommendations?limit=20");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<UUID> recommended = new java.util.ArrayList<>();
        response.json().forEach(item -> recommended.add(UUID.fromString(item.get("course").get("id").asText())));
        assertThat(recommended).contains(sameCategory).doesNotContain(taken);
        assertThat(response.json().get(recommended.indexOf(sameCategory)).get("course").get("title").asText())
                .isEqualTo("Advanced Mandrakes");
        assertThat(response.json().get(0).get("relevance").decimalValue()).isBetween(java.math.BigDecimal.ZERO,
                java.math.BigDecimal.ONE);
        Response teacherView = teacher.api().get("/api/v1/recommendations");
        assertThat(teacherView.status()).isEqualTo(200);
        teacherView.json().forEach(item -> assertThat(item.get("course").get("instructor").get("id").asText())
                .isNotEqualTo(teacher.user().toString()));
        assertThat(teacherView.json().size()).isLessThanOrEqualTo(5);
    }

    @Test
    void recommendationsNeedASignInAndAreStrictAboutParameters() {
        assertThat(anonymous.get("/api/v1/recommendations").status()).isEqualTo(401);
        Accounts.SignedIn learner = accounts.learner("Luna");
        for (String query : List.of("limit=0", "limit=21", "limit=x", "limt=3")) {
            Response response = learner.api().get("/api/v1/recommendations?" + query);
            assertThat(response.status()).as(query + ": " + response).isEqualTo(400);
            assertThat(response.error()).isEqualTo("invalid_parameter");
        }
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        assertInvalid("page=0", "page");
        assertInvalid("page=abc", "page");
        assertInvalid("page=10001", "page");
        assertInvalid("pageSize=101", "pageSize");
        assertInvalid("pageSize=-1", "pageSize");
        assertInvalid("sort=best", "sort");
        assertInvalid("difficulty=expert", "difficulty");
        assertInvalid("free=yes", "free");
        assertInvalid("language=english", "language");
        assertInvalid("category=Not_A_Slug", "category");
        assertInvalid("q=" + "a".repeat(201), "q");
        assertInvalid("q=" + encode("tab\tinside"), "q");
        assertInvalid("q=a&q=b", "q");
        assertInvalid("sortt=rating", "sortt");
    }

    @Test
    void sqlInASearchOrAPathIsOnlyText() {
        UUID course = course("sql-safe-ibis", "Ibis Watching");
        for (String hostile : List.of("' OR 1=1 --", "ibis'; DROP TABLE courses; --", "\\", ")(|&!:*<->", "%_", "ibis' --")) {
            Response response = anonymous.get("/api/v1/catalog?q=" + encode(hostile));
            assertThat(response.status()).as(hostile + ": " + response).isEqualTo(200);
        }
        Response path = anonymous.get("/api/v1/courses/" + encode("1' OR '1'='1"));
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.error()).isEqualTo("invalid_parameter");
        assertThat(path.json().get("field").asText()).isEqualTo("id");
        Response enroll = accounts.learner("Oli").api().post("/api/v1/courses/" + encode("x'; DELETE FROM enrollments; --")
                + "/enrollment", "");
        assertThat(enroll.status()).isEqualTo(400);
        assertThat(ids(search("q=ibis"))).containsExactly(course);
    }

    private void assertInvalid(String query, String field) {
        Response response = anonymous.get("/api/v1/catalog?" + query);
        assertThat(response.status()).as(query + ": " + response).isEqualTo(400);
        assertThat(response.error()).isEqualTo("invalid_parameter");
        assertThat(response.json().get("field").asText()).isEqualTo(field);
    }

    private CourseDetail.Access access(Accounts.SignedIn user, UUID course) {
        Response response = user.api().get("/api/v1/courses/" + course);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.as(CourseDetail.class).access();
    }

    private UUID course(String slug, String title) {
        UUID id = catalog.freeCourse(teacher.user(), slug, 1).id();
        catalog.execute("UPDATE courses SET title = ? WHERE id = ?", title, id);
        return id;
    }

    private CatalogPage search(String query) {
        return searchAs(anonymous, query);
    }

    private static CatalogPage searchAs(ApiClient api, String query) {
        Response response = api.get("/api/v1/catalog?" + query);
        assertThat(response.status()).as(query + ": " + response).isEqualTo(200);
        return response.as(CatalogPage.class);
    }

    private static List<UUID> ids(CatalogPage page) {
        return page.items().stream().map(CatalogItem::id).collect(Collectors.toList());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
