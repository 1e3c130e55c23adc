package edu.sevenp.desktop.sync.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.failure.FailureWords;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncFailure.Kind;
import edu.sevenp.model.protocol.ApiError;
import edu.sevenp.model.protocol.ProtocolVersion;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Turns what went wrong on the wire into a {@link SyncFailure} with words a learner can act on. */
final class Failures {

    /** The learner's words, in the bundle of the sync package (read in the default locale when a failure is made). */
    private static final FailureWords WORDS = FailureWords.of(SyncFailure.class);

    /** What the learner is told by a server that makes no accounts itself. */
    static String registrationClosed() {
        return WORDS.text("registrationClosed");
    }

    private Failures() {
    }

    static SyncFailure ofIo(String server, IOException e) {
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException
                || connectTimeout(e)) {
            return new SyncFailure(Kind.UNREACHABLE, null, WORDS.text("unreachable", server), null, e);
        }
        // The socket's own words ("Connection reset", a class name) go to the log with the cause.
        return new SyncFailure(Kind.NETWORK, null, WORDS.text("network"), null, e);
    }

    /** An error answer: the body is the protocol's error JSON when the server wrote it, anything otherwise. */
    static SyncFailure ofAnswer(int status, String body, Optional<String> retryAfterHeader, ObjectMapper json) {
        ApiError error = read(body, json);
        String code = error == null ? null : error.error();
        String message = error == null || error.message() == null ? WORDS.text("serverAnswered", status) : error.message();
        Duration retryAfter = retryAfter(error, retryAfterHeader);
        if (status == 426 || "unsupported_protocol_version".equals(code)) {
            String supported = error != null && error.supported() != null
                    ? WORDS.text("protocolRange", error.supported().min(), error.supported().max())
                    : WORDS.text("protocolOther");
            return new SyncFailure(Kind.PROTOCOL_MISMATCH, code, WORDS.text("protocolMismatch", ProtocolVersion.CURRENT,
                    supported), null, null);
        }
        if (status == 429 || status >= 500) {
            return new SyncFailure(Kind.SERVER_BUSY, code, WORDS.text("serverBusy", message), retryAfter, null);
        }
        if (code != null) {
            switch (code) {
                case "device_revoked":
                    return new SyncFailure(Kind.DEVICE_REVOKED, code, WORDS.text("deviceRevoked"), null, null);
                case "account_suspended":
                    return new SyncFailure(Kind.ACCOUNT_SUSPENDED, code, WORDS.text("accountSuspended"), null, null);
                case "refresh_token_invalid", "refresh_token_reused", "unauthenticated", "token_invalid":
                    return new SyncFailure(Kind.SIGNED_OUT, code, WORDS.text("signInAgain", message), null, null);
                case "device_taken":
                    return new SyncFailure(Kind.DEVICE_TAKEN, code, message, null, null);
                case "sequence_reused":
                    return new SyncFailure(Kind.SEQUENCE_REUSED, code, message, null, null);
                case "invalid_credentials":
                    // Our own words rather than the server's, so that they are in the learner's language.
                    return new SyncFailure(Kind.INVALID_CREDENTIALS, code, WORDS.text("wrongPassword"), null, null);
                default:
                    break;
            }
        }
        String field = error == null ? null : error.field();
        return new SyncFailure(Kind.REFUSED, code, field, field != null ? WORDS.text("refusedField", message, field)
                : WORDS.text("refused", message), null, null);
    }

    /**
     * A refused registration in words that say what to change (docs/sync-protocol.md, {@code POST /auth/register}): the
     * address is taken, the server takes no registrations, or a field breaks its rule. Other failures stay as they are.
     */
    static SyncFailure ofRegistration(SyncFailure refused, String email) {
        if (refused.kind() != Kind.REFUSED || refused.code().isEmpty()) {
            return refused;
        }
        String words = switch (refused.code().get()) {
            case "email_taken" -> WORDS.text("emailTaken", email);
            case "forbidden" -> registrationClosed();
            case "validation_failed", "missing_field" -> switch (refused.field().orElse("")) {
                case "email" -> WORDS.text("invalidEmail");
                case "password" -> WORDS.text("invalidPassword");
                case "name" -> WORDS.text("invalidName");
                default -> null;
            };
            default -> null;
        };
        return words == null ? refused
                : new SyncFailure(Kind.REFUSED, refused.code().get(), refused.field().orElse(null), words, null, refused);
    }


    /** The codes that concern the account or this device, whatever the request was: the engine acts on them itself. */
    private static final Set<String> ACCOUNT_CODES = Set.of("device_revoked", "account_suspended",
            "refresh_token_invalid", "refresh_token_reused", "unauthenticated", "token_invalid", "token_expired",
            "device_taken", "sequence_reused", "invalid_credentials", "unsupported_protocol_version");

    /**
     * Whether an error answer to a publication is the server's verdict on it (the package, the course, the account's
     * role) rather than a failure of the exchange: a 4xx but 401, 426 and 429, about anything but the sign-in.
     */
    static boolean aboutThePublication(int status, String code) {
        return status >= 400 && status < 500 && status != 401 && status != 426 && status != 429
                && !ACCOUNT_CODES.contains(code);
    }

    static ApiError read(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readValue(body, ApiError.class);
        } catch (IOException e) {
            // Not the server's error JSON (a proxy's page, a cut body): the status alone has to do.
            return null;
        }
    }

    private static Duration retryAfter(ApiError error, Optional<String> header) {
        if (error != null && error.retryAfterSeconds() != null) {
            return Duration.ofSeconds(error.retryAfterSeconds());
        }
        return header.flatMap(Failures::seconds).map(Duration::ofSeconds).orElse(null);
    }

    private static Optional<Long> seconds(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            // Retry-After may be an HTTP date; the engine's own backoff does without it.
            return Optional.empty();
        }
    }

    private static boolean connectTimeout(IOException e) {
        return e instanceof InterruptedIOException && e.getMessage() != null && e.getMessage().contains("connect");
    }
}
