package edu.sevenp.desktop.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.profiles.LocalProfile;
import edu.sevenp.desktop.profiles.ProfileContents;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileTextsTest {

    private static final ProfileTexts TEXTS = new ProfileTexts(Locale.UK);

    private static final Optional<LocalProfile.Account> ANA = Optional.of(new LocalProfile.Account("https://sync.example.org",
            "ana@example.org"));

    @Test
    void aProfileNeverSignedInLosesEverythingForGood() {
        ProfileContents contents = new ProfileContents("ana", 2, 12, 3, 8, 2, 1, 40, 118_400_000, Optional.empty());

        assertThat(TEXTS.loss(contents)).isEqualTo("This removes from this computer: 2 courses with their downloaded"
                + " media, 12 notes, 3 bookmarks, progress in 8 lessons (2 completed) and 1 quiz attempt (118 MB in all)."
                + " It is not signed in to a sync server, so none of it is kept anywhere else: it is lost for good.");
    }

    @Test
    void aSyncedProfileSaysItsAccountKeepsEverything() {
        ProfileContents contents = new ProfileContents("ana", 1, 1, 0, 0, 0, 0, 0, 640_000, ANA);

        assertThat(TEXTS.loss(contents)).isEqualTo("This removes from this computer: 1 course with its downloaded"
                + " media and 1 note (640 KB in all). Everything was sent to the account ana@example.org at"
                + " https://sync.example.org; it stays there, and signing in again brings it back.");
    }

    @Test
    void changesNotSentYetAreCountedAsLost() {
        ProfileContents contents = new ProfileContents("ana", 1, 3, 0, 0, 0, 0, 1, 2_000_000, ANA);

        assertThat(TEXTS.loss(contents)).endsWith("1 change has not reached the account ana@example.org yet and"
                + " will be lost. To keep it, open the profile and sync it first.");
    }

    @Test
    void eachProfileSaysWhatItSyncsWithOrThatItIsOpenElsewhere() {
        assertThat(TEXTS.item(new LocalProfile("ana", ANA, false))).isEqualTo(new ProfileItem("ana",
                "Syncs as ana@example.org with https://sync.example.org", false));
        assertThat(TEXTS.item(new LocalProfile("ben", Optional.empty(), false)).detail())
                .isEqualTo("Not signed in: kept on this computer only");
        assertThat(TEXTS.item(new LocalProfile("ben", Optional.empty(), true)).detail())
                .isEqualTo("Open in another 7P Course Player window");
    }
}
