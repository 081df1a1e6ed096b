package org.cranisotropy.montecarlo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A block of isotropic samples [first, end) of chunk {@code chunk}: the unit one Spark task makes and writes
 * whole (one file per kind of row), and the unit a resumed run keeps or redoes. The layout depends on the
 * number of samples only (chunks of ceil(n / 8), at most eight, each cut into blocks of 25), so that samples/
 * is the same on any cluster and a resumed run finds the blocks of the interrupted one.
 *
 * @param chunk the chunk (directory {@code chunk=K})
 * @param first the first sample
 * @param end one past the last sample
 */
public record SampleBlock(long chunk, long first, long end) implements java.io.Serializable {
    /** Samples per block. */
    public static final int SIZE = 25;

    public SampleBlock {
        if (chunk < 0 || first < 0 || end <= first) {
            throw new IllegalArgumentException("a block needs chunk >= 0 and 0 <= first < end, got chunk " + chunk
                    + " [" + first + ", " + end + ")");
        }
    }

    /** The blocks of samples [0, n), in order. */
    public static List<SampleBlock> layout(long n) {
        long chunkSize = chunkSize(n);
        List<SampleBlock> blocks = new ArrayList<>();
        for (long c0 = 0, chunk = 0; c0 < n; c0 += chunkSize, chunk++) {
            long c1 = Math.min(n, c0 + chunkSize);
            for (long s = c0; s < c1; s += SIZE) {
                blocks.add(new SampleBlock(chunk, s, Math.min(c1, s + SIZE)));
            }
        }
        return blocks;
    }

    /** Samples per chunk for n samples: at most eight chunks. */
    public static long chunkSize(long n) {
        return Math.max(1, (n + 7) / 8);
    }

    public long size() {
        return end - first;
    }

    /** The block's file of one kind of rows under a staging or samples directory. */
    public Path file(Path samplesDir, String kind) {
        return samplesDir.resolve("chunk=" + chunk).resolve("kind=" + kind).resolve(fileName());
    }

    /** The name of the block's file in each kind's directory. */
    public String fileName() {
        return String.format(Locale.ROOT, "block-%012d.parquet", first);
    }
}
