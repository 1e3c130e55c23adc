package edu.sevenp.migrations.schema.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.schema.Rejection;
import edu.sevenp.migrations.schema.TestData;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Categories form a tree: no category can be moved beneath itself. */
@PostgresTest
class CategoryTreeIT {

    private static final String MOVE = "UPDATE course_categories SET parent_id = ? WHERE id = ?";

    private final TestDatabase database;
    private Connection connection;
    private TestData data;

    CategoryTreeIT(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void connect() throws SQLException {
        connection = database.superuser().getConnection();
        data = new TestData(connection);
    }

    @AfterEach
    void disconnect() throws SQLException {
        connection.close();
    }

    @Test
    void movingACategoryBeneathItsOwnDescendantIsRejected() {
        UUID programming = data.category();
        UUID languages = data.category(programming);
        UUID java = data.category(languages);

        Rejection rejection = Rejection.of(() -> data.update(MOVE, java, programming));

        assertThat(rejection).isEqualTo(Rejection.check("category_tree_acyclic"));
    }

    @Test
    void theRejectionSaysWhichMoveWouldCloseALoop() {
        UUID programming = data.category();
        UUID languages = data.category(programming);

        String message = Rejection.messageOf(() -> data.update(MOVE, languages, programming));

        assertThat(message).isEqualTo("category " + programming + " cannot move under " + languages
                + ": that category is inside it");
    }

    @Test
    void movingACategoryIntoAnotherBranchIsAccepted() {
        UUID programming = data.category();
        UUID languages = data.category(programming);
        UUID design = data.category();

        data.update(MOVE, design, languages);

        assertThat(data.value("SELECT parent_id FROM course_categories WHERE id = ?", UUID.class, languages)).isEqualTo(design);
    }
}
