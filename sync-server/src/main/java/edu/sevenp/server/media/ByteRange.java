package edu.sevenp.server.media;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file ({@code Range: bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}; RFC 9110, 14.1.2),
 * both ends inclusive. Several ranges are not served as ranges: the whole file is (section 10 of the protocol).
 */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");

    public long length() {
        return last - first + 1;
    }

    /** What a {@code Range} header asks of a file of {@code size} bytes. */
    public sealed interface Request permits Whole, Part, Unsatisfiable {
    }

    /** No range, or one not worth serving as a range: send everything. */
    public record Whole() implements Request {
    }

    public record Part(ByteRange range) implements Request {
    }

    /** A range entirely outside the file: 416. */
    public record Unsatisfiable() implements Request {
    }

    public static Request parse(String header, long size) {
        if (header == null || header.isBlank()) {
            return new Whole();
        }
        Matcher single = SINGLE.matcher(header.strip());
        if (!single.matches() || (single.group(1).isEmpty() && single.group(2).isEmpty())) {
            return new Whole();
        }
        try {
            if (single.group(1).isEmpty()) {
                long suffix = Long.parseLong(single.group(2));
                if (suffix == 0 || size == 0) {
                    return new Unsatisfiable();
                }
                return new Part(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(single.group(1));
            long last = single.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(single.group(2)), size - 1);
            if (first >= size || last < first) {
                return first >= size ? new Unsatisfiable() : new Whole();
            }
            return new Part(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return new Whole();
        }
    }

    public static Optional<ByteRange> of(Request request) {
        return request instanceof Part part ? Optional.of(part.range()) : Optional.empty();
    }
}
