package edu.sevenp.desktop.preview;

import edu.sevenp.desktop.sync.CredentialStore;
import edu.sevenp.desktop.sync.Credentials;
import java.util.Optional;

/** A preview's sign-in: there never is one, so its sync engine only ever says it is not signed in. */
final class NoSignIn implements CredentialStore {

    @Override
    public Optional<Credentials> load() {
        return Optional.empty();
    }

    @Override
    public void save(Credentials credentials) {
        throw new IllegalStateException("A preview never signs in to a sync server");
    }

    @Override
    public void clear() {
        // Nothing is ever kept.
    }
}
