package edu.sevenp.desktop.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.ApiClient;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.RunningServer;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** The real server in this JVM over a test class's database, with an instructor and a way to make courses and learners. */
final class EndToEndServer implements AutoCloseable {

    private static final AtomicInteger COURSES = new AtomicInteger();

    private final RunningServer server;
    private final TestDatabase database;
    private final Accounts accounts;
    private final Catalog catalog;
    private final UUID instructor;

    private EndToEndServer(RunningServer server, TestDatabase database) {
        this.server = server;
        this.database = database;
        this.accounts = new Accounts(server);
        this.catalog = new Catalog(database.superuser());
        this.instructor = accounts.instructor("Ines").user();
    }

    static EndToEndServer start(TestDatabase database) {
        return new EndToEndServer(RunningServer.start(database), database);
    }

    static EndToEndServer over(RunningServer server) {
        return new EndToEndServer(server, server.database());
    }

    String url() {
        return server.baseUrl();
    }

    RunningServer server() {
        return server;
    }

    Accounts accounts() {
        return accounts;
    }

    Catalog catalog() {
        return catalog;
    }

    DataSource superuser() {
        return database.superuser();
    }

    TestDatabase database() {
        return database;
    }

    /** A new free course of {@code lessons} lessons, with the catalog's graded and practice quizzes. */
    Catalog.Course course(int lessons) {
        return catalog.freeCourse(instructor, "e2e-" + COURSES.incrementAndGet(), lessons);
    }

    /** A new learner, enrolled in {@code course} through the API. */
    Accounts.SignedIn learnerIn(Catalog.Course course, String name) {
        Accounts.SignedIn learner = accounts.learner(name);
        ApiClient.Response enrolled = learner.api().post("/api/v1/courses/" + course.id() + "/enrollment", "");
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        return learner;
    }

    @Override
    public void close() {
        server.close();
    }
}
