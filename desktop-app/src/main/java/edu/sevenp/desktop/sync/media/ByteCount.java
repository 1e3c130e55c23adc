package edu.sevenp.desktop.sync.media;

import java.util.Locale;

/** Sizes in the words a file manager uses: 300 MB, 1.2 GB (decimal units, as disks are sold and shown). */
public final class ByteCount {

    private static final long KB = 1000;
    private static final long MB = KB * KB;
    private static final long GB = MB * KB;

    private ByteCount() {
    }

    public static String readable(long bytes) {
        if (bytes >= GB) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) GB);
        }
        if (bytes >= MB) {
            return String.format(Locale.ROOT, "%d MB", Math.round(bytes / (double) MB));
        }
        if (bytes >= KB) {
            return String.format(Locale.ROOT, "%d kB", Math.round(bytes / (double) KB));
        }
        return bytes + " bytes";
    }
}
