package edu.sevenp.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of ARCHITECTURE.md for the sync server. */
@AnalyzeClasses(packages = "edu.sevenp.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

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

    @ArchTest
    static final ArchRule useCasesKnowNeitherHttpNorSql = noClasses()
            .that().resideInAnyPackage("edu.sevenp.server.health..", "edu.sevenp.server.sync..", "edu.sevenp.server.catalog..",
                    "edu.sevenp.server.admin..")
            .should().dependOnClassesThat().resideInAnyPackage("edu.sevenp.server.http..", "edu.sevenp.server.db..");
}
