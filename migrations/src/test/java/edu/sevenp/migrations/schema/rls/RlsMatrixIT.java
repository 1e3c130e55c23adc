package edu.sevenp.migrations.schema.rls;

import static edu.sevenp.migrations.testing.PostgresCluster.REQUEST_ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may do what to which table: every table of the schema, read and written by each kind of actor,
 * through the request role with the actor set as the transaction's user, exactly as the server runs
 * requests. Each write is rolled back, so every cell starts from the same fixture (rls-fixture.sql).
 *
 * <p>Reading a cell: for {@code select}, the fixture rows the actor sees ({@code -} none, {@code *}
 * all of them, {@code priv} refused outright); for writes, {@code ok} (done), {@code hidden} (the
 * target row is not the actor's to change: nothing happens), {@code rls} (a policy refuses the new
 * row), {@code priv} (the request role has no such privilege at all). The writes aim at learner A's
 * rows and at instructor I1's paid course; the row each one targets is in {@link #probes()}.
 */
@PostgresTest
class RlsMatrixIT {

    private static final String MATRIX = """
        table                 op      anonymous                  learnerA                                  learnerB                                  instructor                                otherInstructor                            admin
        users                 select  -                          A                                         B                                         I1                                        I2                                         *
        users                 insert  priv                       priv                                      priv                                      priv                                      priv                                       priv
        users                 update  hidden                     ok                                        hidden                                    hidden                                    hidden                                     hidden
        users                 delete  priv                       priv                                      priv                                      priv                                      priv                                       priv
        user_addresses        select  -                          A.billing                                 B.home                                    -                                         -                                          *
        user_addresses        insert  rls                        ok                                        rls                                       rls                                       rls                                        rls
        user_addresses        update  hidden                     ok                                        hidden                                    hidden                                    hidden                                     hidden
        user_addresses        delete  hidden                     ok                                        hidden                                    hidden                                    hidden                                     hidden
        user_preferences      select  -                          A.pref                                    B.pref                                    -                                         -                                          *
        user_preferences      insert  rls                        ok                                        rls                                       rls                                       rls                                        rls
        user_preferences      update  hidden                     ok                                        hidden                                    hidden                                    hidden                                     hidden
        user_preferences      delete  hidden                     ok                                        hidden                                    hidden                                    hidden                                     hidden
        roles                 select  -                          *                                         *                                         *                                         *                                          *
        roles                 insert  priv                       priv                                      priv                                      priv                                      priv                                       priv
        roles                 update  priv                       priv                                      priv                                      priv                                      priv                                       priv
        roles                 delete  priv                       priv                                      priv                                      priv                                      priv                                       priv
        user_roles            select  -                          A:learner                                 B:learner                                 I1:instructor                             I2:instructor                              *
        user_roles            insert  rls                        rls                                       rls                                       rls                                       rls                                        ok
        user_roles            update  hidden                     hidden                                    hidden                                    hidden                                    hidden                                     ok
        user_roles            delete  hidden                     hidden                                    hidden                                    hidden                                    hidden                                     ok
        user_credentials      select  priv                       priv                                      priv                                      priv                                      priv                                       priv
        user_credentials      insert  priv                       priv                                      priv                                      priv                                      priv                                       priv
        user_credentials      update  priv                       priv                                      priv                                      priv                                      priv                                       priv
        user_credentials      delete  priv                       priv                                      priv                                      priv                                      priv                                       priv
        refresh_tokens        select  priv                       priv                                      priv                                      priv                                      priv                                       priv
        refresh_tokens        insert  priv                       priv                                      priv                                      priv                                      priv                                       priv
        refresh_tokens        update  priv                       priv                                      priv                                      priv                                      priv                                       priv
        refresh_tokens        delete  priv                       priv                                      priv                                      priv                                      priv                                       priv
        devices               select  -                          A.laptop                                  B.laptop                                  -                                         -                                          *
        devices               insert  rls                        ok                                        rls                                       rls                                       rls                                        rls
        devices               update  hidden                     ok                                        hidden                                    hidden                                    hidden                                     hidden
        devices               delete  hidden                     ok                                        hidden                                    hidden                                    hidden                                     hidden
        course_categories     select  cat.active                 cat.active                                cat.active                                cat.active                                cat.active                                 *
        course_categories     insert  rls                        rls                                       rls                                       rls                                       rls                                        ok
        course_categories     update  hidden                     hidden                                    hidden                                    hidden                                    hidden                                     ok
        course_categories     delete  hidden                     hidden                                    hidden                                    hidden                                    hidden                                     ok
        course_tags           select  *                          *                                         *                                         *                                         *                                          *
        course_tags           insert  rls                        rls                                       rls                                       ok                                        ok                                         ok
        course_tags           update  hidden                     hidden                                    hidden                                    hidden                                    hidden                                     ok
        course_tags           delete  hidden                     hidden                                    hidden                                    hidden                                    hidden                                     ok
        course_tag_mappings   select  paid                       paid                                      paid                                      paid,draft                                paid,other                                 *
        course_tag_mappings   insert  rls                        rls                                       rls                                       ok                                        rls                                        ok
        course_tag_mappings   update  priv                       priv                                      priv                                      priv                                      priv                                       priv
        course_tag_mappings   delete  hidden                     hidden                                    hidden                                    ok                                        hidden                                     ok
        courses               select  paid,free                  paid,free                                 paid,free                                 paid,free,draft                           paid,free,other                            *
        courses               insert  rls                        rls                                       rls                                       ok                                        rls                                        ok
        courses               update  hidden                     hidden                                    hidden                                    ok                                        hidden                                     ok
        courses               delete  hidden                     hidden                                    hidden                                    ok                                        hidden                                     ok
        course_sections       select  paid.s1,paid.s2,free.s1    paid.s1,paid.s2,free.s1                   paid.s1,paid.s2,free.s1                   paid.s1,paid.s2,free.s1,draft.s1          paid.s1,paid.s2,free.s1,other.s1           *
        course_sections       insert  rls                        rls                                       rls                                       ok                                        rls                                        ok
        course_sections       update  hidden                     hidden                                    hidden                                    ok                                        hidden                                     ok
        course_sections       delete  hidden                     hidden                                    hidden                                    ok                                        hidden                                     ok
        course_lessons        select  paid.intro,paid.bonus      paid.intro,paid.body,paid.bonus           paid.intro,paid.bonus                     paid.intro,paid.body,paid.bonus,free.l1,draft.l1  paid.intro,paid.bonus,other.l1     *
        course_lessons        insert  rls                        rls                                       rls                                       ok                                        rls                                        ok
        course_lessons        update  hidden                     hidden                                    hidden                                    ok                                        hidden                                     ok
        course_lessons        delete  hidden                     hidden                                    hidden                                    ok                                        hidden                                     ok
        course_resources      select  paid.intro.pdf             *                                         paid.intro.pdf                            *                                         paid.intro.pdf                             *
        course_resources      insert  rls                        rls                                       rls                                       ok                                        rls                                        ok
        course_resources      update  hidden                     hidden                                    hidden                                    ok                                        hidden                                     ok
        course_resources      delete  hidden                     hidden                                    hidden                                    ok                                        hidden                                     ok
        course_quizzes        select  -                          paid.graded,paid.practice                 -                                         *                                         -                                          *
        course_quizzes        insert  rls                        rls                                       rls                                       ok                                        rls                                        ok
        course_quizzes        update  hidden                     hidden                                    hidden                                    ok                                        hidden                                     ok
        course_quizzes        delete  hidden                     hidden                                    hidden                                    ok                                        hidden                                     ok
        quiz_questions        select  -                          *                                         -                                         *                                         -                                          *
        quiz_questions        insert  rls                        rls                                       rls                                       ok                                        rls                                        ok
        quiz_questions        update  hidden                     hidden                                    hidden                                    ok                                        hidden                                     ok
        quiz_questions        delete  hidden                     hidden                                    hidden                                    ok                                        hidden                                     ok
        content_versions      select  -                          -                                         -                                         *                                         -                                          *
        content_versions      insert  rls                        rls                                       rls                                       ok                                        rls                                        ok
        content_versions      update  priv                       priv                                      priv                                      priv                                      priv                                       priv
        content_versions      delete  hidden                     hidden                                    hidden                                    hidden                                    hidden                                     ok
        media_files           select  I1.logo                    A.avatar,I1.logo,I1.paid.video            I1.logo                                   I1.logo,I1.paid.video                     I1.logo                                    *
        media_files           insert  rls                        ok                                        rls                                       rls                                       rls                                        rls
        media_files           update  hidden                     ok                                        hidden                                    hidden                                    hidden                                     ok
        media_files           delete  hidden                     ok                                        hidden                                    hidden                                    hidden                                     ok
        enrollments           select  -                          *                                         -                                         *                                         -                                          *
        enrollments           insert  rls                        ok                                        rls                                       rls                                       rls                                        rls
        enrollments           update  hidden                     ok                                        hidden                                    hidden                                    hidden                                     hidden
        enrollments           delete  priv                       priv                                      priv                                      priv                                      priv                                       priv
        lesson_progress       select  -                          A@paid.body                               B@paid.intro                              *                                         -                                          *
        lesson_progress       insert  rls                        ok                                        rls                                       rls                                       rls                                        rls
        lesson_progress       update  hidden                     ok                                        hidden                                    hidden                                    hidden                                     hidden
        lesson_progress       delete  priv                       priv                                      priv                                      priv                                      priv                                       priv
        quiz_attempts         select  -                          *                                         -                                         *                                         -                                          *
        quiz_attempts         insert  rls                        ok                                        rls                                       rls                                       rls                                        rls
        quiz_attempts         update  hidden                     ok                                        hidden                                    hidden                                    hidden                                     hidden
        quiz_attempts         delete  priv                       priv                                      priv                                      priv                                      priv                                       priv
        course_completions    select  -                          *                                         -                                         *                                         -                                          *
        course_completions    insert  priv                       priv                                      priv                                      priv                                      priv                                       priv
        course_completions    update  hidden                     ok                                        hidden                                    hidden                                    hidden                                     hidden
        course_completions    delete  priv                       priv                                      priv                                      priv                                      priv                                       priv
        user_achievements     select  -                          *                                         -                                         -                                         -                                          *
        user_achievements     insert  priv                       priv                                      priv                                      priv                                      priv                                       priv
        user_achievements     update  priv                       priv                                      priv                                      priv                                      priv                                       priv
        user_achievements     delete  priv                       priv                                      priv                                      priv                                      priv                                       priv
        user_notes            select  -                          A.note                                    B.note                                    -                                         -                                          *
        user_notes            insert  rls                        ok                                        rls                                       rls                                       rls                                        rls
        user_notes            update  hidden                     ok                                        hidden                                    hidden                                    hidden                                     hidden
        user_notes            delete  hidden                     ok                                        hidden                                    hidden                                    hidden                                     hidden
        user_bookmarks        select  -                          *                                         -                                         -                                         -                                          *
        user_bookmarks        insert  rls                        ok                                        rls                                       rls                                       rls                                        rls
        user_bookmarks        update  hidden                     ok                                        hidden                                    hidden                                    hidden                                     hidden
        user_bookmarks        delete  hidden                     ok                                        hidden                                    hidden                                    hidden                                     hidden
        subscription_plans    select  plan.monthly               plan.monthly                              plan.monthly                              plan.monthly                              plan.monthly                               *
        subscription_plans    insert  rls                        rls                                       rls                                       rls                                       rls                                        ok
        subscription_plans    update  hidden                     hidden                                    hidden                                    hidden                                    hidden                                     ok
        subscription_plans    delete  hidden                     hidden                                    hidden                                    hidden                                    hidden                                     ok
        subscriptions         select  -                          -                                         *                                         -                                         -                                          *
        subscriptions         insert  rls                        rls                                       rls                                       rls                                       rls                                        ok
        subscriptions         update  hidden                     hidden                                    hidden                                    hidden                                    hidden                                     ok
        subscriptions         delete  priv                       priv                                      priv                                      priv                                      priv                                       priv
        course_purchases      select  -                          *                                         -                                         -                                         -                                          *
        course_purchases      insert  rls                        rls                                       rls                                       rls                                       rls                                        ok
        course_purchases      update  hidden                     hidden                                    hidden                                    hidden                                    hidden                                     ok
        course_purchases      delete  priv                       priv                                      priv                                      priv                                      priv                                       priv
        payment_transactions  select  -                          A.pays.paid                               B.pays.sub                                -                                         -                                          *
        payment_transactions  insert  rls                        rls                                       rls                                       rls                                       rls                                        ok
        payment_transactions  update  hidden                     hidden                                    hidden                                    hidden                                    hidden                                     ok
        payment_transactions  delete  priv                       priv                                      priv                                      priv                                      priv                                       priv
        sync_changes          select  -                          sync.A,sync.paid,sync.global,sync.gone    sync.B,sync.paid,sync.global,sync.gone    sync.paid,sync.draft,sync.global,sync.gone  sync.paid,sync.other,sync.global,sync.gone  *
        sync_changes          insert  priv                       priv                                      priv                                      priv                                      priv                                       priv
        sync_changes          update  priv                       priv                                      priv                                      priv                                      priv                                       priv
        sync_changes          delete  priv                       priv                                      priv                                      priv                                      priv                                       priv
        login_throttle        select  priv                       priv                                      priv                                      priv                                      priv                                       priv
        login_throttle        insert  priv                       priv                                      priv                                      priv                                      priv                                       priv
        login_throttle        update  priv                       priv                                      priv                                      priv                                      priv                                       priv
        login_throttle        delete  priv                       priv                                      priv                                      priv                                      priv                                       priv
        sync_rejections       select  -                          A.laptop                                  -                                         -                                         -                                          -
        sync_rejections       insert  rls                        ok                                        rls                                       rls                                       rls                                        rls
        sync_rejections       update  priv                       priv                                      priv                                      priv                                      priv                                       priv
        sync_rejections       delete  priv                       priv                                      priv                                      priv                                      priv                                       priv
        sync_horizon          select  -                          -                                         -                                         -                                         -                                          -
        sync_horizon          insert  priv                       priv                                      priv                                      priv                                      priv                                       priv
        sync_horizon          update  priv                       priv                                      priv                                      priv                                      priv                                       priv
        sync_horizon          delete  priv                       priv                                      priv                                      priv                                      priv                                       priv
        learning_events       select  -                          A.event                                   B.event                                   -                                         -                                          *
        learning_events       insert  rls                        ok                                        rls                                       rls                                       rls                                        rls
        learning_events       update  priv                       priv                                      priv                                      priv                                      priv                                       priv
        learning_events       delete  priv                       priv                                      priv                                      priv                                      priv                                       priv
        """;

