package edu.sevenp.desktop;

import edu.sevenp.coursepackage.template.CourseTemplate;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --new-course <folder>}: writes a small valid course package to start from ({@link CourseTemplate}) into a
 * new or empty folder, and says what it wrote and how to check it. Refuses a folder with anything in it (exit 1),
 * so nothing of the author's is overwritten.
 */
final class NewCourseCommand {

    private NewCourseCommand() {
    }

    static int run(Path folder, PrintStream out, PrintStream err) {
        List<String> files;
        try {
            files = new CourseTemplate(JsonMapperFactory.create()).write(folder);
        } catch (FileAlreadyExistsException e) {
            err.println("No course was written: " + e.getMessage());
            return ExitCode.FAILURE.code();
        } catch (IOException e) {
            err.println("No course was written: cannot write to " + folder + " (" + e.getMessage() + ")");
            return ExitCode.FAILURE.code();
        }
        out.println("Wrote a new course package to " + folder + ":");
        files.forEach(file -> out.println("  " + file));
        out.println("Edit it, then check it with: sevenp --validate " + folder);
        return ExitCode.OK.code();
    }
}
