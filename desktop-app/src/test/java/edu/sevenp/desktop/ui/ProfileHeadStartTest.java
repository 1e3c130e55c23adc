package edu.sevenp.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.DesktopContext;
import edu.sevenp.desktop.DesktopPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile a start goes straight to opens from the launcher's first moments, once, and its failure is not lost. */
class ProfileHeadStartTest {

    @TempDir
    Path data;

    /** The threads that opened which profile, in order. */
    private final List<String> opens = new CopyOnWriteArrayList<>();

    private StartupViewModel.ProfileOpener real() {
        return profile -> {
            opens.add(profile + " on " + Thread.currentThread().getName());
            return DesktopContext.openForWindow(new DesktopPaths(data, profile));
        };
    }

    @Test
    void theProfileOpensBeforeAnyoneAsksAndTheFirstRequestTakesIt() throws Exception {
        StartupViewModel.ProfileOpener opener = ProfileHeadStart.of(real(), "ana");
        awaitStore("ana");

        try (PlayerServices services = opener.open("ana")) {
            assertThat(services.library().courses()).isNotEmpty();
        }
        assertThat(opens).containsExactly("ana on sevenp-profile-open");
    }

    @Test
    void aSecondRequestOrAnotherProfileOpensAsUsual() throws Exception {
        StartupViewModel.ProfileOpener opener = ProfileHeadStart.of(real(), "ana");
        opener.open("ana").close();

        opener.open("ana").close();
        opener.open("ben").close();

        assertThat(opens).containsExactly("ana on sevenp-profile-open", "ana on " + Thread.currentThread().getName(),
                "ben on " + Thread.currentThread().getName());
    }

    @Test
    void aFailedOpeningIsThrownToTheRequestAsItWas() throws InterruptedException {
        IllegalStateException locked = new IllegalStateException("The profile is in use by another player");
        CountDownLatch tried = new CountDownLatch(1);
        StartupViewModel.ProfileOpener opener = ProfileHeadStart.of(profile -> {
            tried.countDown();
            throw locked;
        }, "ana");
        assertThat(tried.await(10, TimeUnit.SECONDS)).as("tried before anyone asked").isTrue();

        assertThatThrownBy(() -> opener.open("ana")).isSameAs(locked);
    }

    @Test
    void withoutAProfileToGoToNothingOpensAhead() {
        StartupViewModel.ProfileOpener real = real();

        assertThat(ProfileHeadStart.of(real, null)).isSameAs(real);
        assertThat(opens).isEmpty();
    }

    private void awaitStore(String profile) throws InterruptedException {
        Path store = new DesktopPaths(data, profile).profileDirectory().resolve("store.mv.db");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(store) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(store).as("the store, opened ahead of any request").exists();
    }
}
