package edu.sevenp.model.learning;

import com.fasterxml.jackson.annotation.JsonProperty;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.Difficulty;
import edu.sevenp.model.UserId;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A learner's dashboard: the content of the server's {@code get_user_dashboard(user)} (see
 * R__user_dashboard_and_recommendations.sql), with the same JSON field names, so one reads the other.
 *
 * <p>The user is the part of the profile a device holds (id, name, avatar, bio, created_at); the server's
 * private profile fields (e-mail, names, time zone, status, ...) never reach the device (MirrorExceptions).
 *
 * @param activeEnrollments the five most recently accessed active enrollments in published courses, most recent
 *        first; never-opened ones after opened ones, then newest enrollment first, then by course id
 * @param completedCourses the learner's course completions
 * @param totalStudyTime seconds, summed over all of the learner's lesson progress
 * @param achievements newest first (ties by id)
 */
public record Dashboard(
        User user,
        @JsonProperty("active_enrollments") List<ActiveEnrollment> activeEnrollments,
        @JsonProperty("completed_courses") long completedCourses,
        @JsonProperty("total_study_time") long totalStudyTime,
        List<Achievement> achievements) {

    public Dashboard {
        activeEnrollments = List.copyOf(activeEnrollments);
        achievements = List.copyOf(achievements);
    }

    /** The learner's public profile; null on the dashboard of a user the device does not know. */
    public record User(
            UserId id,
            String name,
            @JsonProperty("avatar_url") String avatarUrl,
            String bio,
            @JsonProperty("created_at") OffsetDateTime createdAt) {

        public User {
            Objects.requireNonNull(id, "id");
        }
    }

    /** A course the learner is taking, as the dashboard lists it. */
    public record ActiveEnrollment(
            CourseSummary course,
            BigDecimal progress,
            @JsonProperty("last_accessed") OffsetDateTime lastAccessed) {

        public ActiveEnrollment {
            Objects.requireNonNull(course, "course");
            progress = LessonProgress.Percent.of(progress, "progress");
        }
    }

    public record CourseSummary(
            CourseId id,
            String title,
            String slug,
            @JsonProperty("thumbnail_url") String thumbnailUrl,
            Difficulty difficulty) {

        public CourseSummary {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * An achievement the server awarded (user_achievements); {@code courseId} may name a course that no
     * longer exists.
     */
    public record Achievement(
            UUID id,
            @JsonProperty("achievement_code") String achievementCode,
            String title,
            String description,
            @JsonProperty("icon_url") String iconUrl,
            @JsonProperty("course_id") CourseId courseId,
            Map<String, Object> metadata,
            @JsonProperty("earned_at") OffsetDateTime earnedAt) {

        public Achievement {
            Objects.requireNonNull(id, "id");
            // JSON values may be null, which Map.copyOf refuses.
            metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }
}
