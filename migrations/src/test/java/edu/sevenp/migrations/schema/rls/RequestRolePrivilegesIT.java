package edu.sevenp.migrations.schema.rls;

import static edu.sevenp.migrations.testing.PostgresCluster.OWNER_ROLE;
import static edu.sevenp.migrations.testing.PostgresCluster.REQUEST_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ground the policies stand on (seed-review 18, 19): a request role that policies bind, every
 * table forced under row-level security with at least one policy, nothing granted to PUBLIC, and
 * SECURITY DEFINER functions that cannot be hijacked through search_path.
 */
@PostgresTest
class RequestRolePrivilegesIT {

    private static TestDatabase database;
    private static RlsFixture fixture;
    private static Connection owner;

    @BeforeAll
    static void connect(TestDatabase testDatabase) throws SQLException {
        database = testDatabase;
        fixture = RlsFixture.load(testDatabase);
        owner = testDatabase.owner().getConnection();
    }

    @AfterAll
    static void disconnect() throws SQLException {
        owner.close();
    }

    @Test
    void requestRoleIsNeitherSuperuserNorBypassRlsNorTheOwner() throws SQLException {
        List<String> attributes = RequestSession.firstColumn(owner, """
                SELECT format('superuser=%s bypassrls=%s createrole=%s createdb=%s member_of_owner=%s',
                              rolsuper::text, rolbypassrls::text, rolcreaterole::text, rolcreatedb::text,
                              pg_has_role(rolname, ?, 'MEMBER')::text)
                FROM pg_roles WHERE rolname = ?""", OWNER_ROLE, REQUEST_ROLE);

        assertThat(attributes)
                .containsExactly("superuser=false bypassrls=false createrole=false createdb=false member_of_owner=false");
    }

    @Test
    void requestRoleOwnsNothing() throws SQLException {
        List<String> owned = RequestSession.firstColumn(owner, """
                SELECT relname FROM pg_class WHERE relowner = ?::regrole
                UNION ALL SELECT proname FROM pg_proc WHERE proowner = ?::regrole
                UNION ALL SELECT nspname FROM pg_namespace WHERE nspowner = ?::regrole""",
                REQUEST_ROLE, REQUEST_ROLE, REQUEST_ROLE);

        assertThat(owned).isEmpty();
    }

    @Test
    void everyTableInPublicForcesRowLevelSecurityAndHasPolicies() throws SQLException {
        String tables = """
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND c.relname <> 'flyway_schema_history'""";
        List<String> all = RequestSession.firstColumn(owner, tables);
        List<String> unprotected = RequestSession.firstColumn(owner, tables + """
                  AND NOT (c.relrowsecurity AND c.relforcerowsecurity
                           AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polroles <> '{0}'))""");
        List<String> withoutOwnerRead = RequestSession.firstColumn(owner, tables + """
                  AND NOT EXISTS (SELECT 1 FROM pg_policies p
                                  WHERE p.schemaname = 'public' AND p.tablename = c.relname
                                    AND p.policyname = 'owner_reads_all' AND p.roles = ARRAY[?]::name[])""", OWNER_ROLE);

        assertThat(all).hasSizeGreaterThanOrEqualTo(32);
        assertThat(unprotected).isEmpty();
        assertThat(withoutOwnerRead).isEmpty();
    }

    @Test
    void policiesApplyOnlyToTheRequestRoleOrTheOwner() throws SQLException {
        List<String> strayPolicies = RequestSession.firstColumn(owner, """
                SELECT tablename || '.' || policyname FROM pg_policies
                WHERE schemaname = 'public' AND NOT roles <@ ARRAY[?, ?]::name[]""", REQUEST_ROLE, OWNER_ROLE);

        assertThat(strayPolicies).isEmpty();
    }

    @Test
    void publicHasNoPrivilegeOnAnyTableSchemaOrFunction() throws SQLException {
        List<String> grantsToPublic = RequestSession.firstColumn(owner, """
                SELECT 'table ' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
                       aclexplode(c.relacl) a
                WHERE n.nspname IN ('public', 'auth') AND a.grantee = 0
                UNION ALL
                SELECT 'schema ' || n.nspname FROM pg_namespace n, aclexplode(n.nspacl) a
                WHERE n.nspname IN ('public', 'auth') AND a.grantee = 0
                UNION ALL
                -- A NULL proacl means the default: EXECUTE for PUBLIC.
                SELECT 'function ' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname IN ('public', 'auth')
                  AND (p.proacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0))""");

        assertThat(grantsToPublic).isEmpty();
    }

    @Test
    void requestRoleHasNoPrivilegeOnCredentialsTokensThrottlesOrMigrationHistory() throws SQLException {
        List<String> privileges = RequestSession.firstColumn(owner, """
                SELECT t || ' ' || p
                FROM unnest(ARRAY['user_credentials', 'refresh_tokens', 'login_throttle', 'flyway_schema_history']) t,
                     unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p
                WHERE has_table_privilege(?, t, p) OR has_any_column_privilege(?, t, 'SELECT')""",
                REQUEST_ROLE, REQUEST_ROLE);

        assertThat(privileges).isEmpty();
    }

    @Test
    void everySecurityDefinerFunctionPinsItsSearchPath() throws SQLException {
        List<String> definers = RequestSession.firstColumn(owner, """
                SELECT n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema')""");
        List<String> unpinned = RequestSession.firstColumn(owner, """
                SELECT n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search_path=%')""");

        assertThat(definers).contains("auth.has_role", "auth.accessible_course_ids", "public.quiz_answer_key");
        assertThat(unpinned).isEmpty();
    }

    @Test
    void learningEventPartitionsAreReachedOnlyThroughTheirParent() throws SQLException {
        try (Statement statement = owner.createStatement()) {
            statement.execute("""
                    CREATE TABLE learning_events_rls_2001_03 PARTITION OF learning_events
                      FOR VALUES FROM ('2001-03-01') TO ('2001-04-01')""");
        }
        List<String> partitionPrivileges = RequestSession.firstColumn(owner, """
                SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) p
                WHERE has_table_privilege(?, 'learning_events_rls_2001_03', p)""", REQUEST_ROLE);
        UUID learner = fixture.id("A");

        try (RequestSession session = RequestSession.open(database)) {
            Outcome throughParent = session.write(learner,
                    "INSERT INTO learning_events (user_id, event_type, occurred_at) VALUES (?, 'video_played', '2001-03-05')",
                    learner);
            Outcome direct = session.write(learner,
                    "INSERT INTO learning_events_rls_2001_03 (user_id, event_type, occurred_at) VALUES (?, 'video_played', '2001-03-05')",
                    learner);

            assertThat(partitionPrivileges).isEmpty();
            assertThat(throughParent).isEqualTo(Outcome.OK);
            assertThat(direct).isEqualTo(Outcome.PRIV);
        }
    }

    @Test
    void pooledConnectionForgetsTheUserWhenTheRequestEnds() throws SQLException {
        try (RequestSession session = RequestSession.open(database)) {
            List<String> signedIn = session.column(fixture.id("A"), "SELECT coalesce(auth.uid()::text, 'anonymous')");
            List<String> next = session.column(null, "SELECT coalesce(auth.uid()::text, 'anonymous')");
            List<String> nextEnrollments = session.column(null, "SELECT id FROM enrollments");

            assertThat(signedIn).containsExactly(fixture.id("A").toString());
            assertThat(next).containsExactly("anonymous");
            assertThat(nextEnrollments).isEmpty();
        }
    }
}
