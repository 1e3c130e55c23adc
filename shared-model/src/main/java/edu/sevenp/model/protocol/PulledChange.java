package edu.sevenp.model.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import edu.sevenp.model.protocol.rows.SyncRow;
import java.util.Objects;
import java.util.UUID;

/** One change of a pulled stream: a whole row to upsert, or a tombstone. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PulledChange.Upsert.class, name = "upsert"),
    @JsonSubTypes.Type(value = PulledChange.Delete.class, name = "delete")
})
public sealed interface PulledChange {

    /** Insert the row, or replace the stored one with the same id. */
    record Upsert(SyncRow row) implements PulledChange {
        public Upsert {
            Objects.requireNonNull(row, "row");
        }
    }

    /** Delete the row with this id from the table {@code entity}. */
    record Delete(String entity, UUID id) implements PulledChange {
        public Delete {
            Objects.requireNonNull(entity, "entity");
            Objects.requireNonNull(id, "id");
        }
    }
}
