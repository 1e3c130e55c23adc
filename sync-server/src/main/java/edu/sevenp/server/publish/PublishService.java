package edu.sevenp.server.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.CoursePackage;
import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.coursepackage.InvalidPackageException;
import edu.sevenp.coursepackage.ManifestModel;
import edu.sevenp.coursepackage.PackagePurpose;
import edu.sevenp.coursepackage.PackageVersion;
import edu.sevenp.coursepackage.ResourceFiles;
import edu.sevenp.model.LessonFormat;
import edu.sevenp.model.protocol.CourseVersionView;
import edu.sevenp.model.protocol.PackageProblemView;
import edu.sevenp.model.protocol.PublishResult;
import edu.sevenp.server.auth.Caller;
import edu.sevenp.server.media.MediaStore;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.Inputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Publishing (docs/sync-protocol.md, section 11): a course package checked with exactly the player's rules (for
 * publishing: graded answer keys allowed, and required where the server grades), its files stored by hash, and
 * its rows written as the instructor, in one transaction, as a new immutable version of the course.
 */
public final class PublishService {

    private static final BigDecimal DEFAULT_PASSING_SCORE = BigDecimal.valueOf(70);

    private final PublishStore store;
    private final MediaStore media;
    private final CoursePackageReader reader;
    private final ObjectMapper mapper;
    private final Clock clock;

