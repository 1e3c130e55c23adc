package edu.sevenp.coursepackage.captions;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.captions.Captions.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebVttTest {

    @Test
    void readsCuesWithAndWithoutIdentifiersAndHours() {
        Captions captions = WebVtt.parse("""
                WEBVTT - a title

                1
                00:00:00.600 --> 00:00:05.242
                Welcome to this recap.

                00:05.592 --> 00:10.170 align:start position:10%
                Two lines
                of text.

                intro-end
                01:00:00.000 --> 01:00:01.500
                An hour in.
                """);

        assertThat(captions.problems()).isEmpty();
        assertThat(captions.cues()).containsExactly(
                new Cue("1", 0.6, 5.242, "Welcome to this recap."),
                new Cue("", 5.592, 10.17, "Two lines\nof text."),
                new Cue("intro-end", 3600.0, 3601.5, "An hour in."));
    }

    @Test
    void showsTheCueOfATimeFromItsStartUntilJustBeforeItsEnd() {
        Captions captions = WebVtt.parse("WEBVTT\n\n00:01.000 --> 00:02.000\nFirst\n\n00:02.000 --> 00:03.000\nSecond\n");

        assertThat(captions.textAt(0.999)).isEmpty();
        assertThat(captions.textAt(1.0)).isEqualTo("First");
        assertThat(captions.textAt(1.999)).isEqualTo("First");
        assertThat(captions.textAt(2.0)).isEqualTo("Second");
        assertThat(captions.textAt(3.0)).isEmpty();
    }

    @Test
    void overlappingCuesShowTogetherInTheOrderTheyStart() {
        Captions captions = WebVtt.parse("WEBVTT\n\n00:02.000 --> 00:06.000\nLater\n\n00:01.000 --> 00:05.000\nEarlier\n");

        assertThat(captions.textAt(3)).isEqualTo("Earlier\nLater");
        assertThat(captions.cues()).extracting(Cue::text).containsExactly("Earlier", "Later");
    }

    @Test
    void acceptsEveryLineEndingAndAByteOrderMark() {
        String lf = "WEBVTT\n\n00:01.000 --> 00:02.000\nHello\nworld\n";

        for (String text : List.of(lf, lf.replace("\n", "\r\n"), lf.replace("\n", "\r"), "\uFEFF" + lf)) {
            Captions captions = WebVtt.parse(text);
            assertThat(captions.problems()).isEmpty();
            assertThat(captions.cues()).containsExactly(new Cue("", 1, 2, "Hello\nworld"));
        }
    }

    @Test
    void skipsNoteStyleAndRegionBlocksAndHeaderLines() {
        Captions captions = WebVtt.parse("""
                WEBVTT
                Kind: captions
                Language: en

                NOTE This file was made
                by hand

                STYLE
                ::cue { color: yellow }

                REGION
                id:fred width:40%

                00:01.000 --> 00:02.000
                Only this
                """);

        assertThat(captions.problems()).isEmpty();
        assertThat(captions.cues()).containsExactly(new Cue("", 1, 2, "Only this"));
    }

    @Test
    void dropsMarkupAndDecodesCharacterReferences() {
        Captions captions = WebVtt.parse("WEBVTT\n\n00:01.000 --> 00:02.000\n"
                + "<v Ana>It's <b>bold</b>, <i>italic</i> &amp; <c.loud>loud</c> &lt;3<00:01.500> &#233;&#x263A;&nbsp;!</v>\n");

        assertThat(captions.cues()).singleElement().extracting(Cue::text)
                .isEqualTo("It's bold, italic & loud <3 é☺\u00A0!");
    }

    @Test
    void aFileWithoutTheWebvttLineHasNoCues() {
        Captions captions = WebVtt.parse("1\n00:01.000 --> 00:02.000\nHello\n");

        assertThat(captions.cues()).isEmpty();
        assertThat(captions.problems()).extracting(Problem::toString)
                .containsExactly("1: a WebVTT file starts with the line WEBVTT");
        assertThat(WebVtt.parse("WEBVTTX\n").problems()).hasSize(1);
        assertThat(WebVtt.parse("").problems()).hasSize(1);
    }

    @Test
    void reportsBadCuesWithTheirLinesAndKeepsTheGoodOnes() {
        Captions captions = WebVtt.parse("""
                WEBVTT

                00:01.000 --> 00:02.000
                Good

                00:03.000 -> 00:04.000
                Arrow too short

                00:05.000 --> 00:04.000
                Backwards

                00:61.000 --> 01:02.000
                No 61st second

                just some text

                00:07.000 --> 00:08.000
                Still good
                """);

        assertThat(captions.cues()).extracting(Cue::text).containsExactly("Good", "Still good");
        assertThat(captions.problems()).extracting(Problem::line).containsExactly(6, 9, 12, 15);
        assertThat(captions.problems().get(1).message()).isEqualTo("the cue ends (00:04.000) before it starts (00:05.000)");
        assertThat(captions.problems().get(2).message()).startsWith("\"00:61.000\" is not a time");
    }

    @Test
    void aCueRunningIntoTheNextTimingIsReported() {
        Captions captions = WebVtt.parse("WEBVTT\n\n00:01.000 --> 00:02.000\nOne\n00:02.000 --> 00:03.000\nTwo\n");

        assertThat(captions.cues()).extracting(Cue::text).containsExactly("One");
        assertThat(captions.problems()).extracting(Problem::toString)
                .containsExactly("5: a blank line must end the cue before the next timing");
    }

    @Test
    void aCueRightAfterTheHeaderWithoutABlankLineIsReported() {
        assertThat(WebVtt.parse("WEBVTT\n00:01.000 --> 00:02.000\nOne\n").problems())
                .extracting(Problem::toString)
                .containsExactly("2: a blank line must separate the WEBVTT line from the first cue");
    }

    @Test
    void readsTimestamps() {
        assertThat(WebVtt.seconds("00:00.000")).isEqualTo(0.0);
        assertThat(WebVtt.seconds("01:02.345")).isEqualTo(62.345);
        assertThat(WebVtt.seconds("100:00:00.001")).isEqualTo(360000.001);
        assertThat(WebVtt.seconds("1:02.345")).isNull();
        assertThat(WebVtt.seconds("01:02,345")).isNull();
        assertThat(WebVtt.seconds("01:60.000")).isNull();
        assertThat(WebVtt.seconds("01:02.34")).isNull();
    }

    @Test
    void noCaptionsShowNothing() {
        assertThat(Captions.none().textAt(12)).isEmpty();
        assertThat(WebVtt.parse("WEBVTT\n").cues()).isEmpty();
        assertThat(WebVtt.parse("WEBVTT\n").problems()).isEmpty();
    }
}
