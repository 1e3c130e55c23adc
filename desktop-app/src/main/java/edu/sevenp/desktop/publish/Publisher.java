package edu.sevenp.desktop.publish;

import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.coursepackage.InvalidPackageException;
import edu.sevenp.coursepackage.ManifestModel;
import edu.sevenp.coursepackage.PackagePurpose;
import edu.sevenp.coursepackage.PackageRoot;
import edu.sevenp.coursepackage.readiness.ReadinessCheck;
import edu.sevenp.coursepackage.readiness.ReadinessReport;
import edu.sevenp.desktop.sync.Cancellation;
import edu.sevenp.desktop.sync.CoursePublishing;
import edu.sevenp.desktop.sync.PublishVerdict;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.desktop.sync.UploadProgress;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Publishing a course package from a preview (issue 11), without JavaFX: the package checked by the server's rules
 * ({@link PackagePurpose#PUBLISH}: graded quizzes carry their answer keys), a folder packed into a temporary
 * {@code .zip} (a {@code .zip} is sent as it is), and sent as the signed-in account of the profile whose window opened
 * the preview. A preview opened alone ({@code --preview}) has no profile, so no account to publish as. Every call
 * reads files or the network: call it off the UI thread.
 */
public final class Publisher {

    /**
     * A package checked before it is sent.
     *
     * @param headline the course's id, title and version, when the package has no errors
     */
    public record Check(ReadinessReport report, Optional<ManifestModel.Headline> headline) {
        public Check {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(headline, "headline");
        }
    }

    private final Optional<CoursePublishing> publishing;
    private final ReadinessCheck readiness = new ReadinessCheck(JsonMapperFactory.createStrict());
    private final CoursePackageReader reader = new CoursePackageReader(JsonMapperFactory.createStrict());

    private Publisher(Optional<CoursePublishing> publishing) {
        this.publishing = publishing;
    }

    /** Publishes as the account {@code publishing} is signed in with (a profile's sync engine's). */
    public static Publisher as(CoursePublishing publishing) {
        return new Publisher(Optional.of(Objects.requireNonNull(publishing, "publishing")));
    }

    /** A preview with no profile behind it: it checks packages, but has no account to publish them as. */
    public static Publisher withoutProfile() {
        return new Publisher(Optional.empty());
    }

    /** Whether a profile stands behind the preview (one that may sign in). */
    public boolean hasProfile() {
        return publishing.isPresent();
    }

    /** The server and account a package would go to; empty when not signed in (or no profile). */
    public Optional<SyncStatus.Account> account() {
        return publishing.flatMap(CoursePublishing::account);
    }

    /** The package's readiness by the server's rules, and its headline when it has no errors. */
    public Check check(Path location) throws IOException {
        ReadinessReport report = readiness.check(location, PackagePurpose.PUBLISH);
        if (!report.ready()) {
            return new Check(report, Optional.empty());
        }
        try (PackageRoot root = PackageRoot.open(location);
                InputStream manifest = Files.newInputStream(root.root().resolve(PackageRoot.MANIFEST))) {
            return new Check(report, Optional.of(reader.readHeadlineUnchecked(manifest)));
        } catch (InvalidPackageException e) {
            // Checked clean a moment ago: the files changed since (a save, a folder moved away).
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Asks the server whether the account may publish, before anything is packed or sent.
     *
     * @return the server's refusal (no instructor role), or empty when it may
     * @throws SyncFailure when not signed in, or the server cannot be reached
     */
    public Optional<PublishVerdict.Refused> mayPublish() {
        return signedIn().mayPublish();
    }

    /**
     * Sends the package at {@code location} (a folder, packed first, or a {@code .zip}) and answers the server's
     * verdict. The temporary {@code .zip} is deleted however it ends; the package itself is only read.
     *
     * @throws java.util.concurrent.CancellationException when cancelled before the server answered
     * @throws SyncFailure when not signed in, or the server cannot be reached
     */
    public PublishVerdict publish(Path location, String summary, UploadProgress progress, Cancellation cancellation)
            throws IOException {
        CoursePublishing account = signedIn();
        if (!Files.isDirectory(location)) {
            return account.publish(location, summary, progress, cancellation);
        }
        Path zip = Files.createTempFile("sevenp-publish-", ".zip");
        try {
            PackageZip.write(location, zip);
            if (cancellation.cancelled()) {
                throw new CancellationException("cancelled while packing");
            }
            return account.publish(zip, summary, progress, cancellation);
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    private CoursePublishing signedIn() {
        return publishing.orElseThrow(() -> SyncFailure.of(SyncFailure.Kind.SIGNED_OUT,
                "This preview was opened without a profile, so there is no account to publish as."));
    }
}
