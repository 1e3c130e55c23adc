package edu.sevenp.migrations.schema.encryption;

import static edu.sevenp.migrations.schema.Sql.execute;
import static edu.sevenp.migrations.schema.Sql.list;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The encryption key never reaches the database (seed-review 18): after every encryption function
 * has been used with a distinctive key, that key is found in no setting, no function, no comment, no
 * session's query text and no text, JSON or binary column of any table. Two control tests show the
 * search finds a value that is there.
 */
@PostgresTest
class EncryptionKeyAbsenceIT {

    /**
     * Every place the search looks: server settings (pg_settings does not list custom placeholders
     * such as the seed's app.encryption_key, so configuration files and that name are searched too),
     * per-database and per-role settings, functions, comments, sessions, and every column.
     */
    private static final String SEARCH = """
            WITH needle AS (SELECT ?::text AS value)
            SELECT 'pg_settings ' || s.name FROM pg_settings s, needle
             WHERE strpos(concat_ws(' ', s.setting, s.reset_val, s.boot_val), needle.value) > 0
            UNION ALL
            SELECT 'pg_file_settings ' || f.name FROM pg_file_settings f, needle WHERE strpos(f.setting, needle.value) > 0
            UNION ALL
            SELECT 'current_setting app.encryption_key' FROM needle
             WHERE strpos(coalesce(current_setting('app.encryption_key', true), ''), needle.value) > 0
            UNION ALL
            SELECT 'pg_db_role_setting' FROM pg_db_role_setting d, needle
             WHERE strpos(array_to_string(d.setconfig, ' '), needle.value) > 0
            UNION ALL
            SELECT 'pg_proc ' || p.proname FROM pg_proc p, needle
             WHERE strpos(concat_ws(' ', p.prosrc, p.probin, array_to_string(p.proconfig, ' ')), needle.value) > 0
            UNION ALL
            SELECT 'pg_description' FROM pg_description d, needle WHERE strpos(d.description, needle.value) > 0
            UNION ALL
            SELECT 'pg_stat_activity ' || a.pid FROM pg_stat_activity a, needle WHERE strpos(a.query, needle.value) > 0
            UNION ALL
            SELECT format('%I.%I.%I', n.nspname, c.relname, a.attname)
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              CROSS JOIN needle
             WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
               AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
               AND a.atttypid IN ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype, 'name'::regtype,
                                  'json'::regtype, 'jsonb'::regtype, 'bytea'::regtype)
               AND (xpath('/row/n/text()', query_to_xml(format(
                     'SELECT count(*) AS n FROM %I.%I WHERE strpos(%s, %L) > 0',
                     n.nspname, c.relname,
                     CASE WHEN a.atttypid = 'bytea'::regtype THEN format('encode(%I, ''escape'')', a.attname)
                          ELSE format('%I::text', a.attname) END,
                     needle.value), false, true, '')))[1]::text::bigint > 0
            """;

    private final TestDatabase database;

    EncryptionKeyAbsenceIT(TestDatabase database) {
        this.database = database;
    }

    @Test
    void theKeysUsedForEncryptionAndRotationAreNowhereInTheDatabase() throws Exception {
        String key = "distinctive-key-" + UUID.randomUUID();
        String rotatedKey = "distinctive-rotated-key-" + UUID.randomUUID();
        useEveryEncryptionFunction(key, rotatedKey);

        assertThat(search(key)).isEmpty();
        assertThat(search(rotatedKey)).isEmpty();
    }

    @Test
    void theSearchFindsAValueInATextColumn() throws Exception {
        String marker = "canary-" + UUID.randomUUID();
        UUID user = newUser();
        execute(database.superuser(), "UPDATE users SET bio = ? WHERE id = ?", "My bio mentions " + marker, user);

        assertThat(search(marker)).containsExactly("public.users.bio");
    }

    @Test
    void theSearchFindsAValueInADatabaseSetting() throws Exception {
        String marker = "canary-" + UUID.randomUUID();
        try (Connection connection = database.superuser().getConnection()) {
            // ALTER DATABASE takes no bind parameters: the value travels in a session setting into format(%L).
            execute(connection, "SELECT set_config('test.marker', ?, false)", marker);
            execute(connection, "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET app.encryption_key = %L', "
                    + "current_database(), current_setting('test.marker')); END $$");
        }
        try {
            assertThat(search(marker)).containsExactlyInAnyOrder("current_setting app.encryption_key", "pg_db_role_setting");
        } finally {
            try (Connection connection = database.superuser().getConnection()) {
                execute(connection, "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET app.encryption_key', current_database()); END $$");
            }
        }
    }

    private void useEveryEncryptionFunction(String key, String rotatedKey) throws SQLException {
        UUID user = newUser();
        UUID address = UUID.randomUUID();
        execute(database.superuser(), "INSERT INTO user_addresses (id, user_id, type) VALUES (?, ?, 'home')", address, user);
        ActingUser acting = new ActingUser(database, user);
        acting.run("SELECT set_user_phone(?, ?, ?)", user, "+4915112345678", key);
        acting.run("SELECT set_user_date_of_birth(?, ?, ?)", user, LocalDate.of(1990, 1, 31), key);
        acting.run("SELECT set_address_details(?, ?::jsonb, ?)", address, "{\"postal_code\": \"10115\"}", key);
        acting.run("SELECT get_user_phone(?, ?), get_user_date_of_birth(?, ?), get_address_details(?, ?)",
                user, key, user, key, address, key);
        execute(database.superuser(), "SELECT * FROM reencrypt_sensitive_data(?, ?)", key, rotatedKey);
        execute(database.superuser(), "SELECT get_user_phone(?, ?)", user, rotatedKey);
    }

    private List<String> search(String needle) throws SQLException {
        return list(database.superuser(), SEARCH, row -> row.getString(1), needle);
    }

    private UUID newUser() throws SQLException {
        UUID id = UUID.randomUUID();
        execute(database.superuser(), "INSERT INTO users (id, email, name) VALUES (?, ?, 'Key Absence Tester')", id, id + "@example.org");
        return id;
    }
}
