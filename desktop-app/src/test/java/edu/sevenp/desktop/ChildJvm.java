package edu.sevenp.desktop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A second JVM running a main class from the test classpath: another player, or a process to kill. */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader output;

    private ChildJvm(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    public static ChildJvm start(Class<?> mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(arguments));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Reads output lines until one equals {@code expected}; fails on timeout or when the child ends first. */
    public void awaitLine(String expected, Duration timeout) throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<Void> found = CompletableFuture.runAsync(() -> {
            try {
                String line;
                while ((line = output.readLine()) != null) {
                    if (line.equals(expected)) {
                        return;
                    }
                }
                throw new IllegalStateException("the child JVM ended before printing '" + expected + "'");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Kills the child the way a crash or power button would: no shutdown hooks run. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public Process process() {
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        killHard();
    }
}
