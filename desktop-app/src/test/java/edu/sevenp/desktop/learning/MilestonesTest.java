package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import edu.sevenp.desktop.store.LearningTally;
import org.junit.jupiter.api.Test;

class MilestonesTest {

    @Test
    void aNewLearnerHasEveryMilestoneAheadAtZero() {
        assertThat(Milestones.of(LearningTally.NOTHING))
                .extracting(Milestone::code, Milestone::reached, Milestone::earned)
                .containsExactly(
                        tuple("first_lesson", 0L, false), tuple("ten_lessons", 0L, false),
                        tuple("first_quiz_passed", 0L, false), tuple("perfect_score", 0L, false),
                        tuple("first_course", 0L, false), tuple("hour_of_study", 0L, false),
                        tuple("ten_hours_of_study", 0L, false), tuple("ten_notes", 0L, false));
    }

    @Test
    void earnedMilestonesComeFirstAndProgressIsCappedAtTheTarget() {
        LearningTally tally = new LearningTally(1, 12, 0, 1, 0, 25 * 60, 3);

        assertThat(Milestones.of(tally))
                .extracting(Milestone::code, Milestone::reached, Milestone::target, Milestone::unit, Milestone::earned)
                .containsExactly(
                        tuple("first_lesson", 1L, 1L, Milestone.Unit.COUNT, true),
                        tuple("ten_lessons", 10L, 10L, Milestone.Unit.COUNT, true),
                        tuple("first_quiz_passed", 1L, 1L, Milestone.Unit.COUNT, true),
                        tuple("perfect_score", 0L, 1L, Milestone.Unit.COUNT, false),
                        tuple("first_course", 0L, 1L, Milestone.Unit.COUNT, false),
                        tuple("hour_of_study", 1500L, 3600L, Milestone.Unit.SECONDS, false),
                        tuple("ten_hours_of_study", 1500L, 36000L, Milestone.Unit.SECONDS, false),
                        tuple("ten_notes", 3L, 10L, Milestone.Unit.COUNT, false));
    }
}
