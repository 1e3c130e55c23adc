package edu.sevenp.coursepackage;

import java.util.Arrays;

/**
 * Compares course package versions such as {@code 1.10.0} and {@code 1.9} part by part, numerically: the player
 * decides an import by it, the server a publish.
 */
public final class PackageVersion {

    private PackageVersion() {
    }

    /** Negative, zero or positive as {@code left} is older than, equal to or newer than {@code right}. */
    public static int compare(String left, String right) {
        int[] a = parts(left);
        int[] b = parts(right);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int difference = Integer.compare(i < a.length ? a[i] : 0, i < b.length ? b[i] : 0);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private static int[] parts(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}