    /** A statement with fixture labels for its parameters, resolved to the rows' ids when it runs. */
    private record Sql(String text, String... labels) {
    }

    /** How a table is read (the first column: the rows' labelled key) and written in the matrix. */
    private record Probe(Sql select, Sql insert, Sql update, Sql delete) {

        Sql statement(String operation) {
            return switch (operation) {
                case "select" -> select;
                case "insert" -> insert;
                case "update" -> update;
                case "delete" -> delete;
                default -> throw new IllegalArgumentException("unknown operation " + operation);
            };
        }
    }

    private record Cell(String table, String operation, Actor actor, String expected) {

        String name() {
            return String.format("%-21s %-6s as %-15s -> %s", table, operation, actor.columnName(), expected);
        }
    }

    private static TestDatabase database;
    private static RlsFixture fixture;
    private static RequestSession session;

    @BeforeAll
    static void loadFixture(TestDatabase testDatabase) throws SQLException {
        database = testDatabase;
        fixture = RlsFixture.load(testDatabase);
        session = RequestSession.open(testDatabase);
    }

    @AfterAll
    static void closeSession() throws SQLException {
        session.close();
    }

    @TestFactory
    Stream<DynamicTest> eachActorHasExactlyItsAccessToEachTable() {
        Map<String, Probe> probes = probes();
        return cells().map(cell -> dynamicTest(cell.name(), () -> {
            Probe probe = probes.get(cell.table());
            assertThat(probe).as("probe for %s", cell.table()).isNotNull();
            String actual = cell.operation().equals("select")
                    ? visibleRows(probe.select(), cell.actor())
                    : session.write(userOf(cell.actor()), probe.statement(cell.operation()).text(),
                            ids(probe.statement(cell.operation()))).code();
            assertThat(actual).as(cell.name()).isEqualTo(canonical(cell.expected(), probe));
        }));
    }

