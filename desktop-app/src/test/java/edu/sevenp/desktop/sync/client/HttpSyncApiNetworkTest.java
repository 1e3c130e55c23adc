package edu.sevenp.desktop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.network.NetworkSettings;
import edu.sevenp.desktop.network.ProxyAddress;
import edu.sevenp.desktop.network.ProxyRules;
import edu.sevenp.desktop.network.TrustedCertificates;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync engine's HTTP client through an institution's proxy, trusting its certificates. */
class HttpSyncApiNetworkTest {

    @TempDir
    Path temp;

    @Test
    void requestsGoThroughTheConfiguredProxyUnlessTheHostIsExempt() throws Exception {
        try (MockWebServer proxy = new MockWebServer()) {
            proxy.enqueue(new MockResponse().setBody("through the proxy"));
            proxy.start();
            OkHttpClient client = HttpSyncApi.client(new NetworkSettings(Optional.of(new ProxyRules(
                    Optional.of(new ProxyAddress(proxy.getHostName(), proxy.getPort())), Optional.empty(),
                    List.of("*.direct.invalid"))), Optional.empty()));

            // A host nobody can resolve: only the proxy can answer for it.
            try (Response response = client.newCall(new Request.Builder()
                    .url("http://sync.school.invalid/api/info").build()).execute()) {
                assertThat(response.body().string()).isEqualTo("through the proxy");
            }
            RecordedRequest seen = proxy.takeRequest(5, TimeUnit.SECONDS);
            assertThat(seen.getRequestLine()).isEqualTo("GET http://sync.school.invalid/api/info HTTP/1.1");
            assertThat(client.proxySelector().select(java.net.URI.create("http://a.direct.invalid/")))
                    .containsExactly(java.net.Proxy.NO_PROXY);
        }
    }

    @Test
    void theInstitutionsCertificatesAreTrustedBesideJavasOwn() throws Exception {
        Path pem = temp.resolve("ca.pem");
        try (InputStream in = HttpSyncApiNetworkTest.class.getResourceAsStream(
                "/edu/sevenp/desktop/network/inspecting-proxy-ca.pem")) {
            Files.copy(in, pem);
        }
        TrustedCertificates trusted = TrustedCertificates.read(pem);

        OkHttpClient client = HttpSyncApi.client(new NetworkSettings(Optional.empty(), Optional.of(trusted)));

        X509Certificate institution = trusted.certificates().get(0);
        assertThat(client.x509TrustManager().getAcceptedIssuers()).contains(institution);
        client.x509TrustManager().checkServerTrusted(new X509Certificate[] {institution}, "RSA");
        assertThat(HttpSyncApi.client(NetworkSettings.defaults()).x509TrustManager().getAcceptedIssuers())
                .doesNotContain(institution);
    }
}
