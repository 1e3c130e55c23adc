package edu.sevenp.desktop.publish;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.coursepackage.PackagePurpose;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A package folder packed for the server: what goes in, under which names, and that it reads back as the same package. */
class PackageZipTest {

    @TempDir
    Path temp;

    @Test
    void everyFileGoesInByItsPathAndHiddenFilesStayOut() throws IOException {
        Path folder = PackageFixture.course("Joins", 1, 2).writeTo(temp.resolve("course"));
        Files.createDirectories(folder.resolve(".git"));
        Files.writeString(folder.resolve(".git/config"), "[core]", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("lessons/.DS_Store"), "x", StandardCharsets.UTF_8);
        Path zip = temp.resolve("course.zip");

        int written = PackageZip.write(folder, zip);

        List<String> expected = new ArrayList<>();
        try (var files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> !name.startsWith(".git/") && !name.endsWith(".DS_Store")).forEach(expected::add);
        }
        try (ZipFile packed = new ZipFile(zip.toFile())) {
            List<String> names = Collections.list(packed.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(names).containsExactlyInAnyOrderElementsOf(expected).contains("manifest.json");
            assertThat(packed.getInputStream(packed.getEntry("manifest.json")).readAllBytes())
                    .isEqualTo(Files.readAllBytes(folder.resolve("manifest.json")));
        }
        assertThat(written).isEqualTo(expected.size());
    }

    @Test
    void thePackedFolderReadsAsAValidPackageForPublishing() throws IOException {
        Path folder = PackageFixture.course("Joins", 2, 2).writeTo(temp.resolve("course"));
        Path zip = temp.resolve("course.zip");

        PackageZip.write(folder, zip);

        assertThat(new CoursePackageReader(JsonMapperFactory.createStrict()).problems(zip, PackagePurpose.PUBLISH)).isEmpty();
    }
}
