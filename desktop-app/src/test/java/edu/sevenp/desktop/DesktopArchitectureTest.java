package edu.sevenp.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.util.List;

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

    /** The sync engine's HTTP client is the one door to the network; the engine itself speaks records. */
    @ArchTest
    static final ArchRule okHttpOnlyInTheSyncClientPackage = noClasses()
            .that().resideOutsideOfPackage("edu.sevenp.desktop.sync.client..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..");

    /** Views and view models speak the services' records (learning, library, search), never the store's. */
    @ArchTest
    static final ArchRule theUiNeverUsesTheStore = noClasses()
            .that().resideInAPackage("edu.sevenp.desktop.ui..")
            .should().dependOnClassesThat().resideInAPackage("edu.sevenp.desktop.store..");

    /** The store is the bottom layer: services, search, the sync engine and the UI are built on it, not in it. */
    @ArchTest
    static final ArchRule theStoreUsesNoLayerAboveIt = noClasses()
            .that().resideInAPackage("edu.sevenp.desktop.store..")
            .should().dependOnClassesThat().resideInAnyPackage("edu.sevenp.desktop.learning..",
                    "edu.sevenp.desktop.search..", "edu.sevenp.desktop.sync..", "edu.sevenp.desktop.ui..",
                    "edu.sevenp.desktop.library..");

    /** Media files and their hashes, shared by import and download: files only, the media cache's rows are the store's. */
    @ArchTest
    static final ArchRule mediaFilesKnowNoStore = noClasses()
            .that().resideInAPackage("edu.sevenp.desktop.media..")
            .should().dependOnClassesThat().resideInAnyPackage("edu.sevenp.desktop.store..", "edu.sevenp.desktop.ui..",
                    "edu.sevenp.desktop.learning..", "edu.sevenp.desktop.search..", "edu.sevenp.desktop.sync..");

    /**
     * One slice per package, the top package (the composition root: Launcher, DesktopContext) included:
     * a cycle means two packages that cannot be understood, tested or moved one without the other. The
     * pattern starts above the top package because "edu.sevenp.desktop.(**)" gives the top package's own
     * classes no slice (a cycle through DesktopContext went unseen with it). jOOQ's generated classes
     * (store.schema..) refer to each other across their packages by design; they are not ours to arrange,
     * and refer to nothing of ours.
     */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("edu.sevenp.(**)").should().beFreeOfCycles()
            .ignoreDependency(JavaClass.Predicates.resideInAPackage("edu.sevenp.desktop.store.schema.."),
                    DescribedPredicate.alwaysTrue());

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

    /**
     * Times the store writes (updated_at, an outbox entry's created_at) come from the Clock LocalStore
     * hands out, so that a test can fix them: java.time's now() and now(ZoneId) read the system clock,
     * now(Clock) does not. (System.nanoTime, for measuring elapsed time, is fine.)
     */
    @ArchTest
    static final ArchRule theStoreNeverReadsTheSystemClock = noClasses()
            .that().resideInAPackage("edu.sevenp.desktop.store..")
            .should().accessTargetWhere(readsTheSystemClock());

    /** Only LocalStore's factory methods choose the system clock, as the default of a store opened without one. */
    @ArchTest
    static final ArchRule onlyLocalStoreChoosesTheSystemClock = noClasses()
            .that().resideInAPackage("edu.sevenp.desktop.store..")
            .and().doNotHaveFullyQualifiedName("edu.sevenp.desktop.store.LocalStore")
            .should().accessTargetWhere(DescribedPredicate.describe("Clock.system...()", access ->
                    access.getTargetOwner().isEquivalentTo(Clock.class) && access.getName().startsWith("system")));

    private static DescribedPredicate<JavaAccess<?>> readsTheSystemClock() {
        return DescribedPredicate.describe("now() of java.time or System.currentTimeMillis()", access -> {
            AccessTarget target = access.getTarget();
            JavaClass owner = access.getTargetOwner();
            if (owner.isEquivalentTo(System.class)) {
                return target.getName().equals("currentTimeMillis");
            }
            return owner.getPackageName().equals("java.time") && target.getName().equals("now")
                    && !(target instanceof AccessTarget.CodeUnitAccessTarget codeUnit
                            && codeUnit.getRawParameterTypes().stream().map(JavaClass::getName).toList()
                                    .equals(List.of(Clock.class.getName())));
        });
    }
}
