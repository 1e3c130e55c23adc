package edu.sevenp.migrations.schema.rls;

import edu.sevenp.migrations.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The data every RLS test starts from ({@code rls-fixture.sql} beside this class), loaded as the
 * superuser, which row-level security does not stop. Each row has a label ("A", "paid", "A@paid.body");
 * tests name rows by label and read visible rows back as labels.
 */
final class RlsFixture {

    private static final String SCRIPT = "rls-fixture.sql";

    private final TestDatabase database;
    private final Map<String, UUID> idsByLabel;
    private final Map<String, String> labelsById;

    private RlsFixture(TestDatabase database, Map<String, UUID> idsByLabel) {
        this.database = database;
        this.idsByLabel = Map.copyOf(idsByLabel);
        Map<String, String> labels = new HashMap<>();
        idsByLabel.forEach((label, id) -> labels.put(id.toString(), label));
        this.labelsById = Map.copyOf(labels);
    }

    static RlsFixture load(TestDatabase database) throws SQLException {
        try (Connection superuser = database.superuser().getConnection(); Statement statement = superuser.createStatement()) {
            statement.execute(script());
            Map<String, UUID> ids = new HashMap<>();
            try (ResultSet rows = statement.executeQuery("SELECT label, id FROM pg_temp.fx")) {
                while (rows.next()) {
                    ids.put(rows.getString("label"), rows.getObject("id", UUID.class));
                }
            }
            return new RlsFixture(database, ids);
        }
    }

    UUID id(String label) {
        UUID id = idsByLabel.get(label);
        if (id == null) {
            throw new IllegalArgumentException("the fixture has no row labelled " + label);
        }
        return id;
    }

    /** The label of a fixture row's id; empty for rows the fixture did not make (a trigger's, a seeded one's). */
    Optional<String> label(String id) {
        return Optional.ofNullable(labelsById.get(id));
    }

    /**
     * Commits extra data for one test, as the superuser. Tests of one class share the fixture, so
     * such data uses fresh ids and never changes the fixture's own rows.
     */
    void commitAsSuperuser(String sql, Object... parameters) throws SQLException {
        try (Connection superuser = database.superuser().getConnection();
                PreparedStatement statement = RequestSession.prepare(superuser, sql, parameters)) {
            statement.execute();
        }
    }

    private static String script() {
        try (InputStream in = Objects.requireNonNull(RlsFixture.class.getResourceAsStream(SCRIPT), SCRIPT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
