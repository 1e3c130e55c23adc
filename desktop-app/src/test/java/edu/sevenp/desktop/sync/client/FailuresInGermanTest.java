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

    @Test
    void aBrokenConnectionIsToldInGerman() {
        SyncFailure failure = Failures.ofIo("https://sync.example.org", new java.io.IOException("Connection reset"));

        assertThat(failure.kind()).isEqualTo(Kind.NETWORK);
        assertThat(failure.getMessage()).isEqualTo("Die Verbindung zum Server ist abgebrochen; gleich wird es erneut"
                + " versucht.");
    }

    @Test
    void anOtherProtocolABusyServerAndASuspendedAccountAreToldInGerman() {
        assertThat(Failures.ofAnswer(426, "{\"error\":\"unsupported_protocol_version\",\"message\":\"no\","
                + "\"supported\":{\"min\":2,\"max\":3}}", Optional.empty(), json).getMessage())
                .isEqualTo("Diese App spricht das Sync-Protokoll 1 und der Server 2 bis 3; aktualisieren Sie die App oder"
                        + " den Server. Es wurde nichts synchronisiert, und hier geht nichts verloren.");
        assertThat(Failures.ofAnswer(503, "", Optional.empty(), json).getMessage())
                .isEqualTo("Der Server kann das gerade nicht annehmen (der Server antwortete mit 503); gleich wird es"
                        + " erneut versucht.");
        assertThat(Failures.ofAnswer(403, "{\"error\":\"account_suspended\",\"message\":\"suspended\"}",
                Optional.empty(), json).getMessage())
                .isEqualTo("Das Konto ist gesperrt; wenden Sie sich an einen Administrator. Alles hier bleibt erhalten.");
    }

    @Test
    void aRequestTheServerRefusedIsFramedInGermanWithTheServersWords() {
        SyncFailure failure = Failures.ofAnswer(400, "{\"error\":\"validation_failed\",\"message\":\"too long\","
                + "\"field\":\"title\"}", Optional.empty(), json);

        assertThat(failure.getMessage()).isEqualTo("Der Server hat die Anfrage abgelehnt: too long (title)");
    }

    @Test
    void aRefusedRegistrationSaysWhatToChangeInGerman() {
        assertThat(registration("email_taken", null)).isEqualTo("Für ana@example.org gibt es bereits ein Konto. Melden Sie"
                + " sich stattdessen damit an, oder verwenden Sie eine andere E-Mail-Adresse.");
        assertThat(registration("forbidden", null)).isEqualTo("Dieser Server nimmt keine neuen Konten an. Bitten Sie"
                + " seinen Administrator um eines und melden Sie sich dann an.");
        assertThat(registration("validation_failed", "email")).isEqualTo("Der Server nimmt diese E-Mail-Adresse nicht an."
                + " Geben Sie eine vollständige Adresse ein, etwa ana@example.org.");
        assertThat(registration("validation_failed", "password")).isEqualTo("Das Passwort muss 8 bis 200 Zeichen lang"
                + " sein und darf nicht nur aus Leerzeichen bestehen.");
        assertThat(registration("missing_field", "name")).isEqualTo("Geben Sie Ihren Namen ein, höchstens 100 Zeichen.");
    }

    private String registration(String code, String field) {
        SyncFailure refused = Failures.ofAnswer(code.equals("forbidden") ? 403 : 400, "{\"error\":\"" + code
                + "\",\"message\":\"server words\"" + (field == null ? "" : ",\"field\":\"" + field + "\"") + "}",
                Optional.empty(), json);
        return Failures.ofRegistration(refused, "ana@example.org").getMessage();
    }
}
