package edu.sevenp.desktop;

import edu.sevenp.desktop.institution.ConfigProblem;
import edu.sevenp.desktop.institution.InstitutionConfig;
import edu.sevenp.desktop.profiles.LocalProfiles;
import edu.sevenp.desktop.ui.InstitutionNotices;
import edu.sevenp.desktop.ui.StartupViewModel;
import edu.sevenp.desktop.ui.common.Appearance;
import edu.sevenp.desktop.ui.settings.FolderOpener;
import edu.sevenp.desktop.ui.settings.PolicySettingsStore;
import edu.sevenp.desktop.ui.settings.Settings;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import edu.sevenp.desktop.ui.settings.SettingsPolicy;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window's start takes from the data folder and the institution's configuration: the profile to open without
 * the profile screen, each profile's settings under the institution's defaults and locks, how a profile opens, and what
 * the window says about the configuration. The launcher's, kept apart so that a test starts the window the same way.
 */
final class WindowStart {

    private static final Logger LOG = LoggerFactory.getLogger(WindowStart.class);

    private final DesktopPaths paths;
    private final InstitutionConfig institution;
    private final SettingsPolicy policy;

    /** @param system the computer's locale, whose language is the built-in default */
    WindowStart(DesktopPaths paths, InstitutionConfig institution, Locale system) {
        this.paths = Objects.requireNonNull(paths, "paths");
        this.institution = Objects.requireNonNull(institution, "institution");
        this.policy = institution.settingsPolicy(Objects.requireNonNull(system, "system"));
    }

    /**
     * The profile the window opens without the profile screen: the one named on the command line; else, while the
     * data folder has no profile at all, the one the institution has made without questions ({@code profile.autoCreate};
     * opening it makes it); else none (null): the profile screen shows.
     */
    String profileToOpen(LocalProfiles profiles, String requested) {
        if (requested != null) {
            return requested;
        }
        return institution.autoCreateProfile().filter(name -> {
            try {
                return profiles.list().isEmpty();
            } catch (RuntimeException e) {
                LOG.warn("Cannot list the profiles; showing the profile screen", e);
                return false;
            }
        }).orElse(null);
    }

    /** The settings of the profile the window opens with ({@code first}; null for none yet): they set the language. */
    Settings startingSettings(String first) {
        return first == null ? policy.effective(java.util.Optional.empty()) : store(first).load().orElseThrow();
    }

    /** Each profile's settings, as the settings screen works with them: the learner's under the institution's. */
    Function<String, SettingsContext> settings(Appearance appearance, FolderOpener folders) {
        return profile -> {
            PolicySettingsStore store = store(profile);
            return new SettingsContext(store, store.load().orElseThrow(), appearance, paths.dataDirectory(), folders,
                    policy.locked());
        };
    }

    /** Opens a profile for the window, with the institution's course folder and network settings. */
    StartupViewModel.ProfileOpener opener() {
        return profile -> DesktopContext.openForWindow(paths.withProfile(profile), institution);
    }

    /** What the window says about the configuration: each problem with its file and line. */
    InstitutionNotices notices() {
        return new InstitutionNotices(institution.problems().stream().map(ConfigProblem::toString).toList());
    }

    private PolicySettingsStore store(String profile) {
        return new PolicySettingsStore(SettingsFile.of(paths.withProfile(profile), policy.defaults()), policy);
    }
}
