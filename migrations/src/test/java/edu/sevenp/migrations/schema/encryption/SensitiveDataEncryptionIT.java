package edu.sevenp.migrations.schema.encryption;

import static edu.sevenp.migrations.schema.Sql.execute;
import static edu.sevenp.migrations.schema.Sql.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.migrations.schema.Rejection;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * V15: the sensitive fields are encrypted with a key the server passes in, validated before they are
 * encrypted, and unreadable without that key.
 *
 * <p>The domain functions are called the way the server calls them, through {@link ActingUser}.
 */
@PostgresTest
class SensitiveDataEncryptionIT {

    static final String KEY = "test-key-7c1f0e6a9b2d4c85";
    private static final String OTHER_KEY = "test-key-other-31d9aa07e2";

    private final TestDatabase database;

    SensitiveDataEncryptionIT(TestDatabase database) {
        this.database = database;
    }

    @Test
    void phoneRoundTrips() throws Exception {
        UUID user = newUser();

        asUser(user, "SELECT set_user_phone(?, ?, ?)", user, "+4915112345678", KEY);

        assertThat(readAsUser(user, "SELECT get_user_phone(?, ?)", String.class, user, KEY)).isEqualTo("+4915112345678");
    }

    @Test
    void dateOfBirthRoundTrips() throws Exception {
        UUID user = newUser();

        asUser(user, "SELECT set_user_date_of_birth(?, ?, ?)", user, LocalDate.of(1987, 2, 28), KEY);

        assertThat(readAsUser(user, "SELECT get_user_date_of_birth(?, ?)", LocalDate.class, user, KEY))
                .isEqualTo(LocalDate.of(1987, 2, 28));
    }

    @Test
    void addressDetailsRoundTrip() throws Exception {
        UUID user = newUser();
        UUID address = newAddress(user);

        asUser(user, "SELECT set_address_details(?, ?::jsonb, ?)", address,
                "{\"street_address\": \"Invalidenstraße 117\", \"postal_code\": \"10115\"}", KEY);

        assertThat(readAsUser(user, "SELECT get_address_details(?, ?)::text", String.class, address, KEY))
                .isEqualTo("{\"postal_code\": \"10115\", \"street_address\": \"Invalidenstraße 117\"}");
    }

