package edu.sevenp.server.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.CourseFigures;
import edu.sevenp.model.protocol.CourseStatistics;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.AnswerKey;
import edu.sevenp.model.quiz.AnswerKeys;
import edu.sevenp.model.quiz.QuizScoring;
import edu.sevenp.server.auth.Caller;
import edu.sevenp.server.problem.ApiProblem;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Course statistics for instructors (docs/sync-protocol.md, section 11.1). Which questions were missed is scored
 * here with the one scoring rule (QuizScoring), since attempts keep the responses, not each question's outcome.
 */
public final class StatisticsService {

    static final int MISSED_QUESTIONS = 10;

    private final StatisticsStore store;
    private final ObjectMapper mapper;
    private final Clock clock;

    public StatisticsService(StatisticsStore store, ObjectMapper mapper, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public List<CourseFigures> courses(Caller caller) {
        requireInstructor(caller.user());
        return store.courses(caller.user());
    }

    public CourseStatistics statistics(Caller caller, UUID courseId) {
        requireInstructor(caller.user());
        StatisticsStore.CourseData data = store.course(caller.user(), courseId)
                .orElseThrow(() -> ApiProblem.notFound("You have no published course " + courseId + "."));
        return new CourseStatistics(data.figures(), buckets(data.progressCounts()), data.lessons(), missed(data),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }

    private void requireInstructor(UserId user) {
        if (!store.mayReadStatistics(user)) {
            throw ApiProblem.forbidden("role_required", "Course statistics need the instructor role; ask an administrator.");
        }
    }

    private static List<CourseStatistics.ProgressBucket> buckets(long[] counts) {
        List<CourseStatistics.ProgressBucket> buckets = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            buckets.add(new CourseStatistics.ProgressBucket(i * 10, i == 10 ? 100 : i * 10 + 9, i < counts.length ? counts[i] : 0));
        }
        return buckets;
    }

    private List<CourseStatistics.MissedQuestion> missed(StatisticsStore.CourseData data) {
        List<CourseStatistics.MissedQuestion> missed = new ArrayList<>();
        for (StatisticsStore.KeyedQuestion question : data.questions()) {
            AnswerKey key = AnswerKeys.fromJson(question.type(), question.correctAnswer(), null);
            long wrong = 0;
            long scored = 0;
            for (StatisticsStore.Attempt attempt : data.attempts()) {
                if (!attempt.quizId().equals(question.quizId())) {
                    continue;
                }
                QuizScoring.Outcome outcome = QuizScoring.score(question.type(), key, answer(attempt.responses(), question.id()));
                if (outcome == QuizScoring.Outcome.NOT_SCORED) {
                    break;
                }
                scored++;
                if (outcome == QuizScoring.Outcome.INCORRECT) {
                    wrong++;
                }
            }
            if (wrong > 0) {
                missed.add(new CourseStatistics.MissedQuestion(question.id(), question.quizId(), question.quizTitle(),
                        question.text(), wrong, scored));
            }
        }
        missed.sort(Comparator.comparingLong(CourseStatistics.MissedQuestion::wrong).reversed()
                .thenComparing(CourseStatistics.MissedQuestion::quizTitle)
                .thenComparing(CourseStatistics.MissedQuestion::text));
        return missed.size() > MISSED_QUESTIONS ? List.copyOf(missed.subList(0, MISSED_QUESTIONS)) : missed;
    }

    /** The stored response to one question; null when it was left out. */
    private Answer answer(JsonNode responses, UUID question) {
        JsonNode response = responses == null ? null : responses.get(question.toString());
        if (response == null || response.isNull()) {
            return null;
        }
        try {
            return mapper.treeToValue(response, Answer.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            // Responses were checked when they were pushed: one that no longer reads is a fault, not a wrong answer.
            throw new IllegalStateException("A stored response to question " + question + " does not read as an answer", e);
        }
    }
}
