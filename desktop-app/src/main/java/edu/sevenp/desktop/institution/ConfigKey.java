package edu.sevenp.desktop.institution;

import edu.sevenp.desktop.network.ProxyAddress;
import edu.sevenp.desktop.network.TrustedCertificates;
import edu.sevenp.desktop.profiles.ProfileNames;
import edu.sevenp.desktop.ui.common.Theme;
import edu.sevenp.desktop.ui.settings.Language;
import edu.sevenp.desktop.ui.settings.SettingKey;
import edu.sevenp.desktop.ui.settings.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Every key of the institution configuration file, with how its value is read and checked. The reference for
 * administrators is docs/institution-config.md; keep the two together.
 */
public enum ConfigKey {
    /** The sync server: an http or https address. */
    SERVER_URL("serverUrl") {
        @Override
        Object parse(String value, Path folder, Consumer<String> problems) throws InvalidValueException {
            return serverUrl(value);
        }
    },
    /** A new profile's language: {@code en} or {@code de}. */
    LANGUAGE("language") {
        @Override
        Object parse(String value, Path folder, Consumer<String> problems) throws InvalidValueException {
            for (Language language : Language.values()) {
                if (language.tag().equals(value.toLowerCase(Locale.ROOT))) {
                    return language;
                }
            }
            throw new InvalidValueException("language must be one of " + Arrays.stream(Language.values())
                    .map(Language::tag).collect(Collectors.joining(", ")) + ", was '" + value + "'");
        }
    },
    /** A new profile's theme: {@code light} or {@code dark}. */
    THEME("theme") {
        @Override
        Object parse(String value, Path folder, Consumer<String> problems) throws InvalidValueException {
            for (Theme theme : Theme.values()) {
                if (theme.name().equalsIgnoreCase(value)) {
                    return theme;
                }
            }
            throw new InvalidValueException("theme must be light or dark, was '" + value + "'");
        }
    },
    /** A new profile's text size in percent: 100, 125, 150, 175 or 200. */
    TEXT_SIZE("textSize") {
        @Override
        Object parse(String value, Path folder, Consumer<String> problems) throws InvalidValueException {
            String sizes = Arrays.stream(Settings.TEXT_SIZES).mapToObj(Integer::toString).collect(Collectors.joining(", "));
            try {
                int percent = Integer.parseInt(value.endsWith("%") ? value.substring(0, value.length() - 1).strip() : value);
                if (Arrays.stream(Settings.TEXT_SIZES).anyMatch(size -> size == percent)) {
                    return percent;
                }
            } catch (NumberFormatException e) {
                // Said below, with the sizes there are.
            }
            throw new InvalidValueException("textSize must be one of " + sizes + ", was '" + value + "'");
        }
    },
    /** The settings the learner may not change: a comma-separated list of serverUrl, language, theme, textSize. */
    LOCKED("locked", true) {
        @Override
        Object parse(String value, Path folder, Consumer<String> problems) {
            Set<SettingKey> locked = EnumSet.noneOf(SettingKey.class);
            for (String name : list(value)) {
                SettingKey.byConfigName(name).ifPresentOrElse(locked::add, () -> problems.accept("locked: '" + name
                        + "' is not a setting that can be locked (" + Arrays.stream(SettingKey.values())
                        .map(SettingKey::configName).collect(Collectors.joining(", ")) + "); the others are locked"));
            }
            return Set.copyOf(locked);
        }
    },
    /** The proxy for http addresses (and https ones without {@link #PROXY_HTTPS}): {@code host:port}. */
    PROXY_HTTP("proxy.http") {
        @Override
        Object parse(String value, Path folder, Consumer<String> problems) throws InvalidValueException {
            return proxy(key(), value);
        }
    },
    /** The proxy for https addresses: {@code host:port}. */
    PROXY_HTTPS("proxy.https") {
        @Override
        Object parse(String value, Path folder, Consumer<String> problems) throws InvalidValueException {
            return proxy(key(), value);
        }
    },
    /** Hosts reached without a proxy: a comma-separated list of names, addresses and {@code *.domain}s. */
    NO_PROXY("proxy.noProxy", true) {
        @Override
        Object parse(String value, Path folder, Consumer<String> problems) throws InvalidValueException {
            List<String> hosts = list(value);
            for (String host : hosts) {
                if (host.contains("/") || host.contains(":") && !host.contains("::") || host.contains(" ")) {
                    throw new InvalidValueException("proxy.noProxy lists host names, addresses or *.domains separated by"
                            + " commas; '" + host + "' is none of them");
                }
            }
            return hosts;
        }
    },
    /** A PEM file, or a folder of them, trusted beside Java's certificate authorities. */
    TRUSTED_CERTIFICATES("trustedCertificates") {
        @Override
        Object parse(String value, Path folder, Consumer<String> problems) throws InvalidValueException {
            Path location = path(key(), value, folder);
            if (!Files.exists(location)) {
                throw new InvalidValueException("trustedCertificates: " + location + " does not exist");
            }
            try {
                return TrustedCertificates.read(location);
            } catch (IOException e) {
                throw new InvalidValueException("trustedCertificates: cannot read " + location + ": " + e.getMessage(), e);
            } catch (CertificateException e) {
                throw new InvalidValueException("trustedCertificates: " + e.getMessage(), e);
            }
        }
    },
    /** A folder of course packages (folders and .zip files) imported into each profile, and again when newer. */
    COURSE_PACKAGES("coursePackages") {
        @Override
        Object parse(String value, Path folder, Consumer<String> problems) throws InvalidValueException {
            Path location = path(key(), value, folder);
            if (!Files.isDirectory(location)) {
                throw new InvalidValueException("coursePackages: " + location + " is not a folder");
            }
            return location;
        }
    },
    /** The profile made and opened at the first start, instead of asking for a name. */
    PROFILE_AUTO_CREATE("profile.autoCreate") {
        @Override
        Object parse(String value, Path folder, Consumer<String> problems) throws InvalidValueException {
            if (!ProfileNames.valid(value)) {
                throw new InvalidValueException("profile.autoCreate must be a profile name: 1 to " + ProfileNames.MAX_LENGTH
                        + " lower-case letters, digits, - or _, starting with a letter or digit; was '" + value + "'"
                        + ProfileNames.suggestion(value).map(fits -> " (try '" + fits + "')").orElse(""));
            }
            return value;
        }
    };

