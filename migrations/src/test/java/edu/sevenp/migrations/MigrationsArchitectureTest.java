package edu.sevenp.migrations;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** migrations depends on nothing of ours and knows nothing of UI, HTTP or the sync client (ARCHITECTURE.md). */
@AnalyzeClasses(packages = "edu.sevenp.migrations", importOptions = ImportOption.DoNotIncludeTests.class)
class MigrationsArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnNoOtherModule = noClasses()
            .should().dependOnClassesThat()
            .resideInAnyPackage("edu.sevenp.model..", "edu.sevenp.coursepackage..", "edu.sevenp.server..",
                    "edu.sevenp.desktop..", "edu.sevenp.installer..");

    @ArchTest
    static final ArchRule usesNoUiOrHttp = noClasses()
            .should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "okhttp3..", "io.javalin..", "com.fasterxml.jackson..");

    /** jOOQ classes are generated into the modules that query (server.db, desktop.store); migrations runs plain SQL. */
    @ArchTest
    static final ArchRule runsWithoutJooq = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..");

    /**
     * One slice per package, the top package included: today that is the only package, so the rule
     * guards the packages to come ("migrations.(*).." would match no class and fail as empty).
     */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("edu.sevenp.(**)").should().beFreeOfCycles();
}
