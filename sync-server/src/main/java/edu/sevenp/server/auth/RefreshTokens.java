package edu.sevenp.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Refresh tokens: 32 random bytes, URL-safe base64 (43 characters). The server stores only their SHA-256,
 * so a copy of the database cannot be used to sign in.
 */
final class RefreshTokens {

    private static final int TOKEN_BYTES = 32;
    private static final int TOKEN_LENGTH = 43;

    private final SecureRandom random = new SecureRandom();

    String generate() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean looksLikeOne(String token) {
        return token != null && token.length() == TOKEN_LENGTH && token.chars().allMatch(c ->
                Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
