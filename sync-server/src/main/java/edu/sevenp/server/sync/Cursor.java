package edu.sevenp.server.sync;

import edu.sevenp.server.problem.ApiProblem;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a stream stopped (docs/sync-protocol.md, section 6). Opaque to clients; two forms:
 * <ul>
 *   <li>{@code <txid>.<id>}: in the change feed, after the change (txid, id);</li>
 *   <li>{@code b.<xmin>.<table>.<id>}: in a full copy that began when every transaction below xmin had ended,
 *       after row {@code id} of the stream's {@code table}-th table (id empty before the first row).</li>
 * </ul>
 * A full copy that completes continues in the feed at (xmin, 0): every change of a transaction that had not
 * ended when the copy began comes again (applying a row twice is harmless), none is missed.
 */
public record Cursor(boolean bootstrap, long txid, long id, int table, UUID afterRow) {

    private static final Pattern FEED = Pattern.compile("(\\d{1,19})\\.(\\d{1,19})");
    private static final Pattern BOOT = Pattern.compile("b\\.(\\d{1,19})\\.(\\d{1,2})\\.([0-9a-f-]{36})?");

    public Cursor {
        if (txid < 0 || id < 0 || table < 0) {
            throw new IllegalArgumentException("a cursor's numbers are not negative");
        }
    }

    public static Cursor feed(long txid, long id) {
        return new Cursor(false, txid, id, 0, null);
    }

    /** A full copy from its first table, beginning at {@code xmin}. */
    public static Cursor bootstrapAt(long xmin) {
        return new Cursor(true, xmin, 0, 0, null);
    }

    public Cursor bootstrapAfter(int tableIndex, UUID row) {
        return new Cursor(true, txid, 0, tableIndex, row);
    }

    /** Where the feed goes on once this full copy is complete. */
    public Cursor feedAfterBootstrap() {
        return feed(txid, 0);
    }

    /** @param field where the cursor was in the request, for the error */
    public static Cursor parse(String text, String field) {
        Objects.requireNonNull(text, "text");
        try {
            Matcher feed = FEED.matcher(text);
            if (feed.matches()) {
                return feed(Long.parseLong(feed.group(1)), Long.parseLong(feed.group(2)));
            }
            Matcher boot = BOOT.matcher(text);
            if (boot.matches()) {
                UUID row = boot.group(3) == null ? null : UUID.fromString(boot.group(3));
                return new Cursor(true, Long.parseLong(boot.group(1)), 0, Integer.parseInt(boot.group(2)), row);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiProblem.invalidField(field, field + " is not a cursor this server gave; send back the cursor of the last"
                + " pull unchanged, or null to start the stream over");
    }

    @Override
    public String toString() {
        return bootstrap ? "b." + txid + "." + table + "." + (afterRow == null ? "" : afterRow) : txid + "." + id;
    }
}
