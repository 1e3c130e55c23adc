import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes the app-image with the jpackage (and so the jlink'ed runtime) of the newest JDK it finds (docs/installing.md,
 * "What every package holds"): from JDK 24 on, the class-data-sharing archive also holds the classes linked
 * (-XX:+AOTClassLinking, JEP 483), and a warm start to the first lesson takes about 15 % less processor time than on
 * JDK 17. The app's code is still compiled for Java 17; the image is made on the build's own JDK where none is newer.
 * Where it looks: $PACKAGING_JDK if set (a JDK's home, used whatever its version), else the JDKs in the system's usual
 * folder (/usr/lib/jvm, /Library/Java/JavaVirtualMachines/x/Contents/Home, C:\Program Files\Java and the like), else
 * the build's own. Says which it used. A single-file program (java JpackageAppImage.java), so it runs on every system
 * the installer is built on, with the build's own java.
 * Usage: java JpackageAppImage.java <the build's java.home> <JavaFX's modules folder> <jpackage's other arguments...>
 * (the modules folder is given apart: exec-maven-plugin drops the value after a --module-path it passes to java).
 */
public final class JpackageAppImage {

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    public static void main(String[] args) throws IOException, InterruptedException {
        Path jdk = chosen(Path.of(args[0]));
        int version = major(jdk);
        System.out.println("jpackage-app-image: the image's runtime is jlink'ed from JDK " + version + " at " + jdk);
        List<String> command = new ArrayList<>();
        command.add(tool(jdk, "jpackage").toString());
        command.addAll(List.of("--module-path", args[1]));
        command.addAll(List.of(args).subList(2, args.length));
        // jpackage's own jlink options but --strip-native-commands: the runtime keeps bin/java, which makes the
        // class-data-sharing archive (lib/app/make-class-data-archive.sh).
        command.addAll(List.of("--jlink-options", "--strip-debug --no-man-pages --no-header-files"));
        if (version >= 24) {
            // JavaFX 21 (loading its native code) and Lucene (madvise) call restricted methods, and JavaFX calls
            // sun.misc.Unsafe's memory methods: from JDK 24 on, each warns on standard error at its first use. Allowed,
            // so that --self-check and the other command-line uses print only their own output.
            command.addAll(List.of(
                    "--java-options", "--enable-native-access=ALL-UNNAMED,javafx.graphics,javafx.media,javafx.web",
                    "--java-options", "--sun-misc-unsafe-memory-access=allow"));
        }
        System.exit(new ProcessBuilder(command).inheritIO().start().waitFor());
    }

    private static Path chosen(Path buildJdk) throws IOException {
        String asked = System.getenv("PACKAGING_JDK");
        if (asked != null && !asked.isBlank()) {
            Path jdk = Path.of(asked);
            if (!Files.isRegularFile(tool(jdk, "jpackage"))) {
                throw new IllegalArgumentException("PACKAGING_JDK=" + asked + " has no bin/jpackage");
            }
            return jdk;
        }
        List<Path> found = new ArrayList<>(List.of(buildJdk));
        for (Path folder : List.of(Path.of("/usr/lib/jvm"), Path.of("/Library/Java/JavaVirtualMachines"),
                Path.of("C:\\Program Files\\Java"), Path.of("C:\\Program Files\\Eclipse Adoptium"))) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> homes = Files.list(folder)) {
                    homes.map(JpackageAppImage::javaHome)
                            .filter(home -> Files.isRegularFile(tool(home, "jpackage"))
                                    && Files.isRegularFile(tool(home, "jlink")))
                            .forEach(found::add);
                }
            }
        }
        // The build's own JDK wins a tie: it comes first and max keeps the first of equals.
        return found.stream().max(Comparator.comparingInt(JpackageAppImage::major)).orElse(buildJdk);
    }

    /** A macOS JDK's home is inside its bundle. */
    private static Path javaHome(Path installed) {
        Path bundled = installed.resolve("Contents/Home");
        return Files.isDirectory(bundled) ? bundled : installed;
    }

    private static Path tool(Path jdk, String name) {
        Path unix = jdk.resolve("bin").resolve(name);
        Path windows = jdk.resolve("bin").resolve(name + ".exe");
        return Files.isRegularFile(windows) ? windows : unix;
    }

    /** From the JDK's release file: JAVA_VERSION="25.0.1" gives 25; 0 (older than any) when it cannot tell. */
    private static int major(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        try {
            Matcher matcher = VERSION.matcher(Files.readString(release));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + release, e);
        }
    }
}
