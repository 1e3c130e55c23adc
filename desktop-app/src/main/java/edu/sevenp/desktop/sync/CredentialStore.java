package edu.sevenp.desktop.sync;

import java.util.Optional;

/** Where a profile's {@link Credentials} live between runs; every write is durable before it returns. */
public interface CredentialStore {

    Optional<Credentials> load();

    void save(Credentials credentials);

    void clear();
}
