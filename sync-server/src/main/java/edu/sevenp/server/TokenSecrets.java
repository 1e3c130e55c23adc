package edu.sevenp.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key access tokens are signed with: {@code SEVENP_TOKEN_SECRET} when set, otherwise a random one kept in
 * {@code <data folder>/token-secret}, readable by the server's user only, made on first start so that tokens
 * survive a restart.
 */
final class TokenSecrets {

    static final String FILE_NAME = "token-secret";

    private TokenSecrets() {
    }

    static byte[] resolve(ServerConfig config) {
        if (config.options().tokenSecret().isPresent()) {
            return config.options().tokenSecret().get().getBytes(StandardCharsets.UTF_8);
        }
        Path file = config.dataDirectory().resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (secret.length < 32) {
                throw DataFolderException.badFile("the token secret in " + file + " is shorter than 32 bytes; delete the"
                        + " file to make a new one (every signed-in device will have to refresh its sign-in)", null);
            }
            return secret;
        } catch (IOException e) {
            throw DataFolderException.badFile("cannot read or make the token secret " + file + " ("
                    + FileProblems.reason(e) + "); make sure this user may read and write the data folder", e);
        } catch (IllegalArgumentException e) {
            throw DataFolderException.badFile("the token secret in " + file + " is not base64; delete the file to make a"
                    + " new one (every signed-in device will have to refresh its sign-in)", e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        byte[] encoded = Base64.getEncoder().encode(secret);
        try {
            Files.write(file, encoded, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own permissions protect it.
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
    }
}
