package edu.sevenp.desktop.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The credentials of a profile in one file beside its database, readable and writable by its owner only
 * (POSIX mode 600, or an ACL naming the owner alone). A save writes a new file with those permissions from
 * the start, forces it to disk and moves it over the old one, so a crash leaves the old token or the new
 * one, never half of either: losing the newest refresh token would sign the profile out.
 */
public final class CredentialFile implements CredentialStore {

    public static final String NAME = "sync-credentials.json";

    private final Path file;
    private final ObjectMapper json = JsonMapperFactory.create();

    public CredentialFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public synchronized Optional<Credentials> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(Files.readAllBytes(file), Credentials.class));
        } catch (IOException e) {
            throw new UncheckedIOException("The sync credentials in " + file + " cannot be read (" + e.getMessage()
                    + "); sign in again to replace them.", e);
        }
    }

    @Override
    public synchronized void save(Credentials credentials) {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.deleteIfExists(temporary);
            try (FileChannel channel = FileChannel.open(temporary, EnumSet.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), ownerOnly())) {
                restrictToOwner(temporary);
                channel.write(ByteBuffer.wrap(json.writeValueAsBytes(credentials)));
                channel.force(true);
            }
            move(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("The sync credentials could not be saved in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The sync credentials in " + file + " could not be removed: " + e.getMessage(), e);
        }
    }

    private void move(Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    /** Windows: replace the inherited ACL with one entry for the owner. */
    private static void restrictToOwner(Path path) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl == null || FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        UserPrincipal owner = Files.getOwner(path);
        acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.of(AclEntryPermission.READ_DATA, AclEntryPermission.WRITE_DATA,
                        AclEntryPermission.APPEND_DATA, AclEntryPermission.READ_ATTRIBUTES,
                        AclEntryPermission.WRITE_ATTRIBUTES, AclEntryPermission.READ_ACL, AclEntryPermission.WRITE_ACL,
                        AclEntryPermission.DELETE, AclEntryPermission.SYNCHRONIZE)).build()));
    }
}
