package edu.sevenp.desktop.sync;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A sign-in kept in memory, for engines over an in-memory store (no profile folder to hold the credential file). */
public final class MemoryCredentials implements CredentialStore {

    private final AtomicReference<Credentials> held = new AtomicReference<>();

    @Override
    public Optional<Credentials> load() {
        return Optional.ofNullable(held.get());
    }

    @Override
    public void save(Credentials credentials) {
        held.set(credentials);
    }

    @Override
    public void clear() {
        held.set(null);
    }
}
