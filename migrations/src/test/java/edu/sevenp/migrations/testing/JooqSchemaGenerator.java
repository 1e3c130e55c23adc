package edu.sevenp.migrations.testing;

import edu.sevenp.migrations.Migrations;
import edu.sevenp.migrations.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;

/**
 * Generates jOOQ classes from the migrations, the way the style guide asks: migrate a real database
 * with the production {@link Migrations} entry point, then read its catalog. Run by the consuming
 * module's build (exec-maven-plugin) in generate-sources.
 *
 * <p>Arguments: {@code postgresql|h2 <package> <output dir> <migration scripts dir>}. When the
 * scripts and arguments hash to the stamp left by the previous run, nothing is regenerated.
 */
public final class JooqSchemaGenerator {

    /** Tables that are not part of the application's schema: Flyway's history and monthly partitions. */
    /** Bump when the generator's own settings change, so that old stamps stop matching. */
    private static final String GENERATOR_REVISION = "2";

    private static final String EXCLUDES = "flyway_schema_history|.*_p\\d{4}_\\d{2}|.*_default";

    private JooqSchemaGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: postgresql|h2 <package> <output dir> <migration scripts dir>");
        }
        Target target = Target.valueOf(args[0].toUpperCase(Locale.ROOT));
        String packageName = args[1];
        Path outputDirectory = Path.of(args[2]);
        Path scripts = Path.of(args[3]);

        String fingerprint = fingerprint(scripts, args);
        Path stamp = outputDirectory.resolve(".sevenp-jooq-stamp");
        if (Files.exists(stamp) && Files.readString(stamp).equals(fingerprint)) {
            System.out.println("jOOQ classes for " + target + " are up to date");
            return;
        }
        if (target == Target.POSTGRESQL) {
            generateFromPostgres(packageName, outputDirectory);
        } else {
            generateFromH2(packageName, outputDirectory);
        }
        Files.writeString(stamp, fingerprint);
    }

    private static void generateFromPostgres(String packageName, Path outputDirectory) throws Exception {
        try (SharedPostgres postgres = SharedPostgres.start(); TestDatabase database = postgres.newDatabase();
                Connection connection = database.owner().getConnection()) {
            generate(connection, "org.jooq.meta.postgres.PostgresDatabase", packageName, outputDirectory);
        }
    }

    private static void generateFromH2(String packageName, Path outputDirectory) throws Exception {
        // In its own class so that a module generating from PostgreSQL needs no H2 on its classpath.
        try (H2CodegenDatabase database = H2CodegenDatabase.migrated()) {
            generate(database.connection(), "org.jooq.meta.h2.H2Database", packageName, outputDirectory);
        }
    }

    static void generate(Connection connection, String databaseClass, String packageName, Path outputDirectory)
            throws Exception {
        Configuration configuration = new Configuration()
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName(databaseClass)
                                .withInputSchema("public")
                                .withOutputSchemaToDefault(true)
                                .withExcludes(EXCLUDES))
                        .withGenerate(new Generate()
                                .withRecords(true)
                                .withPojos(false)
                                .withDaos(false)
                                .withJavaTimeTypes(true)
                                .withRoutines(true)
                                // Self-referencing keys (category tree, token rotation) make to-many paths ambiguous.
                                .withImplicitJoinPathsToMany(false)
                                .withDeprecated(false))
                        .withTarget(new org.jooq.meta.jaxb.Target()
                                .withPackageName(packageName)
                                .withDirectory(outputDirectory.toString())
                                .withClean(true)));
        GenerationTool tool = new GenerationTool();
        tool.setConnection(connection);
        tool.run(configuration);
    }

    private static String fingerprint(Path scripts, String[] args) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((GENERATOR_REVISION + "\n" + String.join("\n", args)).getBytes(StandardCharsets.UTF_8));
            List<Path> files;
            try (Stream<Path> walk = Files.walk(scripts)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                digest.update(scripts.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
