package edu.sevenp.desktop.network;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An institution's proxies for the sync engine's connections: {@code https} addresses go through the HTTPS proxy (or,
 * without one, the HTTP proxy), {@code http} addresses through the HTTP proxy, and a host on the no-proxy list goes
 * direct. A no-proxy entry is a host name or address ({@code localhost}, {@code 10.0.0.5}), matched whole and without
 * regard to case, or a domain written {@code *.school.example} or {@code .school.example}, which matches the hosts
 * under it and the domain itself.
 */
public record ProxyRules(Optional<ProxyAddress> http, Optional<ProxyAddress> https, List<String> noProxy) {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyRules.class);

    public ProxyRules {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(https, "https");
        noProxy = noProxy.stream().map(entry -> entry.strip().toLowerCase(Locale.ROOT)).filter(entry -> !entry.isEmpty())
                .toList();
    }

    /** Whether any proxy is configured at all (without one, the connections keep Java's own proxy settings). */
    public boolean any() {
        return http.isPresent() || https.isPresent();
    }

    /** The proxy for {@code address}, or none (go direct). */
    public Optional<ProxyAddress> proxyFor(URI address) {
        String host = address.getHost() == null ? "" : address.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (bypassed(host)) {
            return Optional.empty();
        }
        String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "https", "wss" -> https.or(() -> http);
            case "http", "ws" -> http;
            default -> Optional.empty();
        };
    }

    private boolean bypassed(String host) {
        for (String entry : noProxy) {
            String domain = entry.startsWith("*.") ? entry.substring(2) : entry.startsWith(".") ? entry.substring(1) : null;
            if (domain == null ? host.equals(entry) : host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    /** These rules as a {@link ProxySelector}, for an HTTP client. */
    public ProxySelector selector() {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return proxyFor(uri).map(proxy -> List.of(new Proxy(Proxy.Type.HTTP,
                        InetSocketAddress.createUnresolved(proxy.host(), proxy.port())))).orElse(List.of(Proxy.NO_PROXY));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress proxy, IOException failure) {
                // The request fails with this failure too, and the sync engine says so; this is where it went.
                LOG.warn("Could not connect to {} through the proxy {}: {}", uri, proxy, failure.getMessage());
            }
        };
    }
}
