package edu.sevenp.desktop.sync;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Publishing course packages as the profile's signed-in account (docs/sync-protocol.md, section 11). Each call is one
 * request on the caller's thread, beside any sync, never on the UI's.
 */
public final class CoursePublishing {

    private final Supplier<SyncApi> api;
    private final Supplier<Optional<SyncStatus.Account>> account;

    /**
     * @param api the signed-in client, or a {@code SIGNED_OUT} failure
     * @param account who is signed in, where, as far as this computer knows
     */
    CoursePublishing(Supplier<SyncApi> api, Supplier<Optional<SyncStatus.Account>> account) {
        this.api = Objects.requireNonNull(api, "api");
        this.account = Objects.requireNonNull(account, "account");
    }

    /** The server and account a package would be published to; empty when the profile is not signed in. */
    public Optional<SyncStatus.Account> account() {
        return account.get();
    }

    /**
     * Asks the server whether the account may publish, before anything is uploaded: the instructor's own courses
     * ({@code GET /instructor/courses}) are refused with {@code role_required} exactly when publishing would be.
     *
     * @return the server's refusal, or empty when the account may publish
     * @throws SyncFailure when the server cannot be reached or the sign-in has ended
     */
    public Optional<PublishVerdict.Refused> mayPublish() {
        try {
            api.get().instructorCourses();
            return Optional.empty();
        } catch (SyncFailure failure) {
            if (failure.code().filter("role_required"::equals).isPresent()) {
                return Optional.of(new PublishVerdict.Refused(403, "role_required", failure.getMessage(),
                        Optional.empty(), List.of()));
            }
            throw failure;
        }
    }

    /** Sends the package {@code zip} to the server: {@link SyncApi#publish}. */
    public PublishVerdict publish(Path zip, String summary, UploadProgress progress, Cancellation cancellation) {
        return api.get().publish(zip, summary, progress, cancellation);
    }
}
