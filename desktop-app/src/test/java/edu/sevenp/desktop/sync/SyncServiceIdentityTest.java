package edu.sevenp.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.Outbox;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.testing.ProfileFolders;
import edu.sevenp.desktop.testing.TestClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whose sign-in a profile uses: never one copied from another installation; a revoked one is told and keeps everything. */
class SyncServiceIdentityTest {

    private static final URI SERVER = URI.create("https://sync.example.org/");
    private static final SyncService.Schedule MANUAL = new SyncService.Schedule(Duration.ofDays(1), Duration.ofDays(1),
            Duration.ofDays(1), Duration.ofDays(1), false);
    private static final SyncService.Schedule LISTENING = new SyncService.Schedule(Duration.ofDays(1), Duration.ofDays(1),
            Duration.ofDays(1), Duration.ofDays(1), true);
    private static final SyncFailure REVOKED = new SyncFailure(SyncFailure.Kind.DEVICE_REVOKED, "device_revoked",
            "This computer was signed out of the account. Everything here is kept; sign in again to sync it.", null, null);

    @TempDir
    Path temp;

    private final TestClock clock = new TestClock(Instant.parse("2026-12-05T09:00:00Z"));
    private final ScriptedServer server = new ScriptedServer();
    private LocalStore store;
    private SyncService sync;

