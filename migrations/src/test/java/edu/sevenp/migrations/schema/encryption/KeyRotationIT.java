package edu.sevenp.migrations.schema.encryption;

import static edu.sevenp.migrations.schema.Sql.execute;
import static edu.sevenp.migrations.schema.Sql.list;
import static edu.sevenp.migrations.schema.Sql.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.SharedPostgres;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * V15's reencrypt_sensitive_data(): key rotation. Each test rotates a fresh database of its own, run
 * as the superuser, as the rotation procedure in docs/operations-backup.md says (a role that
 * row-level security does not restrict).
 */
@PostgresTest
class KeyRotationIT {

    private static final String OLD_KEY = "rotation-old-key-5d0c9b1e";
    private static final String NEW_KEY = "rotation-new-key-a83f27c4";

    private final SharedPostgres postgres;

    KeyRotationIT(SharedPostgres postgres) {
        this.postgres = postgres;
    }

    @Test
    void rotationReencryptsEveryEncryptedFieldOnce() throws Exception {
        try (TestDatabase database = postgres.newDatabase()) {
            DataSource admin = database.superuser();
            UUID user = newUserWithEverythingEncrypted(admin, OLD_KEY);
            newUser(admin);

            assertThat(rotate(admin, OLD_KEY, NEW_KEY)).containsExactly(
                    "users.phone_encrypted: 1", "users.date_of_birth_encrypted: 1", "user_addresses.encrypted_details: 1");
            assertThat(one(admin, "SELECT get_user_phone(?, ?)", String.class, user, NEW_KEY)).isEqualTo("+4915112345678");
        }
    }

    @Test
    void afterRotationEveryFieldOpensWithTheNewKey() throws Exception {
        try (TestDatabase database = postgres.newDatabase()) {
            DataSource admin = database.superuser();
            UUID user = newUserWithEverythingEncrypted(admin, OLD_KEY);

            rotate(admin, OLD_KEY, NEW_KEY);

            assertThat(List.of(
                    one(admin, "SELECT get_user_phone(?, ?)", String.class, user, NEW_KEY),
                    one(admin, "SELECT get_user_date_of_birth(?, ?)::text", String.class, user, NEW_KEY),
                    one(admin, "SELECT get_address_details(a.id, ?)::text FROM user_addresses a WHERE a.user_id = ?",
                            String.class, NEW_KEY, user)))
                    .containsExactly("+4915112345678", "1987-02-28", "{\"postal_code\": \"10115\"}");
        }
    }

    @Test
    void afterRotationTheOldKeyNoLongerOpensTheData() throws Exception {
        try (TestDatabase database = postgres.newDatabase()) {
            DataSource admin = database.superuser();
            UUID user = newUserWithEverythingEncrypted(admin, OLD_KEY);

            rotate(admin, OLD_KEY, NEW_KEY);

            assertThatThrownBy(() -> one(admin, "SELECT get_user_phone(?, ?)", String.class, user, OLD_KEY))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("39000"));
        }
    }

    @Test
    void aRepeatedRotationReencryptsNothing() throws Exception {
        try (TestDatabase database = postgres.newDatabase()) {
            DataSource admin = database.superuser();
            newUserWithEverythingEncrypted(admin, OLD_KEY);
            rotate(admin, OLD_KEY, NEW_KEY);

            assertThat(rotate(admin, OLD_KEY, NEW_KEY)).containsExactly(
                    "users.phone_encrypted: 0", "users.date_of_birth_encrypted: 0", "user_addresses.encrypted_details: 0");
        }
    }

    @Test
    void aValueUnderNeitherKeyStopsTheRotationWithNothingChanged() throws Exception {
        try (TestDatabase database = postgres.newDatabase()) {
            DataSource admin = database.superuser();
            UUID rotatable = newUserWithEverythingEncrypted(admin, OLD_KEY);
            UUID stranger = newUser(admin);
            execute(admin, "SELECT set_user_phone(?, ?, ?)", stranger, "+4930123456", "some-third-key-0f9e8d7c");

            assertThatThrownBy(() -> rotate(admin, OLD_KEY, NEW_KEY))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("39000"))
                    .hasMessageContaining("users.phone_encrypted of row " + stranger + " opens with neither the old nor the new key");
            assertThat(one(admin, "SELECT get_user_phone(?, ?)", String.class, rotatable, OLD_KEY)).isEqualTo("+4915112345678");
        }
    }

    @Test
    void rotationRefusesToRunWhereRowLevelSecurityCouldHideRows() throws Exception {
        try (TestDatabase database = postgres.newDatabase()) {
            newUserWithEverythingEncrypted(database.superuser(), OLD_KEY);
            // What the row-level security migration does to every table: forced, with a read-only
            // policy for the owner, under which an UPDATE of the owner would silently match nothing.
            execute(database.superuser(), "ALTER TABLE users ENABLE ROW LEVEL SECURITY");
            execute(database.superuser(), "ALTER TABLE users FORCE ROW LEVEL SECURITY");
            execute(database.superuser(), "CREATE POLICY rotation_test_owner_reads ON users FOR SELECT TO sevenp_owner USING (true)");

            assertThatThrownBy(() -> rotate(database.owner(), OLD_KEY, NEW_KEY))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
                    .hasMessageContaining("row-level security applies to sevenp_owner");
        }
    }

    @Test
    void theSameKeyTwiceIsRejected() throws Exception {
        try (TestDatabase database = postgres.newDatabase()) {
            assertThatThrownBy(() -> rotate(database.superuser(), OLD_KEY, OLD_KEY))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22023"))
                    .hasMessageContaining("the old and the new key must be given and differ");
        }
    }

    private static List<String> rotate(DataSource dataSource, String oldKey, String newKey) throws SQLException {
        return list(dataSource, "SELECT table_name, column_name, values_reencrypted FROM reencrypt_sensitive_data(?, ?)",
                row -> row.getString(1) + "." + row.getString(2) + ": " + row.getLong(3), oldKey, newKey);
    }

    private static UUID newUserWithEverythingEncrypted(DataSource admin, String key) throws SQLException {
        UUID user = newUser(admin);
        UUID address = UUID.randomUUID();
        execute(admin, "INSERT INTO user_addresses (id, user_id, type) VALUES (?, ?, 'billing')", address, user);
        execute(admin, "SELECT set_user_phone(?, ?, ?)", user, "+4915112345678", key);
        execute(admin, "SELECT set_user_date_of_birth(?, ?, ?)", user, LocalDate.of(1987, 2, 28), key);
        execute(admin, "SELECT set_address_details(?, ?::jsonb, ?)", address, "{\"postal_code\": \"10115\"}", key);
        return user;
    }

    private static UUID newUser(DataSource admin) throws SQLException {
        UUID id = UUID.randomUUID();
        execute(admin, "INSERT INTO users (id, email, name) VALUES (?, ?, 'Rotation Tester')", id, id + "@example.org");
        return id;
    }
}