    @Test
    void storedBytesDoNotContainThePlaintext() throws Exception {
        UUID user = newUser();
        UUID address = newAddress(user);
        asUser(user, "SELECT set_user_phone(?, ?, ?)", user, "+4915112345678", KEY);
        asUser(user, "SELECT set_user_date_of_birth(?, ?, ?)", user, LocalDate.of(1987, 2, 28), KEY);
        asUser(user, "SELECT set_address_details(?, ?::jsonb, ?)", address, "{\"street_address\": \"Invalidenstraße 117\"}", KEY);

        List<byte[]> stored = List.of(
                one(database.superuser(), "SELECT phone_encrypted FROM users WHERE id = ?", byte[].class, user),
                one(database.superuser(), "SELECT date_of_birth_encrypted FROM users WHERE id = ?", byte[].class, user),
                one(database.superuser(), "SELECT encrypted_details FROM user_addresses WHERE id = ?", byte[].class, address));

        assertThat(stored).allSatisfy(bytes -> assertThat(bytes).isNotEmpty());
        assertThat(contains(stored.get(0), "4915112345678")).isFalse();
        assertThat(contains(stored.get(1), "1987")).isFalse();
        assertThat(contains(stored.get(2), "Invalidenstra")).isFalse();
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTime() throws Exception {
        UUID first = newUser();
        UUID second = newUser();

        asUser(first, "SELECT set_user_phone(?, ?, ?)", first, "+4915112345678", KEY);
        asUser(second, "SELECT set_user_phone(?, ?, ?)", second, "+4915112345678", KEY);

        assertThat(one(database.superuser(),
                "SELECT a.phone_encrypted = b.phone_encrypted FROM users a, users b WHERE a.id = ? AND b.id = ?",
                Boolean.class, first, second)).isFalse();
    }

    @Test
    void aWrongKeyRaisesAClearErrorInsteadOfGarbage() throws Exception {
        UUID user = newUser();
        asUser(user, "SELECT set_user_phone(?, ?, ?)", user, "+4915112345678", KEY);

        assertThatThrownBy(() -> readAsUser(user, "SELECT get_user_phone(?, ?)", String.class, user, OTHER_KEY))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("39000"))
                .hasMessageContaining("cannot decrypt: wrong encryption key or corrupted ciphertext");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short-key", "0123456789abcde"})
    void aMissingOrShortKeyIsRejected(String key) throws Exception {
        UUID user = newUser();

        assertThatThrownBy(() -> asUser(user, "SELECT set_user_phone(?, ?, ?)", user, "+4915112345678", key))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22023"))
                .hasMessageContaining("encryption key missing or of the wrong length");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+4915112345678", "4915112345678", "+12", "+123456789012345", "19"})
    void phoneNumbersInTheSeedsFormatAreAccepted(String phone) throws Exception {
        UUID user = newUser();

        asUser(user, "SELECT set_user_phone(?, ?, ?)", user, phone, KEY);

        assertThat(readAsUser(user, "SELECT get_user_phone(?, ?)", String.class, user, KEY)).isEqualTo(phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "+1", "1", "01511234567", "+0151123456", "+1234567890123456", "+49 151 12345678",
        "0151-1234567", "phone", "++4915112345678", "+49151123456a", "+４９１５１１２３４５６"})
    void phoneNumbersOutsideTheSeedsFormatAreRejected(String phone) throws Exception {
        UUID user = newUser();

        assertThatThrownBy(() -> asUser(user, "SELECT set_user_phone(?, ?, ?)", user, phone, KEY))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"))
                .hasMessageContaining("invalid phone number");
    }

    @Test
    void aRejectedPhoneNumberIsNotRepeatedInTheMessage() throws Exception {
        UUID user = newUser();

        assertThatThrownBy(() -> asUser(user, "SELECT set_user_phone(?, ?, ?)", user, "0049 171 555 0199", KEY))
                .isInstanceOf(SQLException.class)
                .hasMessageNotContaining("555");
    }

    @Test
    void nullClearsThePhone() throws Exception {
        UUID user = newUser();
        asUser(user, "SELECT set_user_phone(?, ?, ?)", user, "+4915112345678", KEY);

        asUser(user, "SELECT set_user_phone(?, NULL, ?)", user, KEY);

        assertThat(one(database.superuser(), "SELECT phone_encrypted IS NULL FROM users WHERE id = ?", Boolean.class, user)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1900-01-01", "2000-02-29", "today"})
    void datesOfBirthFrom1900ThroughTodayAreAccepted(String date) throws Exception {
        UUID user = newUser();
        LocalDate dateOfBirth = date.equals("today") ? databaseToday() : LocalDate.parse(date);

        asUser(user, "SELECT set_user_date_of_birth(?, ?, ?)", user, dateOfBirth, KEY);

        assertThat(readAsUser(user, "SELECT get_user_date_of_birth(?, ?)", LocalDate.class, user, KEY)).isEqualTo(dateOfBirth);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1899-12-31", "0001-01-01", "tomorrow"})
    void datesOfBirthBefore1900OrInTheFutureAreRejected(String date) throws Exception {
        UUID user = newUser();
        LocalDate dateOfBirth = date.equals("tomorrow") ? databaseToday().plusDays(1) : LocalDate.parse(date);

        assertThatThrownBy(() -> asUser(user, "SELECT set_user_date_of_birth(?, ?, ?)", user, dateOfBirth, KEY))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"))
                .hasMessageContaining("invalid date of birth: must lie between 1900-01-01 and today");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'[\"Main St 1\"]'                                      | expected a JSON object",
        "'{}'                                                  | expected a JSON object",
        "'{\"street\": \"Main St 1\"}'                         | unknown key \"street\"",
        "'{\"street_address\": 17}'                            | street_address must be a non-blank string of at most 255 characters",
        "'{\"street_address\": \"   \"}'                       | street_address must be a non-blank string of at most 255 characters",
        "'{\"postal_code\": \"123456789012345678901\"}'        | postal_code must be a non-blank string of at most 20 characters",
        "'{\"postal_code\": null}'                             | postal_code must be a non-blank string of at most 20 characters",
    })
    void addressDetailsOutsideTheirShapeAreRejected(String details, String message) throws Exception {
        UUID user = newUser();
        UUID address = newAddress(user);

        assertThatThrownBy(() -> asUser(user, "SELECT set_address_details(?, ?::jsonb, ?)", address, details, KEY))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"))
                .hasMessageContaining("invalid address details: " + message);
    }

    @Test
    void aLongStreetAddressWithinTheLimitIsAccepted() throws Exception {
        UUID user = newUser();
        UUID address = newAddress(user);
        String street = "x".repeat(255);

        asUser(user, "SELECT set_address_details(?, jsonb_build_object('street_address', ?::text), ?)", address, street, KEY);

        assertThat(readAsUser(user, "SELECT get_address_details(?, ?) ->> 'street_address'", String.class, address, KEY))
                .isEqualTo(street);
    }

    @Test
    void anUnknownUserIsReportedAsNotFound() throws Exception {
        UUID acting = newUser();
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> asUser(acting, "SELECT set_user_phone(?, ?, ?)", unknown, "+4915112345678", KEY))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("P0002"))
                .hasMessageContaining("user " + unknown + " not found");
    }

    @Test
    void aRejectedPhoneNumberNamesTheValidPhoneRule() throws Exception {
        UUID user = newUser();

        Rejection rejection = Rejection.of(() -> asUser(user, "SELECT set_user_phone(?, ?, ?)", user, "0151-1234567", KEY));

        assertThat(rejection).isEqualTo(Rejection.check("valid_phone"));
    }

    /** V17: the setters write as their owner, so they check who is asking themselves. */
    @Test
    void aUserCannotSetAnotherUsersPhone() throws Exception {
        UUID acting = newUser();
        UUID other = newUser();

        // As under V15's row-level security: another user's row is one the caller cannot find.
        assertThatThrownBy(() -> asUser(acting, "SELECT set_user_phone(?, ?, ?)", other, "+4915112345678", KEY))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("P0002"))
                .hasMessageContaining("user " + other + " not found");
        assertThat(storedPhone(other)).isNull();
    }

    @Test
    void aUserCannotSetAnotherUsersDateOfBirthOrAddressDetails() throws Exception {
        UUID acting = newUser();
        UUID other = newUser();
        UUID othersAddress = newAddress(other);

        assertThatThrownBy(() -> asUser(acting, "SELECT set_user_date_of_birth(?, ?, ?)", other, LocalDate.of(1987, 2, 28), KEY))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("P0002"));
        assertThatThrownBy(() -> asUser(acting, "SELECT set_address_details(?, ?::jsonb, ?)", othersAddress,
                "{\"postal_code\": \"10115\"}", KEY))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("P0002"))
                .hasMessageContaining("address " + othersAddress + " not found");
        assertThat(one(database.superuser(), """
                SELECT u.date_of_birth_encrypted IS NULL AND a.encrypted_details IS NULL
                FROM users u JOIN user_addresses a ON a.user_id = u.id WHERE a.id = ?""", Boolean.class, othersAddress))
                .isTrue();
    }

    @Test
    void anAnonymousRequestSetsNobodysPhone() throws Exception {
        UUID user = newUser();

        assertThatThrownBy(() -> execute(database.request(), "SELECT set_user_phone(?, ?, ?)", user, "+4915112345678", KEY))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("P0002"));
        assertThat(storedPhone(user)).isNull();
    }

    @Test
    void anAdministratorSetsAnotherUsersPersonalData() throws Exception {
        UUID admin = newUser();
        execute(database.superuser(), "INSERT INTO user_roles (user_id, role_id) SELECT ?, id FROM roles WHERE name = 'admin'",
                admin);
        UUID user = newUser();
        UUID address = newAddress(user);

        asUser(admin, "SELECT set_user_phone(?, ?, ?)", user, "+4915112345678", KEY);
        asUser(admin, "SELECT set_user_date_of_birth(?, ?, ?)", user, LocalDate.of(1987, 2, 28), KEY);
        asUser(admin, "SELECT set_address_details(?, ?::jsonb, ?)", address, "{\"postal_code\": \"10115\"}", KEY);

        assertThat(readAsUser(user, "SELECT get_user_phone(?, ?)", String.class, user, KEY)).isEqualTo("+4915112345678");
        assertThat(readAsUser(user, "SELECT get_user_date_of_birth(?, ?)", LocalDate.class, user, KEY))
                .isEqualTo(LocalDate.of(1987, 2, 28));
        assertThat(readAsUser(user, "SELECT get_address_details(?, ?) ->> 'postal_code'", String.class, address, KEY))
                .isEqualTo("10115");
    }

    @Test
    void aUserCannotReadAnotherUsersPhone() throws Exception {
        UUID acting = newUser();
        UUID other = newUser();
        asUser(other, "SELECT set_user_phone(?, ?, ?)", other, "+4915112345678", KEY);

        assertThatThrownBy(() -> readAsUser(acting, "SELECT get_user_phone(?, ?)", String.class, other, KEY))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("P0002"));
    }

    @Test
    void theSettersRunAsTheirOwnerWithAPinnedSearchPath() throws Exception {
        List<String> setters = List.of("set_user_phone(uuid, text, text)", "set_user_date_of_birth(uuid, date, text)",
                "set_address_details(uuid, jsonb, text)");

        for (String setter : setters) {
            assertThat(one(database.superuser(), """
                    SELECT prosecdef AND 'search_path=pg_catalog, public, pg_temp' = ANY (proconfig)
                    FROM pg_proc WHERE oid = ?::regprocedure""", Boolean.class, setter)).as(setter).isTrue();
        }
    }

    @Test
    void theRequestRoleMayCallTheDomainFunctionsButNotTheRotation() throws Exception {
        List<String> functions = List.of("set_user_phone(uuid, text, text)", "get_user_phone(uuid, text)",
                "set_user_date_of_birth(uuid, date, text)", "get_user_date_of_birth(uuid, text)",
                "set_address_details(uuid, jsonb, text)", "get_address_details(uuid, text)",
                "reencrypt_sensitive_data(text, text)");

        List<Boolean> executable = new ArrayList<>();
        for (String function : functions) {
            executable.add(one(database.superuser(), "SELECT has_function_privilege('sevenp_app', ?, 'EXECUTE')",
                    Boolean.class, function));
        }

        assertThat(executable).containsExactly(true, true, true, true, true, true, false);
    }

    @Test
    void theRequestRoleEncryptsThroughTheHelpersAlone() throws Exception {
        assertThat(one(database.request(), "SELECT decrypt_sensitive_data(encrypt_sensitive_data(?, ?), ?)", String.class,
                "secret", KEY, KEY)).isEqualTo("secret");
    }

    @Test
    void theRequestRoleCannotReachPgcryptoDirectly() {
        assertThatThrownBy(() -> one(database.request(), "SELECT extensions.pgp_sym_encrypt(?, ?)", byte[].class, "secret", KEY))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
                .hasMessageContaining("permission denied for schema extensions");
    }

    // ------------------------------------------------------------------------------------ helpers

    private void asUser(UUID user, String sql, Object... parameters) throws SQLException {
        new ActingUser(database, user).run(sql, parameters);
    }

    private <T> T readAsUser(UUID user, String sql, Class<T> type, Object... parameters) throws SQLException {
        return new ActingUser(database, user).read(sql, type, parameters);
    }

    private byte[] storedPhone(UUID user) throws SQLException {
        return one(database.superuser(), "SELECT phone_encrypted FROM users WHERE id = ?", byte[].class, user);
    }

    private UUID newUser() throws SQLException {
        UUID id = UUID.randomUUID();
        execute(database.superuser(), "INSERT INTO users (id, email, name) VALUES (?, ?, 'Encryption Tester')",
                id, id + "@example.org");
        return id;
    }

    private UUID newAddress(UUID user) throws SQLException {
        UUID id = UUID.randomUUID();
        execute(database.superuser(), "INSERT INTO user_addresses (id, user_id, type, city, country) VALUES (?, ?, 'home', 'Berlin', 'DE')",
                id, user);
        return id;
    }

    private LocalDate databaseToday() throws SQLException {
        return new ActingUser(database, UUID.randomUUID()).read("SELECT current_date", LocalDate.class);
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] target = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + target.length <= haystack.length; i++) {
            for (int j = 0; j < target.length; j++) {
                if (haystack[i + j] != target[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
