package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.MEDIA_CACHE;

import edu.sevenp.coursepackage.CoursePackage;
import edu.sevenp.desktop.media.MediaFolder;
import edu.sevenp.desktop.store.PackageRows.PackageFile;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * An import's first step, before its transaction: every media and resource file of the package, verified,
 * into the media folder. A file the media cache already lists as verified, and that is in the folder at
 * its size, is not read again.
 */
final class PackageMedia {

    private final DSLContext dsl;
    private final MediaFolder folder;

    PackageMedia(DSLContext dsl, MediaFolder folder) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /**
     * @param copied told each time a file is in place: the files done and the files in all (each hash once)
     * @throws StoreException when a file could not be copied or did not have its hash; the library is unchanged
     */
    void copy(CoursePackage coursePackage, CourseImporter.Progress copied) {
        List<PackageFile> files = PackageRows.files(coursePackage.manifest());
        Set<String> verified = new HashSet<>(dsl.select(MEDIA_CACHE.FILE_HASH).from(MEDIA_CACHE)
                .where(MEDIA_CACHE.FILE_HASH.in(files.stream().map(PackageFile::sha256).toList()),
                        MEDIA_CACHE.STATE.eq("verified"))
                .fetch(MEDIA_CACHE.FILE_HASH));
        Set<String> seen = new HashSet<>();
        int total = (int) files.stream().map(PackageFile::sha256).distinct().count();
        copied.filesCopied(0, total);
        for (PackageFile file : files) {
            if (!seen.add(file.sha256())) {
                continue;
            }
            try {
                folder.put(coursePackage.file(file.path()), file.sha256(), file.size(), verified.contains(file.sha256()));
            } catch (MediaFolder.MediaChangedException e) {
                throw new StoreException(StoreException.WORDS.text("import.fileChanged", file.path(),
                        coursePackage.source().toString()), e);
            } catch (IOException e) {
                throw new StoreException(StoreException.WORDS.text("import.copyFailed", file.path(),
                        coursePackage.source().toString(), folder.directory().toString()), e);
            }
            copied.filesCopied(seen.size(), total);
        }
    }
}
