package edu.sevenp.server.testing;

import edu.sevenp.server.ServerMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real server's {@code main} in a JVM of its own, started with the test classpath as a user would start the
 * jar: for exit codes, for what it prints, and for a server to kill with SIGKILL. Standard output and standard error
 * are collected apart, because the server promises one line on standard error when it cannot start. The log goes
 * to standard output as in production ({@code simplelogger.properties} of the test classpath would send it to
 * standard error). Closing kills it (SIGKILL), so a test never leaves one behind.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Collected stdout;
    private final Collected stderr;

    private ServerProcess(Process process) {
        this.process = process;
        this.stdout = Collected.from(process.getInputStream(), "server-stdout");
        this.stderr = Collected.from(process.getErrorStream(), "server-stderr");
    }

    /**
     * Starts {@code ServerMain} with {@code arguments}; {@code environment} replaces every {@code SEVENP_*} variable
     * the test's own environment has, so a developer's settings never leak into the child.
     */
    public static ServerProcess start(Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dorg.slf4j.simpleLogger.logFile=System.out");
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ServerMain.class.getName());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("SEVENP_"));
        builder.environment().putAll(environment);
        try {
            return new ServerProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end; its exit code. Fails (after killing it) when it runs longer than {@code timeout}. */
    public int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("the server did not exit within " + timeout + "; it printed:\n" + output());
        }
        stdout.awaitEnd();
        stderr.awaitEnd();
        return process.exitValue();
    }

    /** The lines of standard error so far. */
    public List<String> stderrLines() {
        return stderr.text().lines().toList();
    }

    /** Both streams so far, for a failure message. */
    public String output() {
        return "--- stdout\n" + stdout.text() + "--- stderr\n" + stderr.text();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as a crash or the out-of-memory killer would: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** A stream read to its end on a thread of its own, so that the child never blocks on a full pipe. */
    private static final class Collected {

        private final StringBuilder text = new StringBuilder();
        private final Thread reader;

        private Collected(InputStream stream, String name) {
            this.reader = new Thread(() -> read(stream), name);
            reader.setDaemon(true);
            reader.start();
        }

        static Collected from(InputStream stream, String name) {
            return new Collected(stream, name);
        }

        private void read(InputStream stream) {
            char[] buffer = new char[8192];
            try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                int read;
                while ((read = reader.read(buffer)) != -1) {
                    synchronized (text) {
                        text.append(buffer, 0, read);
                    }
                }
            } catch (IOException e) {
                // The child was killed: what arrived is what there is.
            }
        }

        void awaitEnd() throws InterruptedException {
            reader.join(Duration.ofSeconds(10).toMillis());
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }
    }
}
