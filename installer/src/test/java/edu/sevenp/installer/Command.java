package edu.sevenp.installer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One finished run of a system command (dpkg, lintian, the installed player): its exit code and its output.
 * The output goes to files, not pipes, so a chatty command can never block on a full pipe.
 */
record Command(List<String> command, int exitCode, String out, String err) {

    static Command run(Path workDirectory, Map<String, String> environment, Duration timeout, String... command) {
        try {
            Files.createDirectories(workDirectory);
            Path out = Files.createTempFile(workDirectory, "out-", ".txt");
            Path err = Files.createTempFile(workDirectory, "err-", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within " + timeout + "; output so far:\n"
                        + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
            }
            Command done = new Command(List.of(command), process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
    }

    /** Whether {@code program} is on the PATH (so the test can say what is missing instead of failing on it). */
    static boolean available(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    /** This run, its exit code and both outputs, for an assertion's message. */
    String describe() {
        return String.join(" ", command) + " exited with " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
