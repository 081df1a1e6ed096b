package org.cranisotropy.montecarlo;

import java.util.Arrays;

/**
 * Walker's alias method (Vose's construction) for drawing a HEALPix pixel with probability
 * proportional to a non-negative map, with each table entry packed into one {@code long}:
 * the upper {@code 64 - b} bits hold the probability of keeping column j (as a fraction of
 * 2^(64-b)) and the lower b bits its alias, where 2^b is the table size (the pixel count rounded
 * up to a power of two; padding columns have probability 0 and alias to a real pixel).
 *
 * <p>Why not Commons RNG's {@code AliasMethodDiscreteSampler}: it keeps probabilities and aliases in
 * two arrays, so a draw from a 49 152-pixel map costs two cache misses; the Monte Carlo draws ~10^5
 * pixels per sample from tables far larger than the L2 cache, and one miss per draw is what this
 * class is for. A draw consumes exactly one 64-bit random number: its low b bits pick the column and
 * its high bits are compared with the column's threshold. Immutable and thread-safe.
 */
public final class PackedAliasTable implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final long[] entries;
    private final int bits;
    private final int mask;
    private final int size;

    private PackedAliasTable(long[] entries, int bits, int size) {
        this.entries = entries;
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.size = size;
    }

    /** The table of weights w (any non-negative finite values with a positive sum). */
    public static PackedAliasTable of(double[] w) {
        int n = w.length;
        if (n == 0) {
            throw new IllegalArgumentException("empty weights");
        }
        double sum = 0;
        for (double x : w) {
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("weights must be finite and >= 0, got " + x);
            }
            sum += x;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights sum to zero");
        }
        int b = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
        if (b > 30) {
            throw new IllegalArgumentException("too many weights: " + n);
        }
        int t = 1 << b;
        // scaled probabilities: mean 1 over the t columns (padding columns 0)
        double[] q = new double[t];
        for (int j = 0; j < n; j++) {
            q[j] = w[j] * t / sum;
        }
        int[] alias = new int[t];
        int[] small = new int[t];
        int[] large = new int[t];
        int ns = 0;
        int nl = 0;
        for (int j = t - 1; j >= 0; j--) {
            if (q[j] < 1.0) {
                small[ns++] = j;
            } else {
                large[nl++] = j;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            alias[s] = l;
            q[l] = (q[l] + q[s]) - 1.0;
            if (q[l] < 1.0) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        // what is left is 1 up to rounding: keep the column itself
        while (nl > 0) {
            int l = large[--nl];
            q[l] = 1.0;
            alias[l] = l;
        }
        while (ns > 0) {
            int s = small[--ns];
            q[s] = 1.0;
            alias[s] = s;
        }
        int keepBits = 64 - b;
        double scale = Math.scalb(1.0, keepBits);
        long[] entries = new long[t];
        for (int j = 0; j < t; j++) {
            // threshold in [0, 2^keepBits); a column kept with probability 1 aliases itself
            long thr = q[j] >= 1.0 ? -1L >>> b : (long) Math.floor(q[j] * scale);
            entries[j] = (thr << b) | alias[j];
        }
        return new PackedAliasTable(entries, b, n);
    }

    /** Number of weights (pixels). */
    public int size() {
        return size;
    }

    /** The pixel drawn by the 64 random bits r. */
    public int sample(long r) {
        int j = (int) r & mask;
        long e = entries[j];
        // keep j when the high bits of r lie below its threshold (unsigned compare of the upper fields);
        // a column whose probability is 1 is its own alias
        return Long.compareUnsigned(r | mask, e | mask) < 0 ? j : (int) e & mask;
    }

    /**
     * The exact probability with which {@link #sample} returns each pixel, computed from the packed
     * table (for tests: it must equal the normalised weights up to the threshold quantisation).
     */
    public double[] probabilities() {
        int t = entries.length;
        double keepScale = Math.scalb(1.0, 64 - bits);
        double[] p = new double[t];
        for (int j = 0; j < t; j++) {
            long e = entries[j];
            long thr = e >>> bits;
            // r's high field h, uniform in [0, 2^keepBits), keeps j iff h < thr
            double keep = thr / keepScale;
            p[j] += keep / t;
            p[(int) e & mask] += (1.0 - keep) / t;
        }
        return Arrays.copyOf(p, size);
    }
}
