package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VideoResumeTest {

    @Test
    void resumesAlittleBeforeWhereTheLearnerLeft() {
        assertThat(VideoResume.startAt(42, 80)).isEqualTo(40);
    }

    @Test
    void aVideoNeverStartedOrJustStartedStartsAtTheBeginning() {
        assertThat(VideoResume.startAt(0, 80)).isZero();
        assertThat(VideoResume.startAt(2, 80)).isZero();
        assertThat(VideoResume.startAt(3, 80)).isEqualTo(1);
    }

    @Test
    void aVideoLeftAtItsEndStartsAgain() {
        assertThat(VideoResume.startAt(80, 80)).isZero();
        assertThat(VideoResume.startAt(75, 80)).isZero();
        assertThat(VideoResume.startAt(74, 80)).isEqualTo(72);
    }

    @Test
    void withoutAKnownLengthThePositionIsTrusted() {
        assertThat(VideoResume.startAt(500, 0)).isEqualTo(498);
    }
}
