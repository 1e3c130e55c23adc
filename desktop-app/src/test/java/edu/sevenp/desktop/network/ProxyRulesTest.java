package edu.sevenp.desktop.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which proxy each address goes through. */
class ProxyRulesTest {

    private static final ProxyAddress HTTP = new ProxyAddress("proxy.school.example", 3128);
    private static final ProxyAddress HTTPS = new ProxyAddress("tls.school.example", 8443);

    @Test
    void httpsGoesThroughTheHttpsProxyAndHttpThroughTheHttpProxy() {
        ProxyRules rules = new ProxyRules(Optional.of(HTTP), Optional.of(HTTPS), List.of());

        assertThat(rules.proxyFor(URI.create("https://sync.example.org/api/v1/pull"))).contains(HTTPS);
        assertThat(rules.proxyFor(URI.create("http://sync.example.org/"))).contains(HTTP);
    }

    @Test
    void withOnlyAnHttpProxyHttpsUsesItToo() {
        ProxyRules rules = new ProxyRules(Optional.of(HTTP), Optional.empty(), List.of());

        assertThat(rules.proxyFor(URI.create("https://sync.example.org/"))).contains(HTTP);
        assertThat(new ProxyRules(Optional.empty(), Optional.of(HTTPS), List.of())
                .proxyFor(URI.create("http://sync.example.org/"))).isEmpty();
    }

    @Test
    void hostsOnTheNoProxyListGoDirect() {
        ProxyRules rules = new ProxyRules(Optional.of(HTTP), Optional.empty(),
                List.of("localhost", "10.0.0.5", "*.school.example", ".intranet", "::1"));

        assertThat(rules.proxyFor(URI.create("http://LOCALHOST:8080/"))).isEmpty();
        assertThat(rules.proxyFor(URI.create("http://10.0.0.5/"))).isEmpty();
        assertThat(rules.proxyFor(URI.create("https://sync.school.example/"))).isEmpty();
        assertThat(rules.proxyFor(URI.create("https://school.example/"))).isEmpty();
        assertThat(rules.proxyFor(URI.create("https://a.b.intranet/"))).isEmpty();
        assertThat(rules.proxyFor(URI.create("http://[::1]:8080/"))).isEmpty();
        assertThat(rules.proxyFor(URI.create("https://notschool.example/"))).contains(HTTP);
        assertThat(rules.proxyFor(URI.create("http://10.0.0.50/"))).contains(HTTP);
    }

    @Test
    void theSelectorAnswersJavasProxies() {
        ProxyRules rules = new ProxyRules(Optional.of(HTTP), Optional.empty(), List.of("localhost"));

        assertThat(rules.selector().select(URI.create("https://sync.example.org/")))
                .containsExactly(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.school.example", 3128)));
        assertThat(rules.selector().select(URI.create("http://localhost/"))).containsExactly(Proxy.NO_PROXY);
        assertThat(rules.any()).isTrue();
        assertThat(new ProxyRules(Optional.empty(), Optional.empty(), List.of("localhost")).any()).isFalse();
    }

    @Test
    void aProxyAddressIsHostColonPort() {
        assertThat(ProxyAddress.parse("proxy:3128")).contains(new ProxyAddress("proxy", 3128));
        assertThat(ProxyAddress.parse("[::1]:3128")).contains(new ProxyAddress("::1", 3128));
        assertThat(ProxyAddress.parse("[::1]:3128").orElseThrow().toString()).isEqualTo("[::1]:3128");
        assertThat(ProxyAddress.parse("proxy")).isEmpty();
        assertThat(ProxyAddress.parse("proxy:0")).isEmpty();
        assertThat(ProxyAddress.parse("proxy:99999")).isEmpty();
        assertThat(ProxyAddress.parse("user@proxy:3128")).isEmpty();
        assertThat(ProxyAddress.parse("http://proxy:3128")).isEmpty();
    }
}