    @Test
    void matrixCoversEveryOperationOfEveryTableForEveryActor() throws SQLException {
        Set<String> tables;
        try (Connection owner = database.owner().getConnection()) {
            tables = new TreeSet<>(RequestSession.firstColumn(owner, """
                    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                      AND c.relname <> 'flyway_schema_history'
                    """));
        }
        List<Cell> cells = cells().toList();
        Set<String> coveredTables = cells.stream().map(Cell::table).collect(Collectors.toCollection(TreeSet::new));

        assertThat(coveredTables).isEqualTo(tables);
        assertThat(probes().keySet()).containsExactlyInAnyOrderElementsOf(tables);
        assertThat(cells).hasSize(tables.size() * 4 * Actor.values().length);
        assertThat(cells.stream().map(cell -> cell.table() + " " + cell.operation() + " " + cell.actor()).distinct())
                .hasSameSizeAs(cells);
    }

    @Test
    void matrixRequestsRunAsTheRequestRoleWithRowSecurityOn() throws SQLException {
        List<String> identity = session.as(fixture.id("A"), connection -> RequestSession.firstColumn(connection,
                "SELECT concat_ws(' ', current_user, session_user, current_setting('row_security'), auth.uid())"));

        assertThat(identity).containsExactly(REQUEST_ROLE + " " + REQUEST_ROLE + " on " + fixture.id("A"));
    }

