package edu.sevenp.desktop.ui.video;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A media player for tests: it records what it was asked and answers only when the test says so, through the
 * events it was opened with ({@link #events()}). Use {@link #playTo} to play on in steps as a real player reports.
 */
final class ScriptedPlayback implements Playback {

    /** Opens scripted playbacks and keeps each one. */
    static final class Opener implements Playbacks {
        final List<ScriptedPlayback> opened = new ArrayList<>();

        @Override
        public Playback open(Path file, PlaybackEvents events) {
            ScriptedPlayback playback = new ScriptedPlayback(file, events);
            opened.add(playback);
            return playback;
        }

        ScriptedPlayback last() {
            return opened.get(opened.size() - 1);
        }
    }

    final Path file;
    private final PlaybackEvents events;
    final List<String> calls = new ArrayList<>();
    double position;
    boolean playing;
    boolean disposed;

    private ScriptedPlayback(Path file, PlaybackEvents events) {
        this.file = file;
        this.events = events;
    }

    PlaybackEvents events() {
        return events;
    }

    /** Plays from where it is to {@code seconds}, reporting every quarter second; then stays playing. */
    void playTo(double seconds) {
        for (double t = position + 0.25; t < seconds; t += 0.25) {
            position = t;
            events.time(t);
        }
        position = seconds;
        events.time(seconds);
    }

    @Override
    public void play() {
        calls.add("play");
        playing = true;
        events.playing(true);
    }

    @Override
    public void pause() {
        calls.add("pause");
        playing = false;
        events.playing(false);
    }

    @Override
    public void seek(double seconds) {
        calls.add("seek " + seconds);
        position = seconds;
    }

    @Override
    public void rate(double rate) {
        calls.add("rate " + rate);
    }

    @Override
    public void volume(double volume) {
        calls.add("volume " + volume);
    }

    @Override
    public void dispose() {
        calls.add("dispose");
        disposed = true;
    }
}
