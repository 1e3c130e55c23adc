package edu.sevenp.desktop.network;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/** A proxy's host and port, as written {@code host:port} ({@code [::1]:3128} for an IPv6 address). */
public record ProxyAddress(String host, int port) {

    public ProxyAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("blank host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port);
        }
    }

    /** {@code text} as {@code host:port}; empty when it is not one (no port, a path, a scheme, …). */
    public static Optional<ProxyAddress> parse(String text) {
        if (text == null || text.isBlank() || text.contains("/") || text.contains("@")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI("http://" + text.strip());
            if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65_535 || !uri.getRawPath().isEmpty()
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                    : uri.getHost();
            return Optional.of(new ProxyAddress(host, uri.getPort()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
