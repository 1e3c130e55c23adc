package edu.sevenp.server.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.protocol.rows.QuizAttemptRow;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.AnswerKey;
import edu.sevenp.model.quiz.AnswerKeys;
import edu.sevenp.model.quiz.QuizQuestion;
import edu.sevenp.model.quiz.QuizScoring;
import edu.sevenp.model.sync.QuizAttemptSubmission;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.Inputs;
import edu.sevenp.server.problem.ProblemKind;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Quiz attempts (docs/sync-protocol.md, sections 8.7 and 9): append-only; refused first when the quiz is not
 * open to the user, then numbered and limited by the database, judged against the time limit by their duration,
 * and graded by the server from the key it alone holds. The device's own score is never read.
 */
final class AttemptIntake {

    /** Added to a quiz's time limit before an attempt counts as late: networks and clocks are not exact. */
    static final Duration GRACE = Duration.ofSeconds(60);

    private final AttemptRows attempts;
    private final ObjectMapper mapper;

    AttemptIntake(AttemptRows attempts, ObjectMapper mapper) {
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** Whether the attempt is already on the server (answered as a duplicate, with its row). */
    Optional<QuizAttemptRow> existing(QuizAttemptSubmission submission) {
        return attempts.find(submission.id().value());
    }

    Applied submit(QuizAttemptSubmission submission, ChangeContext context) {
        checkResponses(submission.responses());
        Integer timeTaken = submission.timeTaken();
        Inputs.optionalRange(timeTaken, "payload.timeTaken", 0, 604_800);
        AttemptRows.Quiz quiz = attempts.quiz(submission.quizId().value()).orElseThrow(() -> ApiProblem.of(
                ProblemKind.FORBIDDEN, "not_entitled", "Quiz " + submission.quizId().value()
                        + " is not open to you (it may not exist, or its course is not one of yours).", "payload.quizId"));
        if (!quiz.active()) {
            throw ApiProblem.of(ProblemKind.UNPROCESSABLE, "quiz_inactive", "This quiz no longer takes attempts.",
                    "payload.quizId");
        }
        long duration = duration(submission);
        if (quiz.timeLimit() != null && duration > Duration.ofMinutes(quiz.timeLimit()).plus(GRACE).toSeconds()) {
            throw ApiProblem.of(ProblemKind.UNPROCESSABLE, "time_limit_exceeded", "The attempt took "
                    + Duration.ofSeconds(duration).toMinutes() + " min " + duration % 60 + " s; the quiz allows "
                    + quiz.timeLimit() + " min (plus " + GRACE.toSeconds() + " s of grace), so it cannot count.",
                    "payload.timeTaken");
        }
        attempts.lockNumbering(quiz.id());
        QuizAttemptRow inserted = attempts.insert(submission.id().value(), quiz.id(), context.time().of(submission.startedAt()),
                context.time().of(submission.submittedAt()), (int) Math.min(duration, Integer.MAX_VALUE),
                mapper.valueToTree(submission.responses()));
        QuizScoring.Grade grade = grade(inserted, submission.responses(), quiz);
        if (!grade.scored()) {
            return Applied.of("submitted", inserted);
        }
        return Applied.of("graded", attempts.recordGrade(inserted.id(), grade.score(), grade.maxScore(), grade.percentage(),
                grade.passed()));
    }

    /** Seconds the attempt took: the device's measure, or its start-to-submission span if that is longer. */
    static long duration(QuizAttemptSubmission submission) {
        long span = Math.max(0, Duration.between(submission.startedAt(), submission.submittedAt()).toSeconds());
        return Math.max(submission.timeTaken() == null ? 0 : submission.timeTaken(), span);
    }

    private QuizScoring.Grade grade(QuizAttemptRow attempt, Map<QuestionId, Answer> responses, AttemptRows.Quiz quiz) {
        List<QuizQuestion> questions = new ArrayList<>();
        Map<QuestionId, AnswerKey> keys = new HashMap<>();
        for (AttemptRows.KeyedQuestion question : attempts.gradingKey(attempt.id())) {
            QuestionId id = new QuestionId(question.id());
            questions.add(new QuizQuestion(id, "", question.type(), question.points(), question.orderIndex(), List.of()));
            keys.put(id, AnswerKeys.fromJson(question.type(), question.correctAnswer(), null));
        }
        return QuizScoring.grade(questions, keys, responses, quiz.passingScore());
    }

    private static void checkResponses(Map<QuestionId, Answer> responses) {
        Inputs.required(responses, "payload.responses");
        if (responses.size() > 200) {
            throw ApiProblem.validation("payload.responses", "an attempt answers at most 200 questions, this one "
                    + responses.size());
        }
        responses.forEach((question, answer) -> {
            String field = "payload.responses." + question.value();
            Inputs.optionalText(answer.text(), field + ".text", 10_000);
            if (answer.selected() != null) {
                Inputs.size(answer.selected(), field + ".selected", 20);
                answer.selected().forEach(option -> Inputs.text(option, field + ".selected", 1_000));
            }
        });
    }
}