    private static Stream<Cell> cells() {
        List<String> lines = MATRIX.lines().filter(line -> !line.isBlank()).toList();
        List<String> header = Arrays.asList(lines.get(0).trim().split("\\s+"));
        Map<Actor, Integer> columns = new EnumMap<>(Actor.class);
        for (Actor actor : Actor.values()) {
            int column = header.indexOf(actor.columnName());
            if (column < 0) {
                throw new IllegalStateException("the matrix has no column for " + actor.columnName());
            }
            columns.put(actor, column);
        }
        return lines.stream().skip(1).flatMap(line -> {
            String[] fields = line.trim().split("\\s+");
            if (fields.length != header.size()) {
                throw new IllegalStateException("matrix line has " + fields.length + " fields: " + line);
            }
            return Arrays.stream(Actor.values()).map(actor -> new Cell(fields[0], fields[1], actor, fields[columns.get(actor)]));
        });
    }

    private static String visibleRows(Sql select, Actor actor) throws SQLException {
        try {
            return labels(session.column(userOf(actor), select.text(), ids(select)));
        } catch (SQLException e) {
            Outcome outcome = Outcome.of(e);
            if (outcome.equals(Outcome.PRIV)) {
                return outcome.code();
            }
            throw e;
        }
    }

    /** The expectation in the form the actual value takes: "*" becomes every fixture row of the table. */
    private static String canonical(String expected, Probe probe) throws SQLException {
        if (expected.equals("*")) {
            try (Connection superuser = database.superuser().getConnection()) {
                return labels(RequestSession.firstColumn(superuser, probe.select().text(), ids(probe.select())));
            }
        }
        if (Set.of("-", "ok", "hidden", "rls", "priv").contains(expected)) {
            return expected;
        }
        return String.join(",", new TreeSet<>(Arrays.asList(expected.split(","))));
    }

