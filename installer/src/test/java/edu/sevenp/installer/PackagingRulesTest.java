package edu.sevenp.installer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The installer's rules (ARCHITECTURE.md): it packages the desktop app and holds no code of its own,
 * and the main class it names is one jpackage can launch.
 */
class PackagingRulesTest {

    private static final String MAIN_CLASS = System.getProperty("installer.mainClass", "edu.sevenp.desktop.Launcher");

    @Test
    void theInstallerHasNoBusinessCode() {
        JavaClasses installerMain = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("edu.sevenp.installer");

        noClasses().should().resideInAPackage("edu.sevenp..").allowEmptyShould(true).check(installerMain);
        assertThat(installerMain).isEmpty();
    }

    @Test
    void theMainClassIsAPlainLauncherWithAMainMethod() throws Exception {
        Class<?> launcher = Class.forName(MAIN_CLASS);
        Method main = launcher.getMethod("main", String[].class);

        assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
        classes().that().haveFullyQualifiedName(MAIN_CLASS)
                .should().notBeAssignableTo("javafx.application.Application")
                .check(new ClassFileImporter().importClasses(launcher));
    }

    @Test
    void theAppShipsItsLogger() throws Exception {
        // The parent pom's test-scoped slf4j-simple once won over desktop-app's runtime one: no player.log at all.
        String shipped = Files.readString(Path.of(System.getProperty("installer.runtimeClasspath")));

        assertThat(shipped).contains("slf4j-simple-").contains("slf4j-api-");
    }

    @Test
    void theBundledSampleCourseShipsWithTheApp() {
        assertThat(PackagingRulesTest.class.getResource(
                "/edu/sevenp/desktop/sample/intro-to-relational-databases/manifest.json")).isNotNull();
    }
}
