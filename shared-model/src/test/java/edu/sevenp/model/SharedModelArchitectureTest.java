package edu.sevenp.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** shared-model depends on nothing of ours and on no framework but the JSON mapper (ARCHITECTURE.md). */
@AnalyzeClasses(packages = "edu.sevenp.model", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedModelArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnNoOtherModule = noClasses()
            .should().dependOnClassesThat()
            .resideInAnyPackage("edu.sevenp.migrations..", "edu.sevenp.coursepackage..", "edu.sevenp.server..",
                    "edu.sevenp.desktop..", "edu.sevenp.installer..");

    @ArchTest
    static final ArchRule usesNoFrameworks = noClasses()
            .should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "org.jooq..", "java.sql..", "javax.sql..", "okhttp3..", "io.javalin..",
                    "org.flywaydb..", "org.h2..", "org.postgresql..");

    /** The sync payloads are plain records: Java, our own model, and Jackson's annotations, nothing else. */
    @ArchTest
    static final ArchRule syncPayloadsUseOnlyJavaAndJacksonAnnotations = classes()
            .that().resideInAPackage("edu.sevenp.model.sync..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "edu.sevenp.model..", "com.fasterxml.jackson.annotation..");

    /**
     * The protocol's messages are records too; JSON columns (a course's objectives, a question's options) travel
     * as Jackson's JSON tree, the one type of Jackson's core they may use.
     */
    @ArchTest
    static final ArchRule protocolMessagesUseOnlyJavaAndJacksonTrees = classes()
            .that().resideInAPackage("edu.sevenp.model.protocol..")
            .should().onlyDependOnClassesThat(JavaClass.Predicates
                    .resideInAnyPackage("java..", "edu.sevenp.model..", "com.fasterxml.jackson.annotation..")
                    .or(HasName.Predicates.name("com.fasterxml.jackson.databind.JsonNode")));

    /** One slice per package, the top package included (a pattern like "model.(*).." would leave it out). */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("edu.sevenp.(**)").should().beFreeOfCycles();
}