    @AfterEach
    void close() {
        if (sync != null) {
            sync.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aCopiedProfileForgetsTheSignInItCameWithAndSaysWhy() {
        signedInProfileWithANote(temp.resolve("original"));
        ProfileFolders.copy(temp.resolve("original"), temp.resolve("copy"));

        open(temp.resolve("copy"), MANUAL);

        assertThat(sync.status()).isEqualTo(new SyncStatus(null, SyncStatus.Connection.UNKNOWN,
                SyncStatus.Activity.NEEDS_ATTENTION, null, null, 0, 1, 0, 0, null, SyncService.copiedProfile(), null));
        assertThat(temp.resolve("copy").resolve(CredentialFile.NAME)).doesNotExist();
        assertThatThrownBy(() -> waitFor(sync.syncNow())).isInstanceOf(SyncFailure.class)
                .hasMessage(SyncService.copiedProfile());
        assertThat(server.connections).as("no request with the copied sign-in").hasValue(0);
    }

    @Test
    void theOriginalKeepsItsSignInWhenACopyIsOpened() {
        Credentials original = signedInProfileWithANote(temp.resolve("original"));
        ProfileFolders.copy(temp.resolve("original"), temp.resolve("copy"));
        LocalStore.openFile(temp.resolve("copy"), "default", clock).close();

        open(temp.resolve("original"), MANUAL);

        assertThat(sync.status().account()).isEqualTo(new SyncStatus.Account(SERVER.toString(), "ana@example.org"));
        assertThat(new CredentialFile(temp.resolve("original").resolve(CredentialFile.NAME)).load()).contains(original);
    }

    @Test
    void signingInAgainSyncsTheCopyUnderItsNewDeviceIdAndEndsTheNotice() throws Exception {
        signedInProfileWithANote(temp.resolve("original"));
        ProfileFolders.copy(temp.resolve("original"), temp.resolve("copy"));
        open(temp.resolve("copy"), MANUAL);

        sync.signIn(SERVER, "ana@example.org", "correct horse battery".toCharArray());
        waitFor(sync.syncNow());

        assertThat(store.copyDetected()).isEmpty();
        assertThat(new CredentialFile(temp.resolve("copy").resolve(CredentialFile.NAME)).load().orElseThrow().deviceId())
                .isEqualTo(store.identity().deviceId().value());
        assertThat(sync.status()).isEqualTo(new SyncStatus(new SyncStatus.Account(SERVER.toString(), "ana@example.org"),
                SyncStatus.Connection.ONLINE, SyncStatus.Activity.IDLE, null, null, 0, 1, 0, 0, clock.instant(), null,
                clock.instant().plus(MANUAL.interval())));
    }

    @Test
    void aRevokedDeviceIsToldInPlainWordsTriesNoMoreAndKeepsItsWork() {
        signedInProfileWithANote(temp.resolve("profile"));
        open(temp.resolve("profile"), MANUAL);
        List<Outbox.Entry> queued = new StoreFixture(store).outbox();
        server.failRequestsWith(REVOKED);

        assertThatThrownBy(() -> waitFor(sync.syncNow())).isSameAs(REVOKED);

        assertThat(sync.status()).isEqualTo(revokedStatus());
        assertThat(new StoreFixture(store).outbox()).isEqualTo(queued);
        assertThat(temp.resolve("profile").resolve(CredentialFile.NAME)).exists();
    }

    @Test
    void thePushChannelsSignedOutIsToldTheSameWay() throws Exception {
        signedInProfileWithANote(temp.resolve("profile"));
        open(temp.resolve("profile"), LISTENING);
        List<Outbox.Entry> queued = new StoreFixture(store).outbox();
        sync.start();

        server.channel.get(10, TimeUnit.SECONDS).closed(REVOKED);

        assertThat(sync.status()).isEqualTo(revokedStatus());
        assertThat(new StoreFixture(store).outbox()).isEqualTo(queued);
    }

    @Test
    void revokingAnotherDeviceKeepsThisOneSignedIn() {
        signedInProfileWithANote(temp.resolve("profile"));
        open(temp.resolve("profile"), MANUAL);

        boolean thisOne = sync.revokeDevice(ScriptedServer.OTHER_DEVICE);

        assertThat(thisOne).isFalse();
        assertThat(server.revoked).containsExactly(ScriptedServer.OTHER_DEVICE);
        assertThat(sync.status().account()).isEqualTo(new SyncStatus.Account(SERVER.toString(), "ana@example.org"));
        assertThat(sync.devices()).extracting(device -> device.revokedAt() != null).containsExactly(false, true);
    }

    @Test
    void revokingThisDeviceSignsItOutAndKeepsItsWork() {
        signedInProfileWithANote(temp.resolve("profile"));
        open(temp.resolve("profile"), MANUAL);
        List<Outbox.Entry> queued = new StoreFixture(store).outbox();

        boolean thisOne = sync.revokeDevice(store.identity().deviceId().value());

        assertThat(thisOne).isTrue();
        assertThat(server.revoked).containsExactly(store.identity().deviceId().value());
        assertThat(sync.status()).isEqualTo(new SyncStatus(null, SyncStatus.Connection.UNKNOWN,
                SyncStatus.Activity.NOT_SIGNED_IN, null, null, 0, 1, 0, 0, null, null, null));
        assertThat(temp.resolve("profile").resolve(CredentialFile.NAME)).doesNotExist();
        assertThat(new StoreFixture(store).outbox()).isEqualTo(queued);
    }

    @Test
    void aRevocationTheServerRefusesChangesNothingHere() {
        signedInProfileWithANote(temp.resolve("profile"));
        open(temp.resolve("profile"), MANUAL);
        server.failRequestsWith(REVOKED);

        assertThatThrownBy(() -> sync.revokeDevice(store.identity().deviceId().value())).isSameAs(REVOKED);

        assertThat(temp.resolve("profile").resolve(CredentialFile.NAME)).exists();
    }

    @Test
    void devicesNeedASignIn() {
        open(temp.resolve("profile"), MANUAL);

        assertThatThrownBy(sync::devices).isInstanceOfSatisfying(SyncFailure.class,
                failure -> assertThat(failure.kind()).isEqualTo(SyncFailure.Kind.SIGNED_OUT));
        assertThat(server.connections).hasValue(0);
    }

    /** A profile signed in as its own device, with a note queued (held: the scripted server has no course). */
    private Credentials signedInProfileWithANote(Path folder) {
        try (LocalStore original = LocalStore.openFile(folder, "default", clock)) {
            StoreFixture fixture = new StoreFixture(original);
            original.notes().create(fixture.learner(), fixture.course("SQL", 1, 1).lesson(0), "Keys identify rows", null,
                    OffsetDateTime.parse("2026-12-05T08:00:00Z")).orElseThrow();
            Credentials credentials = new Credentials(SERVER, ScriptedServer.USER, "ana@example.org", "Ana",
                    original.identity().deviceId().value(), "refresh-1", OffsetDateTime.parse("2027-03-05T09:00:00Z"));
            new CredentialFile(folder.resolve(CredentialFile.NAME)).save(credentials);
            return credentials;
        }
    }

    private void open(Path folder, SyncService.Schedule schedule) {
        store = LocalStore.openFile(folder, "default", clock);
        sync = new SyncService(store, new CredentialFile(folder.resolve(CredentialFile.NAME)), server,
                new Installation("Test laptop", "Linux", "test"), null, schedule, clock, new SplittableRandom(1));
    }

    private static SyncStatus revokedStatus() {
        return new SyncStatus(new SyncStatus.Account(SERVER.toString(), "ana@example.org"), SyncStatus.Connection.ONLINE,
                SyncStatus.Activity.NEEDS_ATTENTION, null, null, 0, 1, 0, 0, null, REVOKED.getMessage(), null);
    }

    private static <T> T waitFor(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
