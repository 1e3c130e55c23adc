package edu.sevenp.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of ARCHITECTURE.md for the desktop app. */
@AnalyzeClasses(packages = "edu.sevenp.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class DesktopArchitectureTest {

    @ArchTest
    static final ArchRule neverDependsOnTheServer = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("edu.sevenp.server..", "io.javalin..", "org.eclipse.jetty..");

    @ArchTest
    static final ArchRule javaFxOnlyInTheUiPackages = noClasses()
            .that().resideOutsideOfPackage("edu.sevenp.desktop.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..");

    @ArchTest
    static final ArchRule databaseAccessOnlyInTheStore = noClasses()
            .that().resideOutsideOfPackage("edu.sevenp.desktop.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.jooq..", "org.h2..",
                    "org.flywaydb..");

    /** The learning services speak records and repositories: no SQL, no JavaFX, no UI (view models call them). */
    @ArchTest
    static final ArchRule learningServicesUseNoDatabaseAndNoUi = noClasses()
            .that().resideInAPackage("edu.sevenp.desktop.learning..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..", "org.h2..",
                    "org.flywaydb..", "javafx..", "com.sun.javafx..", "edu.sevenp.desktop.ui..");

    @ArchTest
    static final ArchRule luceneOnlyInTheSearchPackage = noClasses()
            .that().resideOutsideOfPackage("edu.sevenp.desktop.search..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..");

    @ArchTest
    static final ArchRule okHttpOnlyInTheSyncPackage = noClasses()
            .that().resideOutsideOfPackage("edu.sevenp.desktop.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..");

    /** View models hold properties and call services; only views touch controls (JabRef's split). */
    @ArchTest
    static final ArchRule viewModelsNeverTouchControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..");

    /** jpackage launches a plain main class; an Application subclass as main fails outside the module path. */
    @ArchTest
    static final ArchRule theLauncherIsNotAJavaFxApplication = classes()
            .that().haveSimpleName("Launcher")
            .should().notBeAssignableTo("javafx.application.Application");
}
