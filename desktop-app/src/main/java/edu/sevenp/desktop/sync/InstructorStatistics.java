package edu.sevenp.desktop.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.store.StatisticsCacheRepository;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.protocol.CourseFigures;
import edu.sevenp.model.protocol.CourseStatistics;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The signed-in instructor's course statistics (docs/sync-protocol.md, section 11.1), kept on this computer as they
 * were last fetched: when the server cannot be reached (or the profile is signed out) the last answer is shown
 * with its date instead. Each call is one request on the caller's thread, never the UI's.
 */
public final class InstructorStatistics {

    /** Figures and when they were fetched; {@code cached} when the server could not be asked now. */
    public record Dated<T>(T value, OffsetDateTime fetchedAt, boolean cached, Optional<SyncFailure> failure) {
        public Dated {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(fetchedAt, "fetchedAt");
            Objects.requireNonNull(failure, "failure");
        }
    }

    private static final ObjectMapper JSON = JsonMapperFactory.create();
    private static final String COURSES = "courses";

    private final Supplier<SyncApi> api;
    private final StatisticsCacheRepository cache;

    /** @param api the signed-in client, or a {@code SIGNED_OUT} failure */
    InstructorStatistics(Supplier<SyncApi> api, StatisticsCacheRepository cache) {
        this.api = Objects.requireNonNull(api, "api");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /** The instructor's published courses with their headline figures. */
    public Dated<List<CourseFigures>> courses() {
        return fetch(COURSES, () -> api.get().instructorCourses(),
                JSON.getTypeFactory().constructCollectionType(List.class, CourseFigures.class));
    }

    public Dated<CourseStatistics> course(CourseId course) {
        Objects.requireNonNull(course, "course");
        return fetch("course:" + course.value(), () -> api.get().courseStatistics(course.value()),
                JSON.getTypeFactory().constructType(CourseStatistics.class));
    }

    private <T> Dated<T> fetch(String key, Supplier<T> request, JavaType type) {
        try {
            T value = request.get();
            return new Dated<>(value, cache.put(key, write(value)), false, Optional.empty());
        } catch (SyncFailure failure) {
            if (!offline(failure)) {
                throw failure;
            }
            StatisticsCacheRepository.Cached cached = cache.get(key).orElseThrow(() -> failure);
            return new Dated<>(read(cached.json(), type, key), cached.fetchedAt(), true, Optional.of(failure));
        }
    }

    /** Failures that say nothing about the figures, only that they cannot be fetched now. */
    private static boolean offline(SyncFailure failure) {
        return failure.kind().transientFailure() || failure.kind() == SyncFailure.Kind.SIGNED_OUT;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Course statistics could not be written as JSON", e);
        }
    }

    private static <T> T read(String json, JavaType type, String key) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The cached statistics " + key + " are damaged", e);
        }
    }
}
