package edu.sevenp.coursepackage.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.coursepackage.PackageRoot;
import edu.sevenp.coursepackage.readiness.BodyLinks.Link;
import edu.sevenp.coursepackage.readiness.PackageContents.Entry;
import edu.sevenp.coursepackage.readiness.PackageContents.Lesson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Warnings about files present but never used: a media entry that no lesson plays, captions or links to, and a file
 * in the package that the manifest does not name at all (the import leaves it behind). Left out of the second: the
 * manifest, a README at the top (authors keep notes there) and hidden files such as {@code .DS_Store}.
 */
final class MediaUsageRules implements ReadinessRule {

    private static final Pattern README = Pattern.compile("(?i)readme(\\.(md|txt))?");

    @Override
    public List<ReadinessItem> check(PackageContents contents) {
        Set<UUID> usedMedia = new HashSet<>();
        Set<String> linked = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        for (Lesson lesson : contents.lessons()) {
            PackageContents.uuid(lesson.node().path("video")).ifPresent(usedMedia::add);
            for (JsonNode track : lesson.node().path("captions")) {
                PackageContents.uuid(track.path("media")).ifPresent(usedMedia::add);
            }
            lesson.bodyPath().ifPresent(bodies::add);
            for (Link link : lesson.links().links()) {
                String path = link.target().split("[#?]", 2)[0];
                if (!path.isEmpty()) {
                    LinkRules.resolve(lesson.bodyPath().orElseThrow(), path).ifPresent(linked::add);
                }
            }
        }
        List<ReadinessItem> items = new ArrayList<>();
        for (Entry entry : contents.mediaEntries()) {
            Optional<String> file = PackageContents.textOf(entry.node().path("file"));
            boolean used = PackageContents.uuid(entry.node().path("id")).filter(usedMedia::contains).isPresent()
                    || file.filter(linked::contains).isPresent();
            if (!used && file.isPresent()) {
                items.add(contents.item(Check.MEDIA_UNREFERENCED, entry.pointer(), "\"" + file.get() + "\" is never used:"
                        + " no lesson plays it as its video, shows it as captions or links to it", Optional.empty()));
            }
        }
        Set<String> named = contents.namedFiles();
        for (String file : contents.files()) {
            if (file.equals(PackageRoot.MANIFEST) || README.matcher(file).matches() || hidden(file)
                    || bodies.contains(file) || named.contains(file) || linked.contains(file)) {
                continue;
            }
            items.add(new ReadinessItem(Check.MEDIA_UNREFERENCED, file, 0, "", "is in the package, but the manifest does"
                    + " not name it: the import leaves it behind; name it in media or resources, or remove it",
                    Optional.empty()));
        }
        return items;
    }

    private static boolean hidden(String file) {
        for (String part : file.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
