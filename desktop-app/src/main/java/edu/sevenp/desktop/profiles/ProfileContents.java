package edu.sevenp.desktop.profiles;

import java.util.Optional;

/**
 * What removing a profile loses: what it holds, counted, its size on the disk, and whether it syncs to an account.
 *
 * @param lessonsStarted lessons with progress, completed ones included
 * @param unsentChanges changes no sync server has: waiting to be sent, or kept here because their course is not on
 *        the server (everything, for a profile never signed in)
 * @param bytes the profile folder's size: database, downloaded media, search index
 */
public record ProfileContents(String name, int courses, int notes, int bookmarks, int lessonsStarted,
        int lessonsCompleted, int quizAttempts, int unsentChanges, long bytes, Optional<LocalProfile.Account> account) {

    /** A profile made but never opened: nothing in it yet. */
    static ProfileContents empty(String name, long bytes, Optional<LocalProfile.Account> account) {
        return new ProfileContents(name, 0, 0, 0, 0, 0, 0, 0, bytes, account);
    }
}
