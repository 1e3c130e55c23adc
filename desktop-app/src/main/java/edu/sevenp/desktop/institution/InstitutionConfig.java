package edu.sevenp.desktop.institution;

import edu.sevenp.desktop.network.NetworkSettings;
import edu.sevenp.desktop.network.ProxyAddress;
import edu.sevenp.desktop.network.ProxyRules;
import edu.sevenp.desktop.network.TrustedCertificates;
import edu.sevenp.desktop.ui.common.Theme;
import edu.sevenp.desktop.ui.settings.Language;
import edu.sevenp.desktop.ui.settings.SettingKey;
import edu.sevenp.desktop.ui.settings.Settings;
import edu.sevenp.desktop.ui.settings.SettingsPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An institution's configuration, as read from its files at start-up (docs/institution-config.md): the values of the
 * keys that were set and could be used, the files they came from, and what was wrong in them. A key missing here keeps
 * the player's built-in behaviour.
 *
 * @param values each key set, with its checked value (the type {@link ConfigKey#parse} makes)
 * @param files the files read, lowest precedence first
 * @param problems what was wrong in them, in file and line order
 */
public record InstitutionConfig(Map<ConfigKey, Object> values, List<Path> files, List<ConfigProblem> problems) {

    public InstitutionConfig {
        EnumMap<ConfigKey, Object> copy = new EnumMap<>(ConfigKey.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /** No configuration file: the player as built. */
    public static InstitutionConfig none() {
        return new InstitutionConfig(Map.of(), List.of(), List.of());
    }

    /** This file's values over {@code lower}'s, key by key; both files' problems. */
    public InstitutionConfig over(InstitutionConfig lower) {
        Map<ConfigKey, Object> merged = new EnumMap<>(ConfigKey.class);
        merged.putAll(lower.values);
        merged.putAll(values);
        List<Path> allFiles = new ArrayList<>(lower.files);
        allFiles.addAll(files);
        List<ConfigProblem> allProblems = new ArrayList<>(lower.problems);
        allProblems.addAll(problems);
        return new InstitutionConfig(merged, allFiles, allProblems);
    }

    public Optional<URI> serverUrl() {
        return get(ConfigKey.SERVER_URL, URI.class);
    }

    public Optional<Language> language() {
        return get(ConfigKey.LANGUAGE, Language.class);
    }

    public Optional<Theme> theme() {
        return get(ConfigKey.THEME, Theme.class);
    }

    public Optional<Integer> textSize() {
        return get(ConfigKey.TEXT_SIZE, Integer.class);
    }

    /** The settings the learner may not change. */
    @SuppressWarnings("unchecked")
    public Set<SettingKey> locked() {
        return get(ConfigKey.LOCKED, Set.class).map(set -> (Set<SettingKey>) set).orElse(Set.of());
    }

    public Optional<ProxyAddress> httpProxy() {
        return get(ConfigKey.PROXY_HTTP, ProxyAddress.class);
    }

    public Optional<ProxyAddress> httpsProxy() {
        return get(ConfigKey.PROXY_HTTPS, ProxyAddress.class);
    }

    @SuppressWarnings("unchecked")
    public List<String> noProxy() {
        return get(ConfigKey.NO_PROXY, List.class).map(list -> (List<String>) list).orElse(List.of());
    }

    public Optional<TrustedCertificates> trustedCertificates() {
        return get(ConfigKey.TRUSTED_CERTIFICATES, TrustedCertificates.class);
    }

    /** The folder of course packages to import into each profile. */
    public Optional<Path> coursePackages() {
        return get(ConfigKey.COURSE_PACKAGES, Path.class);
    }

    /** The profile to make and open, without asking, when there is none yet. */
    public Optional<String> autoCreateProfile() {
        return get(ConfigKey.PROFILE_AUTO_CREATE, String.class);
    }

    /**
     * The learner's settings under this configuration: the built-in defaults for the computer's language with the
     * institution's values over them, and its locks.
     */
    public SettingsPolicy settingsPolicy(Locale system) {
        Settings builtIn = Settings.defaults(system);
        Settings withServer = serverUrl().map(url -> builtIn.withServer(url.toString())).orElse(builtIn);
        Settings withLanguage = language().map(withServer::withLanguage).orElse(withServer);
        Settings withTheme = theme().map(withLanguage::withTheme).orElse(withLanguage);
        Settings all = textSize().map(withTheme::withTextSize).orElse(withTheme);
        return new SettingsPolicy(all, locked());
    }

    /** How the sync engine connects: the proxies and certificates configured, else the HTTP client's defaults. */
    public NetworkSettings network() {
        ProxyRules proxies = new ProxyRules(httpProxy(), httpsProxy(), noProxy());
        return new NetworkSettings(proxies.any() ? Optional.of(proxies) : Optional.empty(), trustedCertificates());
    }

    private <T> Optional<T> get(ConfigKey key, Class<T> type) {
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(values.get(key)).map(type::cast);
    }
}
