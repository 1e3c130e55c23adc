package edu.sevenp.desktop.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.ChildJvm;
import edu.sevenp.desktop.store.StoreAccess;
import edu.sevenp.desktop.sync.faults.HoldingProxy;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, end-to-end scenario 3: the player (a JVM of its own) is killed with SIGKILL during its first pull of a
 * course big enough for several pages, once while a page is on its way (the answer is held at a proxy) and once in
 * the middle of storing a page (its rows written, its cursor not yet: the engine is made to wait for the cursor's
 * lock, and killed when it does). Started again, it resumes after the last page it stored: page 1 is not fetched
 * again, at most one page is, and no lesson is missing.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES)
class KilledDuringPullIT {

    /** About three pages of at most 1,000 changes. */
    private static final int LESSONS = 2_500;
    private static final String PULL = "POST /api/v1/sync/pull ";
    /** An answer this big carries a page of the course; an empty pull is a few hundred bytes. */
    private static final long PAGE_BYTES = 20_000;
    private static final Duration CHILD_LIMIT = Duration.ofSeconds(120);

    private EndToEndServer server;
    private HoldingProxy proxy;
    private Catalog.Course course;
    /** Bytes of each page a device that is never interrupted receives. */
    private List<Long> cleanPages;

    @TempDir
    static Path folders;

    @BeforeAll
    void start(TestDatabase database) throws Exception {
        server = EndToEndServer.start(database);
        proxy = HoldingProxy.start(new InetSocketAddress("127.0.0.1", server.server().port()));
        course = server.course(LESSONS);
        Accounts.SignedIn reference = server.learnerIn(course, "Reference");
        int from = proxy.exchanges().size();
        try (SyncedDevice clean = SyncedDevice.open(folders.resolve("clean"))) {
            clean.signIn(proxy.url(), reference.email(), Accounts.PASSWORD);
            clean.syncOnce();
            assertThat(lessonsOf(clean)).hasSize(LESSONS);
        }
        cleanPages = pagesFrom(from);
        assertThat(cleanPages).as("a course of several pages").hasSizeGreaterThanOrEqualTo(3);
    }

    @AfterAll
    void stop() {
        proxy.close();
        server.close();
    }

    @Test
    void killedWhileAPageIsOnItsWayThePullResumesAfterTheLastStoredPageAndNoLessonIsMissing() throws Exception {
        Accounts.SignedIn ana = server.learnerIn(course, "Ana");
        Path folder = folders.resolve("in-flight");

        proxy.holdNext(PULL, 2, HoldingProxy.Hold.RESPONSE);
        int from = proxy.exchanges().size();
        try (ChildJvm player = ChildJvm.start(SyncingPlayer.class, folder.toString(), "plain", proxy.url(), ana.email(),
                Accounts.PASSWORD)) {
            proxy.awaitHeld(CHILD_LIMIT);
            player.killHard();
        }
        proxy.discard();
        List<Long> killedRun = pagesFrom(from);

        assertResumedAndComplete(folder, ana, killedRun);
    }

    @Test
    void killedWhileStoringAPageThePullResumesAfterTheLastStoredPageAndNoLessonIsMissing() throws Exception {
        Accounts.SignedIn ben = server.learnerIn(course, "Ben");
        Path folder = folders.resolve("storing");

        int from = proxy.exchanges().size();
        try (ChildJvm player = ChildJvm.start(SyncingPlayer.class, folder.toString(), "lock-cursor", proxy.url(),
                ben.email(), Accounts.PASSWORD)) {
            player.awaitLine("LOCKED", CHILD_LIMIT);
            player.awaitLine("BLOCKED", CHILD_LIMIT);
            player.killHard();
        }
        List<Long> killedRun = pagesFrom(from);
        try (SyncedDevice killed = SyncedDevice.open(folder)) {
            assertThat(lessonsOf(killed)).as("only the pages before the one being stored are here").isNotEmpty()
                    .hasSizeLessThan(LESSONS);
        }

        assertResumedAndComplete(folder, ben, killedRun);
    }

    /** Syncs again in a new player; checks what it fetched and what the device holds. */
    private void assertResumedAndComplete(Path folder, Accounts.SignedIn learner, List<Long> killedRun) throws Exception {
        int from = proxy.exchanges().size();
        try (ChildJvm player = ChildJvm.start(SyncingPlayer.class, folder.toString(), "plain")) {
            player.awaitLine("SYNCED", CHILD_LIMIT);
        }
        List<Long> resumedRun = pagesFrom(from);

        long clean = cleanPages.stream().mapToLong(Long::longValue).sum();
        long largest = cleanPages.stream().mapToLong(Long::longValue).max().orElseThrow();
        long fetched = killedRun.stream().mapToLong(Long::longValue).sum() + resumedRun.stream().mapToLong(Long::longValue).sum();
        assertThat(resumedRun).as("pages fetched after the restart (clean: %s, before the kill: %s)", cleanPages, killedRun)
                .hasSize(cleanPages.size() - 1);
        assertThat(fetched).as("bytes of pages fetched in all (clean: %s, before the kill: %s, after: %s)", cleanPages,
                killedRun, resumedRun).isLessThanOrEqualTo(clean + largest);
        try (SyncedDevice device = SyncedDevice.open(folder)) {
            assertThat(lessonsOf(device)).isEqualTo(new HashSet<>(course.lessons()));
            assertThat(device.store().sync().parkedRows()).isZero();
            Convergence.assertConverged(server.superuser(), learner.user(), device);
        }
    }

    /** The bytes of each pull answer since exchange {@code from} that carried a page (a held one that never came: 0). */
    private List<Long> pagesFrom(int from) {
        List<HoldingProxy.Exchange> exchanges = proxy.exchanges();
        return exchanges.subList(from, exchanges.size()).stream()
                .filter(exchange -> exchange.requestLine().startsWith(PULL) && exchange.bytesToClient() > PAGE_BYTES)
                .map(HoldingProxy.Exchange::bytesToClient).toList();
    }

    private Set<UUID> lessonsOf(SyncedDevice device) {
        return new HashSet<>(StoreAccess.dsl(device.store()).select(DSL.field("id", UUID.class)).from(DSL.table("course_lessons"))
                .where(DSL.field("course_id", UUID.class).eq(course.id())).fetch(DSL.field("id", UUID.class)));
    }
}
