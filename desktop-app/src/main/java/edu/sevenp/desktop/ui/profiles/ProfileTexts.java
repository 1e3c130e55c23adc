package edu.sevenp.desktop.ui.profiles;

import edu.sevenp.desktop.profiles.LocalProfile;
import edu.sevenp.desktop.profiles.ProfileContents;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The profile screen's words: each profile's line, and what deleting one loses. Pure functions, tested without a window. */
public final class ProfileTexts {

    private ProfileTexts() {
    }

    public static ProfileItem item(LocalProfile profile) {
        String detail = profile.inUse() ? "Open in another 7P Course Player window"
                : profile.account().map(account -> "Syncs as " + account.email() + " with " + account.server())
                        .orElse("Not signed in: kept on this computer only");
        return new ProfileItem(profile.name(), detail, profile.inUse());
    }

    /** What deleting the profile removes, and what of it is kept nowhere else. */
    public static String loss(ProfileContents contents) {
        List<String> parts = new ArrayList<>();
        if (contents.courses() > 0) {
            parts.add(plural(contents.courses(), "course", "courses") + " with " + (contents.courses() == 1 ? "its" : "their")
                    + " downloaded media");
        }
        if (contents.notes() > 0) {
            parts.add(plural(contents.notes(), "note", "notes"));
        }
        if (contents.bookmarks() > 0) {
            parts.add(plural(contents.bookmarks(), "bookmark", "bookmarks"));
        }
        if (contents.lessonsStarted() > 0) {
            parts.add("progress in " + plural(contents.lessonsStarted(), "lesson", "lessons")
                    + (contents.lessonsCompleted() > 0 ? " (" + contents.lessonsCompleted() + " completed)" : ""));
        }
        if (contents.quizAttempts() > 0) {
            parts.add(plural(contents.quizAttempts(), "quiz attempt", "quiz attempts"));
        }
        String what = parts.isEmpty() ? "This removes the profile \u201c" + contents.name() + "\u201d from this computer;"
                + " it holds no courses, notes, bookmarks or progress yet."
                : "This removes from this computer: " + list(parts) + " (" + size(contents.bytes()) + " in all).";
        return what + " " + elsewhere(contents);
    }

    private static String elsewhere(ProfileContents contents) {
        if (contents.account().isEmpty()) {
            return contents.notes() + contents.bookmarks() + contents.lessonsStarted() + contents.quizAttempts() == 0
                    ? "It is not signed in to a sync server."
                    : "It is not signed in to a sync server, so none of it is kept anywhere else: it is lost for good.";
        }
        LocalProfile.Account account = contents.account().get();
        if (contents.unsentChanges() == 0) {
            return "Everything was sent to the account " + account.email() + " at " + account.server()
                    + "; it stays there, and signing in again brings it back.";
        }
        return plural(contents.unsentChanges(), "change has", "changes have") + " not reached the account "
                + account.email() + " yet and will be lost. To keep " + (contents.unsentChanges() == 1 ? "it" : "them")
                + ", open the profile and sync it first.";
    }

    /** "120 MB", "640 KB": decimal units, as file managers show them. */
    static String size(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        if (bytes >= 1_000_000L) {
            return Math.round(bytes / 1e6) + " MB";
        }
        return Math.max(1, Math.round(bytes / 1e3)) + " KB";
    }

    private static String list(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
