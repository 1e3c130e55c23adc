package edu.sevenp.desktop.network;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Certificates an institution trusts beside Java's own certificate authorities: typically the root of a proxy that
 * inspects TLS, which signs every site's certificate itself. Read from a PEM file (one or more certificates) or a
 * folder of them ({@code .pem}, {@code .crt} and {@code .cer} files).
 */
public record TrustedCertificates(List<X509Certificate> certificates) {

    public TrustedCertificates {
        certificates = List.copyOf(certificates);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no certificates");
        }
    }

    /**
     * Reads every certificate of a PEM file, or of the certificate files in a folder.
     *
     * @throws IOException when a file cannot be read
     * @throws CertificateException when a file holds no certificate, or one that cannot be read
     */
    public static TrustedCertificates read(Path location) throws IOException, CertificateException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> listing = Files.list(location)) {
                listing.filter(TrustedCertificates::isCertificateFile).sorted().forEach(files::add);
            }
            if (files.isEmpty()) {
                throw new CertificateException("the folder " + location + " has no .pem, .crt or .cer file");
            }
        } else {
            files.add(location);
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> read = new ArrayList<>();
        for (Path file : files) {
            int before = read.size();
            try (InputStream in = Files.newInputStream(file)) {
                for (Certificate certificate : factory.generateCertificates(in)) {
                    read.add((X509Certificate) certificate);
                }
            } catch (CertificateException e) {
                throw new CertificateException(file + " is not a PEM certificate: " + e.getMessage(), e);
            }
            if (read.size() == before) {
                throw new CertificateException(file + " holds no certificate");
            }
        }
        return new TrustedCertificates(read);
    }

    private static boolean isCertificateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer"));
    }

    /** A trust manager that accepts what Java's default one does and, besides, chains to these certificates. */
    public X509TrustManager trustManager() {
        try {
            TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            system.init((KeyStore) null);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int alias = 0;
            for (X509Certificate authority : x509(system.getTrustManagers()).getAcceptedIssuers()) {
                store.setCertificateEntry("system-" + alias++, authority);
            }
            for (X509Certificate certificate : certificates) {
                store.setCertificateEntry("institution-" + alias++, certificate);
            }
            TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            combined.init(store);
            return x509(combined.getTrustManagers());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build a trust store with the institution's certificates", e);
        }
    }

    /** A TLS context over {@code trustManager}, for an HTTP client's socket factory. */
    public static SSLContext tlsContext(X509TrustManager trustManager) {
        Objects.requireNonNull(trustManager, "trustManager");
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make a TLS context", e);
        }
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("Java offers no X.509 trust manager");
    }
}