    /** Sorted labels of the fixture rows among {@code keys}; rows the fixture did not make are left out. */
    private static String labels(List<String> keys) {
        Set<String> labels = keys.stream().map(fixture::label).flatMap(Optional::stream)
                .collect(Collectors.toCollection(TreeSet::new));
        return labels.isEmpty() ? "-" : String.join(",", labels);
    }

    private static UUID userOf(Actor actor) {
        return actor.userLabel().map(fixture::id).orElse(null);
    }

    private static Object[] ids(Sql sql) {
        return Arrays.stream(sql.labels()).map(fixture::id).toArray();
    }

    private static Sql sql(String text, String... labels) {
        return new Sql(text, labels);
    }

    private static Map<String, Probe> probes() {
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("users", new Probe(
                sql("SELECT id FROM users"),
                sql("INSERT INTO users (email, name) VALUES ('new@rls.test', 'New')"),
                sql("UPDATE users SET bio = 'edited' WHERE id = ?", "A"),
                sql("DELETE FROM users WHERE id = ?", "A")));
        probes.put("user_addresses", new Probe(
                sql("SELECT id FROM user_addresses"),
                sql("INSERT INTO user_addresses (user_id, type, city) VALUES (?, 'shipping', 'Braga')", "A"),
                sql("UPDATE user_addresses SET city = 'Faro' WHERE id = ?", "A.billing"),
                sql("DELETE FROM user_addresses WHERE id = ?", "A.billing")));
        probes.put("user_preferences", new Probe(
                sql("SELECT id FROM user_preferences"),
                sql("INSERT INTO user_preferences (user_id, category, key, value) VALUES (?, 'player', 'volume', '80')", "A"),
                sql("UPDATE user_preferences SET value = '2.0' WHERE id = ?", "A.pref"),
                sql("DELETE FROM user_preferences WHERE id = ?", "A.pref")));
        probes.put("roles", new Probe(
                sql("SELECT id FROM roles"),
                sql("INSERT INTO roles (name) VALUES ('superhero')"),
                sql("UPDATE roles SET description = 'edited' WHERE id = ?", "role:learner"),
                sql("DELETE FROM roles WHERE id = ?", "role:learner")));
        probes.put("user_roles", new Probe(
                sql("SELECT id FROM user_roles"),
                // Learner A made an instructor, signed by whoever asks.
                sql("INSERT INTO user_roles (user_id, role_id, assigned_by) VALUES (?, ?, auth.uid())", "A", "role:instructor"),
                sql("UPDATE user_roles SET expires_at = now() + interval '1 year' WHERE id = ?", "A:learner"),
                sql("DELETE FROM user_roles WHERE id = ?", "A:learner")));
        probes.put("user_credentials", new Probe(
                sql("SELECT user_id FROM user_credentials"),
                sql("INSERT INTO user_credentials (user_id, password_hash) VALUES (?, repeat('x', 40))", "I2"),
                sql("UPDATE user_credentials SET failed_attempts = 0 WHERE user_id = ?", "A"),
                sql("DELETE FROM user_credentials WHERE user_id = ?", "A")));
        probes.put("refresh_tokens", new Probe(
                sql("SELECT id FROM refresh_tokens"),
                sql("INSERT INTO refresh_tokens (user_id, token_hash, expires_at) VALUES (?, sha256('new'), now() + interval '1 day')", "A"),
                sql("UPDATE refresh_tokens SET revoked_at = now() WHERE id = ?", "A.token"),
                sql("DELETE FROM refresh_tokens WHERE id = ?", "A.token")));
        probes.put("devices", new Probe(
                sql("SELECT id FROM devices"),
                sql("INSERT INTO devices (id, user_id, name) VALUES (gen_random_uuid(), ?, 'phone')", "A"),
                sql("UPDATE devices SET name = 'renamed' WHERE id = ?", "A.laptop"),
                sql("DELETE FROM devices WHERE id = ?", "A.laptop")));
        probes.put("course_categories", new Probe(
                sql("SELECT id FROM course_categories"),
                sql("INSERT INTO course_categories (name, slug) VALUES ('Networks', 'networks')"),
                sql("UPDATE course_categories SET description = 'edited' WHERE id = ?", "cat.active"),
                sql("DELETE FROM course_categories WHERE id = ?", "cat.retired")));
        probes.put("course_tags", new Probe(
                sql("SELECT id FROM course_tags"),
                sql("INSERT INTO course_tags (name, slug) VALUES ('Rust', 'rust')"),
                sql("UPDATE course_tags SET name = 'Structured Query Language' WHERE id = ?", "tag.sql"),
                sql("DELETE FROM course_tags WHERE id = ?", "tag.sql")));
        probes.put("course_tag_mappings", new Probe(
                sql("SELECT course_id FROM course_tag_mappings"),
                sql("INSERT INTO course_tag_mappings (course_id, tag_id) VALUES (?, ?)", "paid", "tag.java"),
                sql("UPDATE course_tag_mappings SET tag_id = ? WHERE course_id = ?", "tag.java", "paid"),
                sql("DELETE FROM course_tag_mappings WHERE course_id = ?", "paid")));
        probes.put("courses", new Probe(
                sql("SELECT id FROM courses"),
                // A new course taught by I1.
                sql("INSERT INTO courses (title, slug, instructor_id) VALUES ('New', 'new', ?)", "I1"),
                sql("UPDATE courses SET title = 'Renamed' WHERE id = ?", "paid"),
                sql("DELETE FROM courses WHERE id = ?", "draft")));
        probes.put("course_sections", new Probe(
                sql("SELECT id FROM course_sections"),
                sql("INSERT INTO course_sections (course_id, title, order_index) VALUES (?, 'More', 3)", "paid"),
                sql("UPDATE course_sections SET title = 'Renamed' WHERE id = ?", "paid.s1"),
                sql("DELETE FROM course_sections WHERE id = ?", "paid.s2")));
        probes.put("course_lessons", new Probe(
                sql("SELECT id FROM course_lessons"),
                sql("INSERT INTO course_lessons (course_id, section_id, title, slug, order_index) VALUES (?, ?, 'New', 'new', 9)",
                        "paid", "paid.s1"),
                sql("UPDATE course_lessons SET content = 'rewritten' WHERE id = ?", "paid.body"),
                sql("DELETE FROM course_lessons WHERE id = ?", "paid.bonus")));
        probes.put("course_resources", new Probe(
                sql("SELECT id FROM course_resources"),
                sql("INSERT INTO course_resources (course_id, lesson_id, title, file_url) VALUES (?, ?, 'New', 'https://cdn.rls.test/n')",
                        "paid", "paid.body"),
                sql("UPDATE course_resources SET title = 'Renamed' WHERE id = ?", "paid.body.pdf"),
                sql("DELETE FROM course_resources WHERE id = ?", "paid.body.pdf")));
        probes.put("course_quizzes", new Probe(
                sql("SELECT id FROM course_quizzes"),
                sql("INSERT INTO course_quizzes (course_id, title) VALUES (?, 'New quiz')", "paid"),
                sql("UPDATE course_quizzes SET title = 'Renamed' WHERE id = ?", "paid.graded"),
                sql("DELETE FROM course_quizzes WHERE id = ?", "paid.practice")));
        probes.put("quiz_questions", new Probe(
                sql("SELECT id FROM quiz_questions"),
                sql("""
                        INSERT INTO quiz_questions (quiz_id, question_text, question_type, order_index, correct_answer)
                        VALUES (?, 'Is NULL = NULL true?', 'true_false', 5, 'false')""", "paid.graded"),
                sql("UPDATE quiz_questions SET correct_answer = '\"CROSS\"' WHERE id = ?", "graded.q1"),
                sql("DELETE FROM quiz_questions WHERE id = ?", "practice.q1")));
        probes.put("content_versions", new Probe(
                sql("SELECT id FROM content_versions"),
                sql("""
                        INSERT INTO content_versions (content_id, content_type, version_number, content_data, created_by)
                        VALUES (?, 'lesson', 2, '{}', auth.uid())""", "paid.body"),
                sql("UPDATE content_versions SET change_summary = 'edited' WHERE id = ?", "paid.body.v1"),
                sql("DELETE FROM content_versions WHERE id = ?", "paid.body.v1")));
        probes.put("media_files", new Probe(
                sql("SELECT id FROM media_files"),
                // Learner A uploads a private file.
                sql("""
                        INSERT INTO media_files (user_id, filename, original_filename, file_path, file_size, mime_type, file_hash)
                        VALUES (?, 'cv.pdf', 'cv.pdf', '/m/cv.pdf', 5, 'application/pdf', repeat('d', 64))""", "A"),
                sql("UPDATE media_files SET filename = 'renamed.png' WHERE id = ?", "A.avatar"),
                sql("DELETE FROM media_files WHERE id = ?", "A.avatar")));
        probes.put("enrollments", new Probe(
                sql("SELECT id FROM enrollments"),
                // Learner A enrolls in the free course.
                sql("INSERT INTO enrollments (user_id, course_id) VALUES (?, ?)", "A", "free"),
                sql("UPDATE enrollments SET status = 'dropped' WHERE id = ?", "A@paid"),
                sql("DELETE FROM enrollments WHERE id = ?", "A@paid")));
        probes.put("lesson_progress", new Probe(
                sql("SELECT id FROM lesson_progress"),
                sql("INSERT INTO lesson_progress (user_id, lesson_id, course_id, status) VALUES (?, ?, ?, 'in_progress')",
                        "A", "paid.intro", "paid"),
                sql("UPDATE lesson_progress SET progress_percentage = 60 WHERE id = ?", "A@paid.body"),
                sql("DELETE FROM lesson_progress WHERE id = ?", "A@paid.body")));
        probes.put("quiz_attempts", new Probe(
                sql("SELECT id FROM quiz_attempts"),
                sql("INSERT INTO quiz_attempts (quiz_id, user_id, attempt_number) VALUES (?, ?, 2)", "paid.graded", "A"),
                sql("UPDATE quiz_attempts SET status = 'submitted', responses = '{\"q1\": \"LEFT\"}' WHERE id = ?", "A@graded#1"),
                sql("DELETE FROM quiz_attempts WHERE id = ?", "A@graded#1")));
        probes.put("course_completions", new Probe(
                sql("SELECT id FROM course_completions"),
                sql("INSERT INTO course_completions (user_id, course_id) VALUES (?, ?)", "A", "free"),
                sql("UPDATE course_completions SET rating = 4, review = 'good' WHERE id = ?", "A@paid.done"),
                sql("DELETE FROM course_completions WHERE id = ?", "A@paid.done")));
        probes.put("user_achievements", new Probe(
                sql("SELECT id FROM user_achievements"),
                sql("INSERT INTO user_achievements (user_id, achievement_code, title) VALUES (?, 'night_owl', 'Night owl')", "A"),
                sql("UPDATE user_achievements SET title = 'edited' WHERE id = ?", "A.first_course"),
                sql("DELETE FROM user_achievements WHERE id = ?", "A.first_course")));
        probes.put("user_notes", new Probe(
                sql("SELECT id FROM user_notes"),
                sql("INSERT INTO user_notes (user_id, lesson_id, course_id, content) VALUES (?, ?, ?, 'new note')",
                        "A", "paid.body", "paid"),
                sql("UPDATE user_notes SET content = 'edited' WHERE id = ?", "A.note"),
                sql("DELETE FROM user_notes WHERE id = ?", "A.note")));
        probes.put("user_bookmarks", new Probe(
                sql("SELECT id FROM user_bookmarks"),
                sql("INSERT INTO user_bookmarks (user_id, lesson_id, course_id, title) VALUES (?, ?, ?, 'new mark')",
                        "A", "paid.body", "paid"),
                sql("UPDATE user_bookmarks SET title = 'edited' WHERE id = ?", "A.mark"),
                sql("DELETE FROM user_bookmarks WHERE id = ?", "A.mark")));
        probes.put("subscription_plans", new Probe(
                sql("SELECT id FROM subscription_plans"),
                sql("INSERT INTO subscription_plans (name, price, billing_interval) VALUES ('Yearly', 150, 'yearly')"),
                sql("UPDATE subscription_plans SET price = 12 WHERE id = ?", "plan.monthly"),
                sql("DELETE FROM subscription_plans WHERE id = ?", "plan.legacy")));
        probes.put("subscriptions", new Probe(
                sql("SELECT id FROM subscriptions"),
                // Learner A subscribed.
                sql("""
                        INSERT INTO subscriptions (user_id, plan_id, status, current_period_start, current_period_end)
                        VALUES (?, ?, 'active', now(), now() + interval '30 days')""", "A", "plan.monthly"),
                sql("UPDATE subscriptions SET cancel_at_period_end = TRUE WHERE id = ?", "B.sub"),
                sql("DELETE FROM subscriptions WHERE id = ?", "B.sub")));
        probes.put("course_purchases", new Probe(
                sql("SELECT id FROM course_purchases"),
                sql("INSERT INTO course_purchases (user_id, course_id, amount) VALUES (?, ?, 0)", "A", "free"),
                sql("UPDATE course_purchases SET status = 'refunded' WHERE id = ?", "A.buys.paid"),
                sql("DELETE FROM course_purchases WHERE id = ?", "A.buys.paid")));
        probes.put("payment_transactions", new Probe(
                sql("SELECT id FROM payment_transactions"),
                sql("""
                        INSERT INTO payment_transactions (user_id, course_purchase_id, amount, transaction_type, status)
                        VALUES (?, ?, 49, 'refund', 'pending')""", "A", "A.buys.paid"),
                sql("UPDATE payment_transactions SET status = 'failed' WHERE id = ?", "A.pays.paid"),
                sql("DELETE FROM payment_transactions WHERE id = ?", "A.pays.paid")));
        probes.put("login_throttle", new Probe(
                sql("SELECT key FROM login_throttle"),
                sql("INSERT INTO login_throttle (key) VALUES ('address:10.0.0.1')"),
                sql("UPDATE login_throttle SET failures = 0"),
                sql("DELETE FROM login_throttle")));
        probes.put("sync_rejections", new Probe(
                sql("SELECT device_id FROM sync_rejections"),
                sql("INSERT INTO sync_rejections (device_id, seq, user_id, code, message) VALUES (?, 99, ?, 'x', 'y')",
                        "A.laptop", "A"),
                sql("UPDATE sync_rejections SET message = 'edited' WHERE device_id = ?", "A.laptop"),
                sql("DELETE FROM sync_rejections WHERE device_id = ?", "A.laptop")));
        probes.put("sync_horizon", new Probe(
                sql("SELECT singleton::text FROM sync_horizon"),
                sql("INSERT INTO sync_horizon (singleton) VALUES (true)"),
                sql("UPDATE sync_horizon SET purged_at = now()"),
                sql("DELETE FROM sync_horizon")));
        probes.put("sync_changes", new Probe(
                // The fixture's changes only: a change-feed trigger adds its own for the fixture's rows.
                sql("SELECT entity_id FROM sync_changes WHERE changed_at < '2002-01-01'"),
                sql("INSERT INTO sync_changes (user_id, entity, entity_id, operation) VALUES (?, 'user_notes', gen_random_uuid(), 'U')", "A"),
                sql("UPDATE sync_changes SET operation = 'D' WHERE entity_id = ?", "sync.A"),
                sql("DELETE FROM sync_changes WHERE entity_id = ?", "sync.A")));
        probes.put("learning_events", new Probe(
                sql("SELECT id FROM learning_events"),
                sql("INSERT INTO learning_events (user_id, event_type, occurred_at) VALUES (?, 'lesson_opened', '2001-01-20')", "A"),
                sql("UPDATE learning_events SET payload = '{\"edited\": true}' WHERE id = ?", "A.event"),
                sql("DELETE FROM learning_events WHERE id = ?", "A.event")));
        return probes;
    }
}
