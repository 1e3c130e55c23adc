package edu.sevenp.server.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void readsTheThreeFormsOfOneRange() {
        assertThat(ByteRange.parse("bytes=0-9", 100)).isEqualTo(new ByteRange.Part(new ByteRange(0, 9)));
        assertThat(ByteRange.parse("bytes=90-", 100)).isEqualTo(new ByteRange.Part(new ByteRange(90, 99)));
        assertThat(ByteRange.parse("bytes=-10", 100)).isEqualTo(new ByteRange.Part(new ByteRange(90, 99)));
    }

    @Test
    void clipsAnEndBeyondTheFile() {
        assertThat(ByteRange.parse("bytes=50-1000", 100)).isEqualTo(new ByteRange.Part(new ByteRange(50, 99)));
        assertThat(ByteRange.parse("bytes=-1000", 100)).isEqualTo(new ByteRange.Part(new ByteRange(0, 99)));
    }

    @Test
    void aStartBeyondTheFileCannotBeSatisfied() {
        assertThat(ByteRange.parse("bytes=100-", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.parse("bytes=-0", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void anythingElseIsTheWholeFile() {
        assertThat(ByteRange.parse(null, 100)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.parse("bytes=0-9,20-29", 100)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.parse("items=0-9", 100)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.parse("bytes=9-0", 100)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.parse("bytes=99999999999999999999-", 100)).isInstanceOf(ByteRange.Whole.class);
    }
}
