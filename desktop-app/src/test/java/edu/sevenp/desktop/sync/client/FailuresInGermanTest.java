package edu.sevenp.desktop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncFailure.Kind;
import edu.sevenp.model.json.JsonMapperFactory;
import java.net.ConnectException;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sync failures a learner meets most are in the learner's language: the player sets the default locale to it
 * before the engine starts, and the words are read from the sync package's bundle when a failure is made.
 */
class FailuresInGermanTest {

    private final ObjectMapper json = JsonMapperFactory.create();
    private Locale before;

    @BeforeEach
    void german() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void anUnreachableServerIsToldInGerman() {
        SyncFailure failure = Failures.ofIo("https://sync.example.org", new ConnectException("Connection refused"));

        assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(failure.getMessage()).isEqualTo("Der Server https://sync.example.org ist nicht erreichbar: Dieser"
                + " Computer scheint offline zu sein, oder der Server ist nicht in Betrieb. Ihre Arbeit bleibt erhalten"
                + " und wird gesendet, sobald er erreichbar ist.");
    }

    @Test
    void aWrongPasswordIsToldInGermanNotInTheServersEnglish() {
        SyncFailure failure = Failures.ofAnswer(401,
                "{\"error\":\"invalid_credentials\",\"message\":\"The e-mail address or the password is wrong.\"}",
                Optional.empty(), json);

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_CREDENTIALS);
        assertThat(failure.getMessage()).isEqualTo("Die E-Mail-Adresse oder das Passwort ist falsch.");
    }

    @Test
    void aRevokedDeviceIsToldInGerman() {
        SyncFailure failure = Failures.ofAnswer(401, "{\"error\":\"device_revoked\",\"message\":\"revoked\"}",
                Optional.empty(), json);

        assertThat(failure.kind()).isEqualTo(Kind.DEVICE_REVOKED);
        assertThat(failure.getMessage()).startsWith("Dieser Computer wurde vom Konto abgemeldet")
                .endsWith("melden Sie sich erneut an, um es zu synchronisieren.");
    }

    @Test
    void inEnglishAWrongPasswordReadsAsTheServerSaidIt() {
        Locale.setDefault(Locale.ENGLISH);

        SyncFailure failure = Failures.ofAnswer(401, "{\"error\":\"invalid_credentials\",\"message\":\"whatever\"}",
                Optional.empty(), json);

        assertThat(failure.getMessage()).isEqualTo("The e-mail address or the password is wrong.");
    }
}
