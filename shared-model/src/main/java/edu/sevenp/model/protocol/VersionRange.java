package edu.sevenp.model.protocol;

/** The protocol versions a peer speaks, both inclusive. */
public record VersionRange(int min, int max) {

    public static final VersionRange SUPPORTED = new VersionRange(ProtocolVersion.MIN_SUPPORTED, ProtocolVersion.MAX_SUPPORTED);

    public VersionRange {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("a version range is 1 <= min <= max, was " + min + ".." + max);
        }
    }
}
