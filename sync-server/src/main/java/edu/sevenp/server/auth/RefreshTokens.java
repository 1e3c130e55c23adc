package edu.sevenp.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Refresh tokens: 32 bytes, URL-safe base64 (43 characters). The server stores only their SHA-256, so a copy
 * of the database cannot be used to sign in. A sign-in's token is random; a refresh's is the HMAC of the token
 * it replaces under the server's secret: unpredictable without the secret, and the same for a retried refresh.
 */
final class RefreshTokens {

    private static final int TOKEN_BYTES = 32;
    private static final int TOKEN_LENGTH = 43;
    private static final String SUCCESSOR = "HmacSHA256";

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec successorKey;

    RefreshTokens(byte[] secret) {
        // Its own key, derived from the token secret, so the access tokens' key signs nothing else.
        this.successorKey = new SecretKeySpec(hmac(new SecretKeySpec(secret, SUCCESSOR),
                "7P refresh token successor".getBytes(StandardCharsets.US_ASCII)), SUCCESSOR);
    }

    String successorOf(String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(successorKey,
                token.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(SUCCESSOR);
            mac.init(key);
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

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
