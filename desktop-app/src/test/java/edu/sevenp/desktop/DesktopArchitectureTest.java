package edu.sevenp.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
