package edu.sevenp.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of ARCHITECTURE.md and of the sync issue for the sync server. */
@AnalyzeClasses(packages = "edu.sevenp.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

    private static final String[] USE_CASES = {"edu.sevenp.server.auth..", "edu.sevenp.server.sync..",
        "edu.sevenp.server.media..", "edu.sevenp.server.publish..", "edu.sevenp.server.events..",
        "edu.sevenp.server.catalog..", "edu.sevenp.server.admin..", "edu.sevenp.server.health..",
        "edu.sevenp.server.maintenance..", "edu.sevenp.server.problem..", "edu.sevenp.server.statistics.."};

    @ArchTest
    static final ArchRule neverDependsOnTheDesktopApp = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("edu.sevenp.desktop..", "edu.sevenp.installer..");

    @ArchTest
    static final ArchRule noUiAndNoClientHttp = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "okhttp3..");

    @ArchTest
    static final ArchRule databaseAccessOnlyInTheDbPackage = noClasses()
            .that().resideOutsideOfPackage("edu.sevenp.server.db..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.jooq..",
                    "com.zaxxer.hikari..", "org.postgresql..", "io.zonky..", "org.flywaydb..");

    @ArchTest
    static final ArchRule httpFrameworkOnlyInTheHttpPackage = noClasses()
            .that().resideOutsideOfPackage("edu.sevenp.server.http..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..");

    /** The token and password libraries stay behind the auth package's own types. */
    @ArchTest
    static final ArchRule tokenAndPasswordLibrariesOnlyInAuth = noClasses()
            .that().resideOutsideOfPackage("edu.sevenp.server.auth..")
            .should().dependOnClassesThat().resideInAnyPackage("com.auth0..", "de.mkammerer..");

    @ArchTest
    static final ArchRule httpNeverUsesTheDatabaseLayer = noClasses()
            .that().resideInAPackage("edu.sevenp.server.http..")
            .should().dependOnClassesThat().resideInAPackage("edu.sevenp.server.db..");

    @ArchTest
    static final ArchRule useCasesKnowNeitherHttpNorSql = noClasses()
            .that().resideInAnyPackage(USE_CASES)
            .should().dependOnClassesThat().resideInAnyPackage("edu.sevenp.server.http..", "edu.sevenp.server.db..");

    /**
     * The request role is reached only through RequestTransactions, which sets the acting user first: row-level
     * security can only protect what goes through it. Nothing else asks the database for the request pool, makes
     * a pool, or runs a transaction of its own on one.
     */
    @ArchTest
    static final ArchRule onlyRequestTransactionsOpensRequestRoleTransactions = noClasses()
            .that().doNotHaveFullyQualifiedName("edu.sevenp.server.db.RequestTransactions")
            .and().doNotHaveFullyQualifiedName("edu.sevenp.server.db.ServerDatabase")
            .should().callMethod("edu.sevenp.server.db.ServerDatabase", "requestPool")
            .orShould().callConstructor("edu.sevenp.server.db.RequestTransactions", "javax.sql.DataSource")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("com.zaxxer.hikari.HikariDataSource");

    /** The sub-packages form no cycle (the composition root, edu.sevenp.server itself, wires them all). */
    @ArchTest
    static final ArchRule subPackagesAreFreeOfCycles = slices().matching("edu.sevenp.server.(*)..").should().beFreeOfCycles();
}
