package edu.sevenp.desktop.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.coursepackage.testing.PackageFixture;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store refuses in the learner's language: the player sets the default locale to it before the store opens, and
 * the words are read from this package's bundle when a refusal is made.
 */
class StoreFailuresInGermanTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00Z");

    @TempDir
    Path temp;

    private Locale before;
    private LocalStore store;

    @BeforeEach
    void german() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        store = LocalStore.openInMemory("german-store-" + UUID.randomUUID());
    }

    @AfterEach
    void restore() {
        store.close();
        Locale.setDefault(before);
    }

    @Test
    void aWriteTheDatabaseRefusesIsToldInGerman() {
        StoreFixture fixture = new StoreFixture(store);
        StoreFixture.FixtureCourse course = fixture.course("Joins", 1, 1);

        assertThatThrownBy(() -> store.notes().create(fixture.learner(), course.lesson(0), "x".repeat(20_001), null,
                MONDAY))
                .isInstanceOf(StoreException.class)
                .hasMessage("Die Notiz konnte nicht gespeichert werden; es wurde nichts gespeichert.");
    }

    @Test
    void aPackageWhoseSlugAnotherCourseHasIsRefusedInGerman() {
        store.importer().importPackage(PackageFixture.course("Joins", 1, 1).read(temp.resolve("first")));
        PackageFixture other = PackageFixture.course("Joins", 1, 1);

        assertThatThrownBy(() -> store.importer().importPackage(other.read(temp.resolve("second"))))
                .isInstanceOf(StoreException.class)
                .hasMessage("Die Bibliothek hat bereits einen anderen Kurs, „Joins“, mit dem Kurznamen „joins“; das Paket"
                        + " wurde nicht importiert.");
    }

    @Test
    void aPackageReusingAnotherCoursesIdIsRefusedInGerman() {
        PackageFixture first = PackageFixture.course("First course", 1, 1);
        store.importer().importPackage(first.read(temp.resolve("first")));
        PackageFixture thief = PackageFixture.course("Second course", 1, 1);
        String lesson = first.lesson(0, 0).get("id").asText();
        thief.lesson(0, 0).put("id", lesson);

        assertThatThrownBy(() -> store.importer().importPackage(thief.read(temp.resolve("second"))))
                .isInstanceOf(StoreException.class)
                .hasMessage("Das Paket verwendet eine ID eines anderen Kurses der Bibliothek wieder (Lektion " + lesson
                        + " gehört zu „First course“); IDs dürfen nur für einen Kurs erzeugt werden. Das Paket wurde nicht"
                        + " importiert.");
    }
}
