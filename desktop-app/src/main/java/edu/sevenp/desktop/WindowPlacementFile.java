package edu.sevenp.desktop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.ui.WindowPlacement;
import edu.sevenp.desktop.ui.WindowPlacementStore;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's placement in {@code window.json} in the profile's folder. A file rather than the profile's
 * settings: the window shows before the database has opened, and should show at once where it was left.
 * A damaged file is logged and ignored (the window opens at the default place, and the next close rewrites it).
 */
final class WindowPlacementFile implements WindowPlacementStore {

    static final String NAME = "window.json";
    private static final Logger LOG = LoggerFactory.getLogger(WindowPlacementFile.class);
    private static final ObjectMapper JSON = JsonMapperFactory.create();

    private final Path file;

    WindowPlacementFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    static WindowPlacementFile of(DesktopPaths paths) {
        return new WindowPlacementFile(paths.profileDirectory().resolve(NAME));
    }

    @Override
    public Optional<WindowPlacement> load() {
        try {
            return Optional.of(JSON.readValue(Files.readString(file), WindowPlacement.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            LOG.warn("Ignoring the damaged window placement in {}: {}", file, e.getOriginalMessage());
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Cannot read the window placement in {}; opening at the default place", file, e);
            return Optional.empty();
        }
    }

    /**
     * Writes a temporary file and moves it over the old one, so a crash leaves the old placement or the new. A profile
     * removed while the window was open gets none: its folder is not made again for it.
     */
    @Override
    public void save(WindowPlacement placement) {
        Objects.requireNonNull(placement, "placement");
        if (!Files.isDirectory(file.getParent())) {
            LOG.info("no window placement kept: the profile folder {} is gone", file.getParent());
            return;
        }
        try {
            Path temporary = file.resolveSibling(NAME + ".tmp");
            Files.writeString(temporary, JSON.writeValueAsString(placement));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the window placement in " + file, e);
        }
    }
}
