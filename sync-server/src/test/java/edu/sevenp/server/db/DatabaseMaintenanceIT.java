package edu.sevenp.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** The server's housekeeping, run as the schema owner against the real schema. */
@PostgresTest
class DatabaseMaintenanceIT {

    @Test
    void createsPartitionsFurtherAheadOnlyOnce(TestDatabase database) {
        DatabaseMaintenance maintenance = new DatabaseMaintenance(database.owner());
        String sixMonthsAhead = "learning_events_p" + YearMonth.now(ZoneOffset.UTC).plusMonths(6)
                .format(DateTimeFormatter.ofPattern("yyyy_MM"));

        assertThat(maintenance.createEventPartitions(6)).contains(sixMonthsAhead);
        assertThat(maintenance.createEventPartitions(6)).isEmpty();
    }

    @Test
    void detachesNothingWhileEveryPartitionIsYoung(TestDatabase database) {
        assertThat(new DatabaseMaintenance(database.owner()).detachOldEventPartitions(13)).isEmpty();
    }

    @Test
    void refreshesTheCourseStatistics(TestDatabase database) throws Exception {
        try (Connection superuser = database.superuser().getConnection(); Statement statement = superuser.createStatement()) {
            statement.execute("INSERT INTO users (id, email, name) VALUES ('00000000-0000-0000-0000-0000000000b1',"
                    + " 'teacher@example.org', 'Teacher')");
            statement.execute("INSERT INTO courses (title, slug, instructor_id, status, published_at) VALUES"
                    + " ('Published', 'published', '00000000-0000-0000-0000-0000000000b1', 'published', now())");
        }

        new DatabaseMaintenance(database.owner()).refreshCourseStatistics();

        try (Connection superuser = database.superuser().getConnection(); Statement statement = superuser.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM course_statistics")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }
}
