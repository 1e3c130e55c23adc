package edu.sevenp.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.model.protocol.CatalogItem;
import edu.sevenp.model.protocol.CourseDetail;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a course's detail says the caller may do ({@code access}), from the database's facts. */
class CatalogAccessTest {

    @Test
    void anAnonymousCallerMustSignInFirst() {
        assertThat(CatalogService.access(false, facts("published", true, "active", true)))
                .isEqualTo(new CourseDetail.Access(false, null, false, "sign_in_required"));
    }

    @Test
    void aLearnerWhoMayEnrollCan() {
        assertThat(CatalogService.access(true, facts("published", false, null, true)))
                .isEqualTo(new CourseDetail.Access(false, null, true, null));
    }

    @Test
    void anEnrolledLearnerWithAccessCanEvenWhenThePlanIsFull() {
        assertThat(CatalogService.access(true, facts("published", true, "active", false)))
                .isEqualTo(new CourseDetail.Access(true, "active", true, null));
    }

    @Test
    void anEnrollmentWhoseAccessLapsedNeedsPayment() {
        assertThat(CatalogService.access(true, facts("published", false, "active", false)))
                .isEqualTo(new CourseDetail.Access(false, "active", false, "payment_required"));
    }

    @Test
    void aDroppedEnrollmentCountsForNothing() {
        assertThat(CatalogService.access(true, facts("published", true, "dropped", false)).canEnroll()).isFalse();
    }

    @Test
    void nobodyEnrollsInAnUnpublishedCourse() {
        assertThat(CatalogService.access(true, facts("draft", true, null, false)))
                .isEqualTo(new CourseDetail.Access(true, null, false, "not_published"));
    }

    private static CourseFacts facts(String status, boolean entitled, String enrollment, boolean enrollable) {
        UUID id = UUID.randomUUID();
        CatalogItem item = new CatalogItem(id, "c", "C", null, "beginner", "en", false, BigDecimal.TEN, "USD", null,
                new CatalogItem.InstructorRef(UUID.randomUUID(), "T"), null, 0, BigDecimal.ZERO, 0, null, 0, 0);
        return new CourseFacts(new CourseDetail.Description(item, null, List.of(), List.of(), List.of()), status, false,
                List.of(), 0, 0, 0, entitled, enrollment, enrollable);
    }
}
