package edu.sevenp.desktop.ui.profiles;

import edu.sevenp.desktop.profiles.LocalProfile;
import edu.sevenp.desktop.profiles.ProfileContents;
import edu.sevenp.desktop.profiles.ProfileException;
import edu.sevenp.desktop.profiles.ProfileNames;
import edu.sevenp.desktop.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The profile screen's words, from the package's bundle: each profile's line, what deleting one loses, why a name or
 * an action was refused. Pure functions of the services' records, tested without a window.
 */
public final class ProfileTexts {

    private final Messages messages;

    public ProfileTexts(Locale locale) {
        this.messages = Messages.forPackage(ProfileTexts.class.getPackageName(), locale);
    }

    Messages messages() {
        return messages;
    }

    public ProfileItem item(LocalProfile profile) {
        String detail = profile.inUse() ? messages.get("item.inUse")
                : profile.account().map(account -> messages.format("item.syncs", account.email(), account.server()))
                        .orElse(messages.get("item.local"));
        return new ProfileItem(profile.name(), detail, profile.inUse());
    }

    /** What deleting the profile removes, and what of it is kept nowhere else. */
    public String loss(ProfileContents contents) {
        List<String> parts = new ArrayList<>();
        if (contents.courses() > 0) {
            parts.add(messages.format("loss.courses", contents.courses()));
        }
        if (contents.notes() > 0) {
            parts.add(messages.format("loss.notes", contents.notes()));
        }
        if (contents.bookmarks() > 0) {
            parts.add(messages.format("loss.bookmarks", contents.bookmarks()));
        }
        if (contents.lessonsStarted() > 0) {
            parts.add(contents.lessonsCompleted() > 0
                    ? messages.format("loss.progressCompleted", contents.lessonsStarted(), contents.lessonsCompleted())
                    : messages.format("loss.progress", contents.lessonsStarted()));
        }
        if (contents.quizAttempts() > 0) {
            parts.add(messages.format("loss.attempts", contents.quizAttempts()));
        }
        String what = parts.isEmpty() ? messages.format("loss.empty", contents.name())
                : messages.format("loss.what", list(parts), size(contents.bytes()));
        return what + " " + elsewhere(contents);
    }

    /** Why a name cannot be a profile's, with one that can when there is one. */
    public String nameProblem(ProfileNames.Problem problem, String typed) {
        return switch (problem) {
            case BLANK -> messages.get("name.blank");
            case TOO_LONG -> messages.format("name.tooLong", ProfileNames.MAX_LENGTH, typed.length());
            case CHARACTERS -> ProfileNames.suggestion(typed).map(better -> messages.format("name.charactersTry", better))
                    .orElse(messages.get("name.characters"));
        };
    }

    /** A refusal of the profiles, in the learner's language. */
    public String refusal(ProfileException refused) {
        return switch (refused.reason()) {
            case INVALID_NAME -> ProfileNames.check(refused.profile()).map(problem -> nameProblem(problem, refused.profile()))
                    .orElse(refused.getMessage());
            case EXISTS -> messages.format("profile.exists", refused.profile());
            case NOT_FOUND -> messages.format("profile.notFound", refused.profile());
            case IN_USE -> messages.format("profile.inUse", refused.profile());
            case FAILED -> messages.format("profile.failed", refused.detail().isEmpty() ? refused.getMessage()
                    : refused.detail());
        };
    }

    private String elsewhere(ProfileContents contents) {
        if (contents.account().isEmpty()) {
            return messages.get(contents.notes() + contents.bookmarks() + contents.lessonsStarted() + contents.quizAttempts()
                    == 0 ? "loss.notSignedInEmpty" : "loss.notSignedIn");
        }
        LocalProfile.Account account = contents.account().get();
        return contents.unsentChanges() == 0 ? messages.format("loss.synced", account.email(), account.server())
                : messages.format("loss.unsent", contents.unsentChanges(), account.email());
    }

    /** "120 MB", "640 KB": decimal units, as file managers show them. */
    String size(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return messages.format("size.gb", bytes / 1e9);
        }
        if (bytes >= 1_000_000L) {
            return messages.format("size.mb", Math.round(bytes / 1e6));
        }
        return messages.format("size.kb", Math.max(1, Math.round(bytes / 1e3)));
    }

    private String list(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(messages.get("loss.listSeparator"), parts.subList(0, parts.size() - 1))
                + messages.get("loss.listLast") + parts.get(parts.size() - 1);
    }
}
