package edu.sevenp.desktop.network;

import java.util.Objects;
import java.util.Optional;

/**
 * How the sync engine connects, as an institution configured it: its proxies and the certificates it trusts beside
 * Java's. Empty parts leave the HTTP client's defaults (Java's proxy settings, Java's certificate authorities).
 */
public record NetworkSettings(Optional<ProxyRules> proxies, Optional<TrustedCertificates> trusted) {

    public NetworkSettings {
        Objects.requireNonNull(proxies, "proxies");
        Objects.requireNonNull(trusted, "trusted");
    }

    /** Nothing configured: the client's defaults. */
    public static NetworkSettings defaults() {
        return new NetworkSettings(Optional.empty(), Optional.empty());
    }
}
