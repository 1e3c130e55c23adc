package edu.sevenp.desktop.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An institution's certificate trusted beside Java's own authorities. */
class TrustedCertificatesTest {

    @TempDir
    Path temp;
    private Path pem;

    @BeforeEach
    void copyCertificate() throws IOException {
        pem = temp.resolve("proxy-ca.pem");
        try (InputStream in = TrustedCertificatesTest.class.getResourceAsStream("inspecting-proxy-ca.pem")) {
            Files.copy(in, pem);
        }
    }

    @Test
    void aCertificateTheProxySignedWithIsTrustedOnlyWithTheInstitutionsCertificate() throws Exception {
        TrustedCertificates trusted = TrustedCertificates.read(pem);
        X509Certificate[] chain = {trusted.certificates().get(0)};

        trusted.trustManager().checkServerTrusted(chain, "RSA");

        assertThatThrownBy(() -> javasOwn().checkServerTrusted(chain, "RSA")).isInstanceOf(CertificateException.class);
        assertThat(trusted.trustManager().getAcceptedIssuers()).as("Java's authorities stay trusted")
                .hasSize(javasOwn().getAcceptedIssuers().length + 1);
        assertThat(TrustedCertificates.tlsContext(trusted.trustManager()).getSocketFactory()).isNotNull();
    }

    @Test
    void aFolderGivesEveryCertificateFileInIt() throws IOException, CertificateException {
        Path folder = Files.createDirectories(temp.resolve("certs"));
        Files.copy(pem, folder.resolve("one.pem"));
        Files.copy(pem, folder.resolve("two.crt"));
        Files.writeString(folder.resolve("README.txt"), "not a certificate, and not read");

        assertThat(TrustedCertificates.read(folder).certificates()).hasSize(2);
    }

    @Test
    void aFileWithoutACertificateIsRefused() throws IOException {
        Path empty = Files.writeString(temp.resolve("empty.pem"), "");
        Path text = Files.writeString(temp.resolve("text.pem"), "hello");

        assertThatThrownBy(() -> TrustedCertificates.read(empty)).isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> TrustedCertificates.read(text)).isInstanceOf(CertificateException.class)
                .hasMessageContaining(text.toString());
    }

    private static X509TrustManager javasOwn() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }
}
