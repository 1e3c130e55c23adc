package edu.sevenp.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.ChangeStatus;
import edu.sevenp.model.protocol.CourseDetail;
import edu.sevenp.model.protocol.PlanView;
import edu.sevenp.model.protocol.PullResponse;
import edu.sevenp.model.protocol.PurchaseView;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.Streams;
import edu.sevenp.model.protocol.SubscriptionView;
import edu.sevenp.model.protocol.rows.EnrollmentRow;
import edu.sevenp.model.protocol.rows.NoteRow;
import edu.sevenp.model.protocol.rows.SyncRow;
import edu.sevenp.model.sync.NoteChange;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Admin;
import edu.sevenp.server.testing.ApiClient.Response;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.Device;
import edu.sevenp.server.testing.RunningServer;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Enrollment and entitlement end to end (docs/sync-protocol.md, sections 5, 6 and 13): what a learner may enroll in,
 * and what their next pull carries when a purchase, a refund or a subscription changes it.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntitlementIT {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    private RunningServer server;
    private Accounts accounts;
    private Catalog catalog;
    private UUID teacher;
    private Admin admin;

    @BeforeAll
    void start(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        catalog = new Catalog(database.superuser());
        teacher = accounts.instructor("Teacher").user();
        admin = new Admin(accounts.admin("Administrator"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aLearnerEnrollsInAFreeCourseOnceAndPullsItsContent() {
        Catalog.Course course = catalog.freeCourse(teacher, "free-enroll", 3);
        Device laptop = new Device(accounts.learner("Ana"));

        Response first = enroll(laptop, course);
        Response again = enroll(laptop, course);
        laptop.pullAll();

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        EnrollmentRow row = first.as(EnrollmentRow.class);
        assertThat(row.status()).isEqualTo("active");
        assertThat(row.userId()).isEqualTo(laptop.user());
        assertThat(row.statusChangedAt()).isNotNull();
        assertThat(first.json().get("entity").asText()).isEqualTo("enrollments");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.as(EnrollmentRow.class).id()).isEqualTo(row.id());
        assertThat(laptop.rows("course_lessons").keySet()).containsExactlyInAnyOrderElementsOf(course.lessons());
        assertThat(laptop.rows("enrollments")).containsKey(row.id());
    }

    @Test
    void droppingOutRevokesTheStreamAndEnrollingAgainReactivates() {
        Catalog.Course course = catalog.freeCourse(teacher, "drop-and-return", 2);
        Device laptop = new Device(accounts.learner("Bea"));
        EnrollmentRow enrolled = enroll(laptop, course).as(EnrollmentRow.class);
        laptop.pullAll();

        Response dropped = laptop.api().delete("/api/v1/courses/" + course.id() + "/enrollment");
        Response droppedAgain = laptop.api().delete("/api/v1/courses/" + course.id() + "/enrollment");
        List<PullResponse> afterDrop = laptop.pullAll();
        Response back = enroll(laptop, course);

        assertThat(dropped.status()).as(dropped.toString()).isEqualTo(200);
        assertThat(dropped.as(EnrollmentRow.class).status()).isEqualTo("dropped");
        assertThat(dropped.as(EnrollmentRow.class).statusChangedAt()).isAfterOrEqualTo(enrolled.statusChangedAt());
        assertThat(droppedAgain.status()).isEqualTo(200);
        assertThat(afterDrop.get(0).revoked()).containsExactly(Streams.course(course.id()));
        assertThat(laptop.rows("course_lessons")).isEmpty();
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.as(EnrollmentRow.class).id()).isEqualTo(enrolled.id());
        assertThat(back.as(EnrollmentRow.class).status()).isEqualTo("active");
        Response never = laptop.api().delete("/api/v1/courses/" + catalog.freeCourse(teacher, "never-enrolled", 1).id()
                + "/enrollment");
        assertThat(never.status()).isEqualTo(404);
        assertThat(never.error()).isEqualTo("not_found");
    }

    @Test
    void aPaidCourseWithoutPurchaseOrSubscriptionNeedsPayment() {
        Catalog.Course course = catalog.paidCourse(teacher, "paid-refused", 2, new BigDecimal("30.00"));
        Device laptop = new Device(accounts.learner("Cai"));

        Response refused = enroll(laptop, course);

        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.error()).isEqualTo("payment_required");
        assertThat(server.client().post("/api/v1/courses/" + course.id() + "/enrollment", "").status()).isEqualTo(401);
    }

    /** The course's outline is public; its content is not, neither in the detail nor in a pull nor by a push. */
    @Test
    void aLearnerReadsNoContentOfAPaidCourseTheyAreNotEntitledTo() {
        Catalog.Course course = catalog.paidCourse(teacher, "paid-closed", 2, new BigDecimal("30.00"));
        Device laptop = new Device(accounts.learner("Dan"));

        Response detail = laptop.api().get("/api/v1/courses/" + course.id());
        laptop.pullAll();
        PushResponse note = laptop.push(note(laptop, course, UUID.randomUUID(), "Sneaky note"));

        assertThat(detail.status()).isEqualTo(200);
        CourseDetail parsed = detail.as(CourseDetail.class);
        assertThat(parsed.outline().get(0).lessons()).extracting(CourseDetail.OutlineLesson::title)
                .containsExactly("Lesson 1", "Lesson 2");
        assertThat(parsed.access()).isEqualTo(new CourseDetail.Access(false, null, false, "payment_required"));
        assertThat(detail.text()).doesNotContain("Body of lesson");
        assertThat(laptop.cursors()).doesNotContainKey(Streams.course(course.id()));
        assertThat(laptop.rows("course_lessons")).isEmpty();
        assertThat(laptop.rows("quiz_questions")).isEmpty();
        assertThat(note.results().get(0).status()).isEqualTo(ChangeStatus.REJECTED);
        assertThat(note.results().get(0).reason().code()).isEqualTo("not_entitled");
    }

    @Test
    void aPurchaseOpensThePaidCourseAndARefundClosesItButKeepsTheLearnersNotes() {
        Catalog.Course course = catalog.paidCourse(teacher, "bought", 2, new BigDecimal("30.00"));
        Device laptop = new Device(accounts.learner("Eva"));

        PurchaseView purchase = admin.purchase(laptop.user(), course.id(), "30.00");
        Response enrolled = enroll(laptop, course);
        laptop.pullAll();
        UUID noteId = UUID.randomUUID();
        PushResponse pushed = laptop.push(note(laptop, course, noteId, "Worth every cent"));

        assertThat(purchase.status()).isEqualTo("completed");
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        assertThat(laptop.rows("course_lessons").keySet()).containsExactlyInAnyOrderElementsOf(course.lessons());
        assertThat(pushed.results().get(0).status()).isEqualTo(ChangeStatus.APPLIED);

        PurchaseView refunded = admin.refund(purchase.id());
        List<PullResponse> afterRefund = laptop.pullAll();

        assertThat(refunded.status()).isEqualTo("refunded");
        assertThat(afterRefund.get(0).revoked()).containsExactly(Streams.course(course.id()));
        assertThat(laptop.rows("course_lessons")).isEmpty();
        assertThat(laptop.<NoteRow>row("user_notes", noteId).content()).isEqualTo("Worth every cent");
        Device phone = new Device(accounts.signIn(laptop.account().email(), UUID.randomUUID()));
        phone.pullAll();
        assertThat(phone.rows("user_notes")).containsKey(noteId);
        assertThat(phone.rows("course_lessons")).isEmpty();
        Response again = enroll(laptop, course);
        assertThat(again.status()).isEqualTo(402);
    }

    @Test
    void aSubscriptionOpensPaidCoursesUpToItsLimitAndTheirContentEndsWithIt() {
        Catalog.Course first = catalog.paidCourse(teacher, "subscribed-one", 2, new BigDecimal("30.00"));
        Catalog.Course second = catalog.paidCourse(teacher, "subscribed-two", 1, new BigDecimal("30.00"));
        Device laptop = new Device(accounts.learner("Fay"));
        PlanView plan = admin.plan("One course a month", 1);
        SubscriptionView subscription = admin.subscribe(laptop.user(), plan.id());

        Response enrolled = enroll(laptop, first);
        Response overLimit = enroll(laptop, second);
        laptop.pullAll();

        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        assertThat(overLimit.status()).isEqualTo(402);
        assertThat(laptop.rows("course_lessons").keySet()).containsExactlyInAnyOrderElementsOf(first.lessons());
        assertThat(laptop.cursors()).doesNotContainKey(Streams.course(second.id()));

        admin.subscriptionStatus(subscription.id(), "canceled");
        List<PullResponse> afterCancel = laptop.pullAll();

        assertThat(afterCancel.get(0).revoked()).containsExactly(Streams.course(first.id()));
        assertThat(laptop.rows("course_lessons")).isEmpty();
        List<SyncRow> enrollments = List.copyOf(laptop.rows("enrollments").values());
        assertThat(enrollments).extracting(row -> ((EnrollmentRow) row).status()).containsExactly("active");
        Response detail = laptop.api().get("/api/v1/courses/" + first.id());
        assertThat(detail.as(CourseDetail.class).access())
                .isEqualTo(new CourseDetail.Access(false, "active", false, "payment_required"));
    }

    private static Response enroll(Device device, Catalog.Course course) {
        return device.api().post("/api/v1/courses/" + course.id() + "/enrollment", "");
    }

    private static NoteChange note(Device device, Catalog.Course course, UUID id, String text) {
        return new NoteChange(new NoteId(id), new UserId(device.user()), new LessonId(course.lesson(0)),
                new CourseId(course.id()), text, null, true, NOW, NOW, null);
    }
}
