package edu.sevenp.desktop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second JVM running a main class from the test classpath: another player, or a process to kill. Its
 * output (stdout and stderr together) is read on a thread of its own, so the test takes lines as they
 * arrive and can keep taking them after the child was killed.
 */
public final class ChildJvm implements AutoCloseable {

    /** Marks the end of the child's output in {@link #lines}. */
    private static final Optional<String> END = Optional.empty();
    private static final int SKIPPED_LINES_KEPT = 60;

    private final Process process;
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildJvm start(Class<?> mainClass, String... arguments) throws IOException {
        return start(List.of(), mainClass, arguments);
    }

    /** With {@code jvmOptions} (system properties, say) before the main class. */
    public static ChildJvm start(List<String> jvmOptions, Class<?> mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(arguments));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * The next whole line of output; empty once the output has ended (the child exited or was killed).
     *
     * @throws TimeoutException when no line came within {@code timeout}
     */
    public Optional<String> nextLine(Duration timeout) throws InterruptedException, TimeoutException {
        Optional<String> line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new TimeoutException("the child JVM printed nothing for " + timeout);
        }
        if (line.isEmpty()) {
            lines.add(END); // later calls see the end too
        }
        return line;
    }

    /** Reads output lines until one equals {@code expected}; fails on timeout or when the child ends first. */
    public void awaitLine(String expected, Duration timeout) throws InterruptedException, TimeoutException {
        awaitLine(Pattern.compile(Pattern.quote(expected)), timeout);
    }

    /**
     * Reads output lines until one matches {@code expected} as a whole; fails on timeout or when the child
     * ends first.
     *
     * @return the match, for the groups the line reports
     */
    public Matcher awaitLine(Pattern expected, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        // The lines passed over, so that a child that ends or stalls says why (its stack trace, say).
        Deque<String> skipped = new ArrayDeque<>();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            Optional<String> line;
            try {
                line = nextLine(left);
            } catch (TimeoutException e) {
                throw new TimeoutException(e.getMessage() + " while waiting for '" + expected + "'; its last lines:\n"
                        + String.join("\n", skipped));
            }
            if (line.isEmpty()) {
                throw new IllegalStateException("the child JVM ended before printing '" + expected + "'; its last lines:\n"
                        + String.join("\n", skipped));
            }
            Matcher match = expected.matcher(line.get());
            if (match.matches()) {
                return match;
            }
            skipped.addLast(line.get());
            if (skipped.size() > SKIPPED_LINES_KEPT) {
                skipped.removeFirst();
            }
        }
    }

    /**
     * Kills the child the way a crash or power button would (SIGKILL): no shutdown hooks run. Its output
     * up to the kill can still be read: the kill goes through the process handle, because
     * {@link Process#destroyForcibly()} also closes the pipe and drops lines not yet read.
     */
    public void killHard() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public Process process() {
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        killHard();
    }

    /**
     * Queues each line once its line break arrives. A last line without one was cut off by a kill and is
     * not a line: half of "note 42 saved" must not read as a report.
     */
    private void readOutput() {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = output.read()) != -1) {
                if (c == '\n') {
                    lines.add(Optional.of(line.toString()));
                    line.setLength(0);
                } else if (c != '\r') {
                    line.append((char) c);
                }
            }
        } catch (IOException e) {
            // The stream broke rather than ended; the test sees the end of the output, and its cause here.
            throw new UncheckedIOException("reading the child JVM's output failed", e);
        } finally {
            lines.add(END);
        }
    }
}
