package edu.sevenp.coursepackage;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * course-package is shared by the player and the server, so it carries neither's frameworks: it depends
 * on shared-model, Jackson and jsoup only (ARCHITECTURE.md).
 */
@AnalyzeClasses(packages = "edu.sevenp.coursepackage", importOptions = ImportOption.DoNotIncludeTests.class)
class CoursePackageArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnNoOtherModuleButSharedModel = noClasses()
            .should().dependOnClassesThat(resideInAPackage("edu.sevenp..")
                    .and(not(resideInAnyPackage("edu.sevenp.coursepackage..", "edu.sevenp.model.."))));

    @ArchTest
    static final ArchRule usesNoUiDatabaseOrHttp = noClasses()
            .should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "com.sun.javafx..", "org.jooq..", "java.sql..", "javax.sql..", "org.h2..",
                    "org.flywaydb..", "org.postgresql..", "okhttp3..", "okio..", "io.javalin..", "org.eclipse.jetty..");

    /** One slice per package, the top package included (a pattern like "coursepackage.(*).." would leave it out). */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("edu.sevenp.(**)").should().beFreeOfCycles();
}
