package org.cranisotropy.montecarlo;

import java.util.Arrays;

/**
 * Walker's alias method (Vose's construction) for drawing a HEALPix pixel with probability
 * proportional to a non-negative map. Column j of the 2^b columns (the pixel count rounded up to a
 * power of two; padding columns have probability 0 and alias to a real pixel) keeps j with probability
 * thr_j / 2^(64-b), a threshold of 64 - b bits, and otherwise gives its alias. Each column is packed
 * into one {@code int}: the top 32 - b bits of the threshold and the b bits of the alias; the
 * threshold's low 32 bits sit in a second array that a draw reads only when the random number's top
 * bits equal the column's (probability 2^-(32-b)), so a draw almost always reads 4 bytes of one
 * table (256 KB at Nside 64) and the draws are exactly those of the full 64 - b bit comparison.
 *
 * <p>Why not Commons RNG's {@code AliasMethodDiscreteSampler}: it keeps probabilities and aliases in
 * two arrays, so a draw from a 49 152-pixel map costs two cache misses; the Monte Carlo draws ~10^5
 * pixels per sample from tables far larger than the L2 cache, and one miss per draw is what this
 * class is for. A draw consumes exactly one 64-bit random number: its low b bits pick the column and
 * its high bits are compared with the column's threshold. Immutable and thread-safe.
 */
public final class PackedAliasTable implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Per column: (threshold &gt;&gt;&gt; 32) &lt;&lt; b | alias. */
    private final int[] entries;
    /** Per column: the threshold's low 32 bits. */
    private final int[] lowBits;
    private final int bits;
    private final int mask;
    private final int size;

    private PackedAliasTable(long[] thresholds, int[] alias, int bits, int size) {
        int t = thresholds.length;
        this.entries = new int[t];
        this.lowBits = new int[t];
        for (int j = 0; j < t; j++) {
            entries[j] = (int) (thresholds[j] >>> 32) << bits | alias[j];
            lowBits[j] = (int) thresholds[j];
        }
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
        long[] thresholds = new long[t];
        for (int j = 0; j < t; j++) {
            // threshold in [0, 2^keepBits); a column kept with probability 1 aliases itself
            thresholds[j] = q[j] >= 1.0 ? -1L >>> b : (long) Math.floor(q[j] * scale);
        }
        return new PackedAliasTable(thresholds, alias, b, n);
    }

    /** Number of weights (pixels). */
    public int size() {
        return size;
    }

    /** The pixel drawn by the 64 random bits r. */
    public int sample(long r) {
        int j = (int) r & mask;
        int e = entries[j];
        // keep j when h = r >>> b lies below the column's threshold, compared first on the top 32 - b bits
        // and, on a tie, on the next 32; a column whose probability is 1 is its own alias
        int high = (int) (r >>> (32 + bits));
        int threshold = e >>> bits;
        if (high != threshold) {
            // high < threshold: j, else the alias; without a branch (high, threshold < 2^31, so the
            // sign of the difference decides), as the CPU could not predict it
            int keep = (high - threshold) >> 31;
            return j & keep | e & mask & ~keep;
        }
        return Integer.compareUnsigned((int) (r >>> bits), lowBits[j]) < 0 ? j : e & mask;
    }

    /** The column's full threshold (64 - b bits). */
    private long threshold(int j) {
        return (long) (entries[j] >>> bits) << 32 | (lowBits[j] & 0xFFFFFFFFL);
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
            long thr = threshold(j);
            // r's high field h, uniform in [0, 2^keepBits), keeps j iff h < thr
            double keep = thr / keepScale;
            p[j] += keep / t;
            p[entries[j] & mask] += (1.0 - keep) / t;
        }
        return Arrays.copyOf(p, size);
    }
}
