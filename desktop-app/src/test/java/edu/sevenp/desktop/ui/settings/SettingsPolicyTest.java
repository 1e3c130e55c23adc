package edu.sevenp.desktop.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.ui.common.Theme;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The learner's settings over the institution's defaults, under its locks. */
class SettingsPolicyTest {

    private static final Settings INSTITUTION = new Settings(Theme.DARK, 125, Language.GERMAN, "https://sync.school.example");
    private static final Settings LEARNER = new Settings(Theme.LIGHT, 175, Language.ENGLISH, "https://mine.example");

    @Test
    void withoutALockTheLearnersSettingsWinOverTheDefaults() {
        SettingsPolicy policy = new SettingsPolicy(INSTITUTION, Set.of());

        assertThat(policy.effective(Optional.empty())).isEqualTo(INSTITUTION);
        assertThat(policy.effective(Optional.of(LEARNER))).isEqualTo(LEARNER);
    }

    @Test
    void aLockedSettingIsTheInstitutionsWhateverTheLearnerSaved() {
        SettingsPolicy policy = new SettingsPolicy(INSTITUTION, Set.of(SettingKey.SERVER_URL, SettingKey.LANGUAGE));

        assertThat(policy.effective(Optional.of(LEARNER)))
                .isEqualTo(new Settings(Theme.LIGHT, 175, Language.GERMAN, "https://sync.school.example"));
    }

    @Test
    void everySettingCanBeLocked() {
        SettingsPolicy policy = new SettingsPolicy(INSTITUTION, Set.of(SettingKey.values()));

        assertThat(policy.effective(Optional.of(LEARNER))).isEqualTo(INSTITUTION);
        for (SettingKey key : SettingKey.values()) {
            assertThat(policy.isLocked(key)).isTrue();
        }
    }

    @Test
    void savingKeepsTheLearnersOwnValueOfALockedSetting() {
        SettingsPolicy policy = new SettingsPolicy(INSTITUTION, Set.of(SettingKey.LANGUAGE, SettingKey.THEME));
        Settings shown = policy.effective(Optional.of(LEARNER)).withTextSize(200);

        assertThat(policy.toSave(shown, Optional.of(LEARNER))).isEqualTo(LEARNER.withTextSize(200));
        assertThat(policy.toSave(shown, Optional.empty()))
                .as("never saved: the locked ones are saved as the defaults, as a new profile would have them")
                .isEqualTo(shown);
    }

    @Test
    void theStoreLoadsWhatIsInForceAndSavesOnlyWhatTheLearnerMayChoose() {
        SettingsStore learner = SettingsStore.inMemory();
        learner.save(LEARNER);
        PolicySettingsStore store = new PolicySettingsStore(learner, new SettingsPolicy(INSTITUTION,
                Set.of(SettingKey.SERVER_URL)));

        assertThat(store.load()).contains(LEARNER.withServer(INSTITUTION.server()));
        store.save(LEARNER.withServer("https://elsewhere.example").withTheme(Theme.DARK));

        assertThat(learner.load()).contains(LEARNER.withTheme(Theme.DARK));
    }

    @Test
    void theBuiltInPolicyIsTheComputersLanguageAndNothingLocked() {
        assertThat(SettingsPolicy.builtIn(Locale.GERMANY))
                .isEqualTo(new SettingsPolicy(new Settings(Theme.LIGHT, 100, Language.GERMAN, ""), Set.of()));
    }
}
