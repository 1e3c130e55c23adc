package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.StoreInUseException;
import edu.sevenp.desktop.sync.SyncFailure;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The exit codes are a contract with scripts: these numbers are in docs/operations.md and must never move. */
class ExitCodeTest {

    @Test
    void theNumbersAreTheDocumentedOnes() {
        Map<ExitCode, Integer> numbers = Arrays.stream(ExitCode.values())
                .collect(Collectors.toMap(code -> code, ExitCode::code, (a, b) -> a, () -> new EnumMap<>(ExitCode.class)));

        assertThat(numbers).isEqualTo(new EnumMap<>(Map.of(ExitCode.OK, 0, ExitCode.FAILURE, 1, ExitCode.USAGE, 2,
                ExitCode.NOT_SIGNED_IN, 3, ExitCode.SIGN_IN_REFUSED, 4, ExitCode.RETRY_LATER, 5,
                ExitCode.PROTOCOL_MISMATCH, 6, ExitCode.PROFILE_IN_USE, 7)));
    }

    @Test
    void everyKindOfSyncFailureHasItsCode() {
        Map<SyncFailure.Kind, ExitCode> codes = new LinkedHashMap<>();
        for (SyncFailure.Kind kind : SyncFailure.Kind.values()) {
            codes.put(kind, ExitCode.of(SyncFailure.of(kind, "words")));
        }

        assertThat(codes).isEqualTo(Map.ofEntries(
                Map.entry(SyncFailure.Kind.UNREACHABLE, ExitCode.RETRY_LATER),
                Map.entry(SyncFailure.Kind.NETWORK, ExitCode.RETRY_LATER),
                Map.entry(SyncFailure.Kind.SERVER_BUSY, ExitCode.RETRY_LATER),
                Map.entry(SyncFailure.Kind.SIGNED_OUT, ExitCode.SIGN_IN_REFUSED),
                Map.entry(SyncFailure.Kind.DEVICE_REVOKED, ExitCode.SIGN_IN_REFUSED),
                Map.entry(SyncFailure.Kind.ACCOUNT_SUSPENDED, ExitCode.SIGN_IN_REFUSED),
                Map.entry(SyncFailure.Kind.DEVICE_TAKEN, ExitCode.SIGN_IN_REFUSED),
                Map.entry(SyncFailure.Kind.SEQUENCE_REUSED, ExitCode.NOT_SIGNED_IN),
                Map.entry(SyncFailure.Kind.INVALID_CREDENTIALS, ExitCode.SIGN_IN_REFUSED),
                Map.entry(SyncFailure.Kind.PROTOCOL_MISMATCH, ExitCode.PROTOCOL_MISMATCH),
                Map.entry(SyncFailure.Kind.REFUSED, ExitCode.FAILURE)));
    }

    @Test
    void aProfileInUseAndAnythingElseAreToldApart() {
        assertThat(ExitCode.of(new StoreInUseException("open elsewhere", null))).isEqualTo(ExitCode.PROFILE_IN_USE);
        assertThat(ExitCode.of(new IllegalStateException("a fault"))).isEqualTo(ExitCode.FAILURE);
    }

    @Test
    void theHelpListsEveryCode() {
        for (ExitCode code : ExitCode.values()) {
            assertThat(LaunchOptions.USAGE).as(code.name()).containsPattern("(?m)[ ]" + code.code() + " [a-z]");
        }
    }
}
