package edu.sevenp.desktop.ui.settings;

import java.util.Optional;

/**
 * The learner's settings an institution can set and lock, by the names its configuration file uses for them
 * ({@code locked=serverUrl,language}; docs/institution-config.md).
 */
public enum SettingKey {
    SERVER_URL("serverUrl"),
    LANGUAGE("language"),
    THEME("theme"),
    TEXT_SIZE("textSize");

    private final String configName;

    SettingKey(String configName) {
        this.configName = configName;
    }

    /** The name in the configuration file. */
    public String configName() {
        return configName;
    }

    /** The setting a configuration file calls {@code name} (exactly; names are case-sensitive). */
    public static Optional<SettingKey> byConfigName(String name) {
        for (SettingKey key : values()) {
            if (key.configName.equals(name)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }
}
