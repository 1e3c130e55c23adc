package edu.sevenp.desktop.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.desktop.media.MediaReference;
import edu.sevenp.model.json.JsonMapperFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.JSON;

/**
 * A lesson's {@code attachments} (a JSON array, synced with the lesson like its video_url): for now its video's
 * caption tracks, each {@code {"kind": "captions", "language": "en", "label": "English", "file": "media:<sha256>"}}.
 * Entries of another kind are for other players and are left alone.
 */
final class LessonAttachments {

    static final String CAPTIONS = "captions";
    private static final ObjectMapper JSON_MAPPER = JsonMapperFactory.create();

    /** One caption track as stored. */
    record Captions(String language, String label, MediaReference file) {
        Captions {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(file, "file");
        }
    }

    private LessonAttachments() {
    }

    static JSON of(List<Captions> captions) {
        ArrayNode array = JSON_MAPPER.createArrayNode();
        for (Captions track : captions) {
            ObjectNode entry = array.addObject();
            entry.put("kind", CAPTIONS);
            entry.put("language", track.language());
            entry.put("label", track.label());
            entry.put("file", track.file().toString());
        }
        return JSON.json(array.toString());
    }

    /** The caption tracks in {@code attachments}; entries that are not complete caption tracks are skipped. */
    static List<Captions> captions(JSON attachments) {
        if (attachments == null) {
            return List.of();
        }
        JsonNode array;
        try {
            array = JSON_MAPPER.readTree(attachments.data());
        } catch (JsonProcessingException e) {
            return List.of();
        }
        List<Captions> tracks = new ArrayList<>();
        for (JsonNode entry : array) {
            if (!CAPTIONS.equals(entry.path("kind").asText())) {
                continue;
            }
            String language = entry.path("language").asText("");
            Optional<MediaReference> file = MediaReference.parse(entry.path("file").asText(null));
            if (language.isBlank() || file.isEmpty()) {
                continue;
            }
            String label = entry.path("label").asText("");
            tracks.add(new Captions(language, label.isBlank() ? language : label, file.get()));
        }
        return tracks;
    }
}
