package edu.sevenp.migrations.parity;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.Migrations;
import edu.sevenp.migrations.Target;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The device's H2 mirror against the server's PostgreSQL schema, both freshly migrated and read from
 * their own catalogs: every mirrored table exists on both sides, and every server column of it exists
 * on the device with a compatible type and the same nullability, unless {@link MirrorExceptions} says
 * why not.
 */
@PostgresTest
class SchemaParityIT {

    private static final String COLUMNS = """
            SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, numeric_scale,
                   is_nullable
            FROM information_schema.columns
            WHERE table_schema = ?
            """;

    private static Map<String, Map<String, Column>> server;
    private static Map<String, Map<String, Column>> device;

    @BeforeAll
    static void readBothCatalogs(TestDatabase database) throws SQLException {
        server = columns(database.superuser(), "public");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:parity-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        try (Connection keepAlive = h2.getConnection()) {
            new Migrations(h2, Target.H2).migrate();
            device = columns(h2, "public");
        }
        server.remove("flyway_schema_history");
        device.remove("flyway_schema_history");
    }

    @Test
    void everyDeviceTableIsMirroredOrDeclaredLocal() {
        Set<String> unexplained = new TreeSet<>(device.keySet());
        unexplained.removeAll(server.keySet());
        unexplained.removeAll(MirrorExceptions.LOCAL_ONLY_TABLES.keySet());

        assertThat(unexplained).as("device tables that are neither on the server nor declared local-only").isEmpty();
    }

    @Test
    void localOnlyTablesReallyAreLocal() {
        assertThat(MirrorExceptions.LOCAL_ONLY_TABLES.keySet()).allSatisfy(table -> {
            assertThat(device).as("declared local-only but missing on the device").containsKey(table);
            assertThat(server).as("declared local-only but present on the server").doesNotContainKey(table);
        });
    }

    @Test
    void everyServerColumnOfAMirroredTableIsOnTheDeviceOrExplained() {
        List<String> missing = new ArrayList<>();
        for (String table : mirroredTables()) {
            for (String column : server.get(table).keySet()) {
                String name = table + "." + column;
                if (!device.get(table).containsKey(column) && !MirrorExceptions.SERVER_ONLY_COLUMNS.containsKey(name)) {
                    missing.add(name);
                }
            }
        }
        assertThat(missing).as("server columns the device lacks without a reason in MirrorExceptions").isEmpty();
    }

    @Test
    void everyDeviceColumnOfAMirroredTableIsOnTheServer() {
        List<String> extra = new ArrayList<>();
        for (String table : mirroredTables()) {
            for (String column : device.get(table).keySet()) {
                String name = table + "." + column;
                if (!server.get(table).containsKey(column) && !MirrorExceptions.DEVICE_ONLY_COLUMNS.containsKey(name)) {
                    extra.add(name);
                }
            }
        }
        assertThat(extra).as("device columns the server does not have, without a reason in MirrorExceptions").isEmpty();
    }

    @Test
    void everyDeviceOnlyColumnIsOnTheDeviceAndNotYetOnTheServer() {
        assertThat(MirrorExceptions.DEVICE_ONLY_COLUMNS.keySet()).allSatisfy(name -> {
            String[] parts = name.split("\\.");
            assertThat(device.getOrDefault(parts[0], Map.of())).as("declared device-only but missing: " + name)
                    .containsKey(parts[1]);
            assertThat(server.getOrDefault(parts[0], Map.of())).as("declared device-only but on the server: " + name)
                    .doesNotContainKey(parts[1]);
        });
    }

    @Test
    void sharedColumnsHaveCompatibleTypesAndTheSameNullability() {
        List<String> differences = new ArrayList<>();
        for (String table : mirroredTables()) {
            for (Map.Entry<String, Column> entry : device.get(table).entrySet()) {
                Column onServer = server.get(table).get(entry.getKey());
                if (onServer == null) {
                    continue;
                }
                Column onDevice = entry.getValue();
                String name = table + "." + entry.getKey();
                if (!onDevice.type().equals(onServer.type())) {
                    differences.add(name + ": device " + onDevice.type() + ", server " + onServer.type());
                }
                if (onDevice.nullable() != onServer.nullable()) {
                    differences.add(name + ": device " + (onDevice.nullable() ? "NULL" : "NOT NULL") + ", server "
                            + (onServer.nullable() ? "NULL" : "NOT NULL"));
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void everyExplainedColumnStillExistsOnTheServer() {
        assertThat(MirrorExceptions.SERVER_ONLY_COLUMNS.keySet()).allSatisfy(name -> {
            String[] parts = name.split("\\.");
            assertThat(server.getOrDefault(parts[0], Map.of())).as("stale exception " + name).containsKey(parts[1]);
            assertThat(device.getOrDefault(parts[0], Map.of())).as("explained as server-only but mirrored: " + name)
                    .doesNotContainKey(parts[1]);
        });
    }

    private static Set<String> mirroredTables() {
        Set<String> mirrored = new TreeSet<>(device.keySet());
        mirrored.removeAll(MirrorExceptions.LOCAL_ONLY_TABLES.keySet());
        mirrored.retainAll(server.keySet());
        return mirrored;
    }

    /** A column's type in words both databases agree on, and whether it takes NULL. */
    record Column(String type, boolean nullable) {
    }

    private static Map<String, Map<String, Column>> columns(DataSource dataSource, String schema) throws SQLException {
        Map<String, Map<String, Column>> tables = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(COLUMNS)) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.computeIfAbsent(rows.getString(1), table -> new TreeMap<>()).put(rows.getString(2),
                            new Column(normalised(rows.getString(3), rows.getObject(4), rows.getObject(5), rows.getObject(6)),
                                    "YES".equals(rows.getString(7))));
                }
            }
        }
        return tables;
    }

    /**
     * PostgreSQL and H2 name the same types differently: text and unbounded CHARACTER VARYING are one
     * "text"; jsonb and JSON are one "json". Bounded strings keep their length, numerics their scale.
     */
    static String normalised(String dataType, Object length, Object precision, Object scale) {
        String type = dataType.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text" -> "text";
            case "character varying" -> length == null || ((Number) length).longValue() >= 1_000_000 ? "text"
                    : "varchar(" + length + ")";
            case "character" -> "char(" + length + ")";
            case "jsonb", "json" -> "json";
            case "numeric" -> "numeric(" + precision + "," + scale + ")";
            default -> type;
        };
    }
}
