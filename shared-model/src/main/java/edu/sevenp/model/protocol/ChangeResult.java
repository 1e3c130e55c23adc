package edu.sevenp.model.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import edu.sevenp.model.protocol.rows.SyncRow;
import java.util.List;
import java.util.Objects;

/**
 * The server's answer for one pushed change.
 *
 * @param outcome for an applied change, what the merge did ({@code inserted}, {@code conflict_copy}, ...)
 * @param rows the server's version of every row the change wrote, to replace the device's copy
 * @param reason why a rejected change was refused (also for a duplicate of one)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeResult(long seq, ChangeStatus status, String outcome, List<SyncRow> rows, Rejection reason) {

    public ChangeResult {
        Objects.requireNonNull(status, "status");
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
