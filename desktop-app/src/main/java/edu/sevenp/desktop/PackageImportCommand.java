package edu.sevenp.desktop;

import edu.sevenp.desktop.institution.InstitutionConfig;
import edu.sevenp.coursepackage.CoursePackage;
import edu.sevenp.coursepackage.InvalidPackageException;
import edu.sevenp.desktop.store.ImportSummary;
import edu.sevenp.desktop.store.StoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code --import <package>}: validates a course package and imports it into the profile. Prints a
 * summary and exits 0, or prints every problem and exits 1 with the library unchanged.
 */
final class PackageImportCommand {

    private PackageImportCommand() {
    }

    static int run(DesktopPaths paths, Path packagePath, PrintStream out, PrintStream err) {
        return run(paths, InstitutionConfig.none(), packagePath, out, err);
    }

    /** Under an institution's configuration: its course folder is imported too, as whenever the profile opens. */
    static int run(DesktopPaths paths, InstitutionConfig institution, Path packagePath, PrintStream out, PrintStream err) {
        try (DesktopContext context = DesktopContext.open(paths, institution)) {
            try (CoursePackage coursePackage = context.packageReader().read(packagePath)) {
                ImportSummary summary = context.store().importer().importPackage(coursePackage);
                out.println(summary.describe());
                return 0;
            }
        } catch (InvalidPackageException e) {
            err.println(e.getMessage());
            err.println("Nothing was imported.");
            return 1;
        } catch (IOException e) {
            err.println("Cannot read " + packagePath + ": " + e.getMessage());
            err.println("Nothing was imported.");
            return 1;
        } catch (StoreException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
