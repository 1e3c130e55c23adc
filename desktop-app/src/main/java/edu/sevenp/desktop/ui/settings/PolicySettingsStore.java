package edu.sevenp.desktop.ui.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * The learner's settings store seen through the institution's {@link SettingsPolicy}: it loads the settings in force
 * and saves only what the learner may choose, leaving their own value of a locked setting as it was.
 */
public final class PolicySettingsStore implements SettingsStore {

    private final SettingsStore learner;
    private final SettingsPolicy policy;

    public PolicySettingsStore(SettingsStore learner, SettingsPolicy policy) {
        this.learner = Objects.requireNonNull(learner, "learner");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The settings in force: always present (the defaults, for a profile that saved none). */
    @Override
    public Optional<Settings> load() {
        return Optional.of(policy.effective(learner.load()));
    }

    @Override
    public void save(Settings settings) {
        learner.save(policy.toSave(settings, learner.load()));
    }

    public SettingsPolicy policy() {
        return policy;
    }
}
