package edu.sevenp.server.auth;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import java.util.Objects;

/**
 * Password hashes with argon2id (salted, memory-hard). The encoded hash carries its own parameters, so a
 * hash made with an older cost still verifies after the cost is raised.
 */
public final class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int PARALLELISM = 1;

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
    private final int memoryKib;
    private final int iterations;
    /** Verified for unknown e-mail addresses, so that they take as long as a wrong password. */
    private final String decoy;

    public PasswordHasher(int memoryKib, int iterations) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.decoy = hash("a password nobody has".toCharArray());
    }

    /** Hashes and then wipes {@code password}. */
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        try {
            return argon2.hash(iterations, memoryKib, PARALLELISM, password);
        } finally {
            argon2.wipeArray(password);
        }
    }

    /** Whether {@code password} matches {@code hash}; wipes {@code password}. */
    public boolean verify(String hash, char[] password) {
        Objects.requireNonNull(password, "password");
        try {
            return argon2.verify(hash, password);
        } finally {
            argon2.wipeArray(password);
        }
    }

    /** Spends the time of one verification without any account behind it. */
    public void verifyNothing(char[] password) {
        verify(decoy, password);
    }
}
