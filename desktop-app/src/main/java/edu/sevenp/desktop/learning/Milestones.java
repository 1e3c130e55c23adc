package edu.sevenp.desktop.learning;

import edu.sevenp.desktop.store.LearningTally;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/** The player's own milestones, from what the learner has done; earned ones first, each group in a fixed order. */
public final class Milestones {

    private record Rule(String code, long target, Milestone.Unit unit, ToLongFunction<LearningTally> measure) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("first_lesson", 1, Milestone.Unit.COUNT, LearningTally::lessonsCompleted),
            new Rule("ten_lessons", 10, Milestone.Unit.COUNT, LearningTally::lessonsCompleted),
            new Rule("first_quiz_passed", 1, Milestone.Unit.COUNT, LearningTally::quizzesPassed),
            new Rule("perfect_score", 1, Milestone.Unit.COUNT, LearningTally::perfectAttempts),
            new Rule("first_course", 1, Milestone.Unit.COUNT, LearningTally::coursesCompleted),
            new Rule("hour_of_study", 60 * 60, Milestone.Unit.SECONDS, LearningTally::studySeconds),
            new Rule("ten_hours_of_study", 10 * 60 * 60, Milestone.Unit.SECONDS, LearningTally::studySeconds),
            new Rule("ten_notes", 10, Milestone.Unit.COUNT, LearningTally::notes));

    private Milestones() {
    }

    public static List<Milestone> of(LearningTally tally) {
        return RULES.stream()
                .map(rule -> new Milestone(rule.code(), Math.min(rule.target(), rule.measure().applyAsLong(tally)),
                        rule.target(), rule.unit()))
                .sorted(Comparator.comparing(milestone -> !milestone.earned()))
                .toList();
    }
}