    public PublishService(PublishStore store, MediaStore media, ObjectMapper mapper, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.media = Objects.requireNonNull(media, "media");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.reader = new CoursePackageReader(mapper.copy().enable(
                com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Publishes the package in {@code zip} (or only checks it, for a dry run). */
    public PublishResult publish(Caller caller, Path zip, boolean dryRun, String summary) {
        Inputs.optionalText(summary, "summary", 500);
        try (CoursePackage coursePackage = read(zip)) {
            ManifestModel.Manifest manifest = coursePackage.manifest();
            UUID courseId = manifest.course().id();
            PublishStore.Standing standing = store.standing(caller.user(), courseId);
            if (!standing.teaches() && !standing.admin()) {
                throw ApiProblem.forbidden("role_required", "Publishing needs the instructor role; ask an administrator.");
            }
            if (standing.owner().isPresent() && !standing.owner().get().equals(caller.user().value()) && !standing.admin()) {
                throw ApiProblem.forbidden("not_your_course", "Course " + courseId + " is taught by another instructor;"
                        + " give your package a course id of its own.");
            }
            String version = manifest.course().version();
            if (standing.lastPackageVersion().isPresent()
                    && PackageVersion.compare(version, standing.lastPackageVersion().get()) <= 0) {
                throw ApiProblem.conflict("version_not_newer", "The package's version " + version
                        + " is not newer than the published " + standing.lastPackageVersion().get()
                        + "; raise course.version in manifest.json.");
            }
            Publication publication = publication(coursePackage, summary);
            int versionNumber = standing.lastVersionNumber() + 1;
            if (dryRun) {
                return result(publication, versionNumber, 0, PublishResult.Removed.NONE, true);
            }
            long newBytes = storeFiles(coursePackage, publication);
            PublishResult.Removed removed = store.publish(caller.user(), publication, versionNumber);
            return result(publication, versionNumber, newBytes, removed, false);
        }
    }

    public List<CourseVersionView> versions(Caller caller, UUID courseId) {
        return store.versions(caller.user(), courseId);
    }

    private CoursePackage read(Path zip) {
        try {
            return reader.read(zip, PackagePurpose.PUBLISH);
        } catch (InvalidPackageException e) {
            List<PackageProblemView> problems = e.problems().stream()
                    .map(problem -> new PackageProblemView(problem.file(), problem.line(), problem.field(), problem.message()))
                    .toList();
            throw ApiProblem.invalidPackage("The course package is not valid (" + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + ")", problems);
        } catch (IOException e) {
            throw ApiProblem.invalidPackage("The course package could not be read: " + e.getMessage(),
                    List.of(new PackageProblemView("", 0, "", "could not be read: " + e.getMessage())));
        }
    }

    private long storeFiles(CoursePackage coursePackage, Publication publication) {
        Map<String, String> fileBySha = new HashMap<>();
        publication.media().forEach(file -> fileBySha.putIfAbsent(file.sha256(), file.filePath()));
        long stored = 0;
        for (Map.Entry<String, String> file : fileBySha.entrySet()) {
            try {
                stored += media.store(file.getKey(), coursePackage.file(file.getValue()));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not store the media file " + file.getValue() + ": " + e.getMessage(), e);
            }
        }
        return stored;
    }

    private PublishResult result(Publication publication, int versionNumber, long newBytes, PublishResult.Removed removed,
            boolean dryRun) {
        return new PublishResult(publication.course().id(), versionNumber, publication.packageVersion(),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), publication.lessons().size(),
                publication.quizzes().size(), publication.media().size(), publication.mediaBytes(), newBytes, removed, dryRun);
    }

    /** The package as rows, and the snapshot kept with the version: the manifest with its keys, and every body. */
    Publication publication(CoursePackage coursePackage, String summary) {
        ManifestModel.Manifest manifest = coursePackage.manifest();
        ManifestModel.CourseEntry course = manifest.course();
        Map<UUID, ManifestModel.MediaEntry> mediaById = new HashMap<>();
        manifest.media().forEach(entry -> mediaById.put(entry.id(), entry));

        List<Publication.Section> sections = new ArrayList<>();
        List<Publication.Lesson> lessons = new ArrayList<>();
        List<Publication.Resource> resources = new ArrayList<>();
        List<Publication.Quiz> quizzes = new ArrayList<>();
        List<Publication.Question> questions = new ArrayList<>();
        List<Publication.Media> mediaRows = new ArrayList<>();
        manifest.media().forEach(entry -> mediaRows.add(new Publication.Media(entry.id(), entry.file(), entry.sha256(),
                entry.size(), entry.mimeType(), entry.width(), entry.height(), entry.durationSeconds())));
        ObjectNode bodies = mapper.createObjectNode();
        for (ManifestModel.SectionEntry section : manifest.sections()) {
            sections.add(new Publication.Section(section.id(), section.order(), section.title(), section.description()));
            for (ManifestModel.LessonEntry lesson : section.lessons()) {
                var body = coursePackage.body(lesson.id());
                bodies.put(lesson.id().toString(), body.text());
                ManifestModel.MediaEntry video = lesson.video() == null ? null : mediaById.get(lesson.video());
                lessons.add(new Publication.Lesson(lesson.id(), section.id(), lesson.order(), lesson.slug(), lesson.title(),
                        body.text(), body.format() == LessonFormat.HTML ? "html" : "markdown", lesson.contentType(),
                        video == null ? null : "media:" + video.sha256(), video == null ? null : video.durationSeconds(),
                        lesson.readingTimeMinutes(), lesson.preview()));
                lesson.resources().forEach(resource -> resources.add(resource(resource, lesson.id(), mediaRows)));
                lesson.quizzes().forEach(quiz -> quiz(quiz, lesson.id(), quizzes, questions));
            }
        }
        manifest.resources().forEach(resource -> resources.add(resource(resource, null, mediaRows)));
        manifest.quizzes().forEach(quiz -> quiz(quiz, null, quizzes, questions));

        ObjectNode snapshot = mapper.createObjectNode();
        snapshot.set("manifest", mapper.valueToTree(manifest));
        snapshot.set("bodies", bodies);
        return new Publication(new Publication.Course(course.id(), course.slug(), course.title(), course.shortDescription(),
                course.description(), course.difficulty(), course.language(), mapper.valueToTree(course.learningObjectives()),
                mapper.valueToTree(course.requirements()), mapper.valueToTree(course.targetAudience())),
                sections, lessons, mediaRows, resources, quizzes, questions, snapshot, course.version(), summary);
    }

    private static Publication.Resource resource(ManifestModel.ResourceEntry resource, UUID lessonId,
            List<Publication.Media> mediaRows) {
        if (!resource.isFile()) {
            return new Publication.Resource(resource.id(), lessonId, null, resource.title(), resource.description(),
                    resource.url(), null, null);
        }
        UUID mediaId = ResourceFiles.mediaFileId(resource.id());
        mediaRows.add(new Publication.Media(mediaId, resource.file(), resource.sha256(), resource.size(), resource.mimeType(),
                null, null, null));
        return new Publication.Resource(resource.id(), lessonId, mediaId, resource.title(), resource.description(),
                "media:" + resource.sha256(), resource.mimeType(), resource.size());
    }

    private void quiz(ManifestModel.QuizEntry quiz, UUID lessonId, List<Publication.Quiz> quizzes,
            List<Publication.Question> questions) {
        quizzes.add(new Publication.Quiz(quiz.id(), lessonId, quiz.title(), quiz.description(), quiz.instructions(), quiz.mode(),
                quiz.timeLimitMinutes(), quiz.attemptsAllowed(),
                quiz.passingScore() == null ? DEFAULT_PASSING_SCORE : quiz.passingScore()));
        for (ManifestModel.QuestionEntry question : quiz.questions()) {
            JsonNode options = question.options() == null ? null : mapper.valueToTree(question.options());
            questions.add(new Publication.Question(question.id(), quiz.id(), question.order(), question.type(), question.text(),
                    options, question.points() == null ? BigDecimal.ONE : question.points(), question.answer(),
                    question.explanation()));
        }
    }
}
