package edu.sevenp.coursepackage.readiness;

import edu.sevenp.coursepackage.JsonLocations;
import edu.sevenp.coursepackage.readiness.BodyLinks.Link;
import edu.sevenp.coursepackage.readiness.PackageContents.Lesson;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Warnings about what lesson bodies link to inside the package: another lesson (by its body file, with or without a
 * {@code #anchor}), an anchor of the same lesson, or a file. Links with a scheme ({@code https:}, {@code mailto:})
 * lead out of the package and are not followed.
 */
final class LinkRules implements ReadinessRule {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    @Override
    public List<ReadinessItem> check(PackageContents contents) {
        Set<String> named = contents.namedFiles();
        List<ReadinessItem> items = new ArrayList<>();
        for (Lesson lesson : contents.lessons()) {
            for (Link link : lesson.links().links()) {
                problem(contents, named, lesson, link).ifPresent(message -> items.add(new ReadinessItem(
                        message.check(), lesson.bodyPath().orElseThrow(), link.line(),
                        JsonLocations.fieldOf(lesson.pointer() + "/body"), message.text(), lesson.id())));
            }
        }
        return items;
    }

    /** The package path a body file's link leads to, or empty when it climbs above the package. */
    static Optional<String> resolve(String fromFile, String target) {
        List<String> parts = new ArrayList<>();
        if (!target.startsWith("/")) {
            parts.addAll(List.of(fromFile.split("/")));
            parts.remove(parts.size() - 1);
        }
        for (String segment : target.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(segment);
            }
        }
        return Optional.of(String.join("/", parts));
    }

    private static Optional<Message> problem(PackageContents contents, Set<String> named, Lesson lesson, Link link) {
        String target = link.target();
        if (target.isEmpty() || target.startsWith("//") || SCHEME.matcher(target).matches()) {
            return Optional.empty();
        }
        int hash = target.indexOf('#');
        String path = decode(hash < 0 ? target : target.substring(0, hash));
        String anchor = hash < 0 ? "" : decode(target.substring(hash + 1));
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty()) {
            return anchor.isEmpty() || lesson.links().anchors().contains(anchor) ? Optional.empty()
                    : Optional.of(new Message(Check.BROKEN_LINK, "links to \"" + target + "\", but this lesson has no"
                            + " heading or id \"" + anchor + "\""));
        }
        Optional<String> resolved = resolve(lesson.bodyPath().orElseThrow(), path);
        String verb = link.image() ? "shows" : "links to";
        if (resolved.isEmpty()) {
            return Optional.of(new Message(link.image() ? Check.MEDIA_MISSING : Check.BROKEN_LINK, verb + " \"" + target
                    + "\", which leads outside the package"));
        }
        Optional<Lesson> other = contents.lessonWithBody(resolved.get());
        if (other.isPresent()) {
            return anchor.isEmpty() || other.get().links().anchors().contains(anchor) ? Optional.empty()
                    : Optional.of(new Message(Check.BROKEN_LINK, "links to \"" + target + "\", but the lesson "
                            + resolved.get() + " has no heading or id \"" + anchor + "\""));
        }
        if (named.contains(resolved.get())) {
            return Optional.empty();
        }
        if (contents.hasFile(resolved.get())) {
            return Optional.of(new Message(Check.MEDIA_MISSING, verb + " \"" + target + "\": the file is in the folder,"
                    + " but the manifest's media and resources do not name it, so it never reaches the player"));
        }
        return Optional.of(link.image()
                ? new Message(Check.MEDIA_MISSING, verb + " \"" + target + "\", which is not in the package")
                : new Message(Check.BROKEN_LINK, verb + " \"" + target + "\", which is neither a lesson nor a file of"
                        + " the package"));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a stray % is taken as written
        }
    }

    private record Message(Check check, String text) {
    }
}
