package edu.sevenp.coursepackage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.testing.PackageFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoursePackageTest {

    @TempDir
    Path temp;

    @Test
    void listsEachFileTheManifestNamesOnce() {
        PackageFixture fixture = PackageFixture.course("Files", 1, 1);
        byte[] clip = "video".getBytes(StandardCharsets.UTF_8);
        fixture.addMedia("media/clip.mp4", clip, "video/mp4");
        ObjectNode lesson = fixture.lesson(0, 0);
        fixture.addResourceFile(lesson, "The clip again", "media/clip.mp4", clip, "video/mp4");
        fixture.addResourceFile(null, "Schema", "resources/schema.sql", "CREATE TABLE t ();".getBytes(StandardCharsets.UTF_8),
                "application/sql");
        fixture.addResourceLink(lesson, "Manual", "https://www.postgresql.org/docs/");

        CoursePackage read = fixture.read(temp.resolve("files"), PackagePurpose.PUBLISH);

        assertThat(read.files()).isEqualTo(Set.of("media/clip.mp4", "resources/schema.sql"));
    }
}