    private final String key;
    private final boolean mayBeEmpty;

    ConfigKey(String key) {
        this(key, false);
    }

    ConfigKey(String key, boolean mayBeEmpty) {
        this.key = key;
        this.mayBeEmpty = mayBeEmpty;
    }

    /** The key as written in the file (case-sensitive). */
    public String key() {
        return key;
    }

    /** Whether an empty value means something (an empty list); for the other keys it is a mistake. */
    boolean mayBeEmpty() {
        return mayBeEmpty;
    }

    /**
     * The value, checked; relative paths are taken from {@code folder}, the configuration file's own.
     *
     * @param problems told of a part of the value left out, when the rest still applies
     * @throws InvalidValueException when the value cannot be used at all
     */
    abstract Object parse(String value, Path folder, Consumer<String> problems) throws InvalidValueException;

    public static Optional<ConfigKey> byKey(String key) {
        for (ConfigKey candidate : values()) {
            if (candidate.key.equals(key)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static URI serverUrl(String value) throws InvalidValueException {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Said below, as for every other address that is not a server's.
        }
        throw new InvalidValueException("serverUrl must be an http:// or https:// address with a host (no user, query or"
                + " fragment), such as https://sync.school.example, was '" + value + "'");
    }

    private static ProxyAddress proxy(String key, String value) throws InvalidValueException {
        return ProxyAddress.parse(value).orElseThrow(() -> new InvalidValueException(key
                + " must be host:port, such as proxy.school.example:3128, was '" + value + "'"));
    }

    private static Path path(String key, String value, Path folder) throws InvalidValueException {
        try {
            return folder.resolve(value).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidValueException(key + ": '" + value + "' is not a path", e);
        }
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return List.copyOf(items);
    }
}
