package edu.sevenp.desktop.profiles;

import java.util.Objects;
import java.util.Optional;

/**
 * A profile on this computer, as the profile screen lists it.
 *
 * @param account the sync account it is signed in to, when it is
 * @param inUse whether a running player has it open (when the list was read)
 */
public record LocalProfile(String name, Optional<Account> account, boolean inUse) {

    /** A sync account: the server and the e-mail address. */
    public record Account(String server, String email) {

        public Account {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(email, "email");
        }
    }

    public LocalProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(account, "account");
    }
}
