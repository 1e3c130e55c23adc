package edu.sevenp.server.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL a previous server left running on its data folder when it died without stopping it
 * (SIGKILL, an out-of-memory kill): the JVM is gone, the postmaster is not, and a new one cannot start beside
 * it. Only called by a server that holds the data-folder lock, so the previous server is certainly dead and a
 * postmaster found running on the folder is certainly an orphan.
 *
 * <p>The postmaster is identified by {@code postmaster.pid} and then by the process itself, because a pid in a
 * stale lock file may belong to an unrelated process by now: on Linux its program must be {@code postgres} and
 * its working directory (the postmaster always works in its data directory) the cluster's folder. A process
 * that is certainly something else makes the lock file stale; one that cannot be identified is left alone and
 * named in the message.
 */
final class OrphanedPostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostmaster.class);

    static final String PID_FILE = "postmaster.pid";

    /** Who runs under the pid of a postmaster.pid. */
    enum Identity { THIS_CLUSTER, SOMETHING_ELSE, UNKNOWN }

    private final Path directory;
    private final Duration smartShutdownWait;
    private final Duration killWait;

    OrphanedPostmaster(Path directory, Duration smartShutdownWait, Duration killWait) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.smartShutdownWait = Objects.requireNonNull(smartShutdownWait, "smartShutdownWait");
        this.killWait = Objects.requireNonNull(killWait, "killWait");
    }

    /** Stops the orphan when there is one, so that the cluster can start. */
    void stopIfRunning() {
        Optional<ProcessHandle> process = pidInLockFile().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // no lock file, or a stale one of a dead process: PostgreSQL removes that itself
        }
        ProcessHandle postmaster = process.get();
        switch (identify(postmaster)) {
            case THIS_CLUSTER -> stop(postmaster);
            case SOMETHING_ELSE -> removeStaleLockFile(postmaster.pid());
            case UNKNOWN -> throw new DatabaseStartupException("a process (pid " + postmaster.pid() + ") may still run the"
                    + " embedded PostgreSQL in " + directory + ", left by a server that stopped abruptly; stop it (kill "
                    + postmaster.pid() + ") and start again");
        }
    }

    private Optional<Long> pidInLockFile() {
        Path file = directory.resolve(PID_FILE);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // missing or half-written: nothing to stop
        }
    }

    Identity identify(ProcessHandle process) {
        Optional<String> user = process.info().user();
        Optional<String> self = ProcessHandle.current().info().user();
        if (user.isPresent() && self.isPresent() && !user.equals(self)) {
            return Identity.SOMETHING_ELSE; // our postmaster runs as our user
        }
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        if (Files.isDirectory(Path.of("/proc", "self"))) {
            try {
                String commandLine = Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8);
                String program = programName(commandLine.split("\0")[0]);
                if (!program.equals("postgres")) {
                    return Identity.SOMETHING_ELSE;
                }
                return Files.readSymbolicLink(proc.resolve("cwd")).equals(directory.toRealPath())
                        ? Identity.THIS_CLUSTER : Identity.SOMETHING_ELSE;
            } catch (IOException | RuntimeException e) {
                return process.isAlive() ? Identity.UNKNOWN : Identity.SOMETHING_ELSE;
            }
        }
        // Elsewhere the process table tells the program and, for our own user's processes, the arguments.
        ProcessHandle.Info info = process.info();
        if (info.command().isPresent() && !programName(info.command().get()).equals("postgres")) {
            return Identity.SOMETHING_ELSE;
        }
        String[] arguments = info.arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && samePath(arguments[i + 1])) {
                return Identity.THIS_CLUSTER;
            }
        }
        return Identity.UNKNOWN;
    }

    private void stop(ProcessHandle postmaster) {
        LOG.warn("orphan postgres pid={} dir={}: left running by a server that stopped abruptly; stopping it",
                postmaster.pid(), directory);
        // Its children must be gone too before a new postmaster may start: they hold the old shared memory.
        List<ProcessHandle> children = postmaster.descendants().toList();
        // SIGTERM is a smart shutdown: it waits for clients, and the dead server's connections are gone.
        postmaster.destroy();
        if (!awaitExit(postmaster, smartShutdownWait)) {
            LOG.warn("orphan postgres pid={} did not stop within {} s; killing it", postmaster.pid(),
                    smartShutdownWait.toSeconds());
            postmaster.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
        long deadline = System.nanoTime() + killWait.toNanos();
        boolean stopped = awaitExit(postmaster, killWait);
        for (ProcessHandle child : children) {
            stopped &= awaitExit(child, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        if (!stopped) {
            throw new DatabaseStartupException("the embedded PostgreSQL left running in " + directory
                    + " by a server that stopped abruptly (pid " + postmaster.pid() + ") does not stop; stop it (kill -9 "
                    + postmaster.pid() + ") and start again");
        }
        LOG.info("orphan postgres pid={} stopped", postmaster.pid());
    }

    private void removeStaleLockFile(long pid) {
        // The pid was reused by another program since the postmaster died (a reboot): PostgreSQL would refuse to
        // start beside the living pid, so the file goes.
        LOG.info("stale {} in {}: pid {} is not its postmaster; removing it", PID_FILE, directory, pid);
        try {
            Files.deleteIfExists(directory.resolve(PID_FILE));
        } catch (IOException e) {
            throw new DatabaseStartupException("cannot remove the stale " + directory.resolve(PID_FILE) + " ("
                    + e.getMessage() + "); remove it and start again", e);
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private boolean samePath(String argument) {
        try {
            return Path.of(argument).toRealPath().equals(directory.toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String programName(String command) {
        String name = command.substring(Math.max(command.lastIndexOf('/'), command.lastIndexOf('\\')) + 1)
                .toLowerCase(Locale.ROOT);
        return name.endsWith(".exe") ? name.substring(0, name.length() - 4) : name;
    }
}
