package org.cranisotropy.montecarlo;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * {@code count} independent Exp(1) variates, made one at a time, whose total is known before the first
 * is made: what the sorted uniforms of a sample need (their tail probabilities are the partial sums
 * over the total) without keeping all of them in memory.
 *
 * <p>The variates come in chunks of {@link #CHUNK}. First every chunk's sum is drawn, Gamma(k, 1) for a
 * chunk of k (Commons RNG's Marsaglia-Tsang sampler); then, when a chunk is reached, k Exp(1) variates
 * (Commons RNG's ziggurat) are scaled to sum to it. This is exact: k iid Exp(1) variates divided by
 * their sum are Dirichlet(1, ..., 1) and independent of the sum, so scaling them by an independent
 * Gamma(k, 1) gives k iid Exp(1) variates again. Each variate costs one exponential draw and a product,
 * the memory is one chunk. Not thread-safe (one per sample).
 */
final class ExponentialSpacings {
    /** Variates per chunk. */
    static final int CHUNK = 512;

    private final ZigguratSampler.Exponential exponential;
    private final long count;
    private final double[] chunkSums;
    private final double total;
    private final double[] chunk = new double[CHUNK];
    private int chunkIndex = -1;
    private int size;
    private int position;

    /** Draws the chunk sums from rng now; the variates follow from the same rng as they are taken. */
    ExponentialSpacings(UniformRandomProvider rng, long count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
        this.count = count;
        int chunks = (int) ((count + CHUNK - 1) / CHUNK);
        this.chunkSums = new double[chunks];
        var full = AhrensDieterMarsagliaTsangGammaSampler.of(rng, CHUNK, 1.0);
        double sum = 0;
        for (int c = 0; c < chunks; c++) {
            int k = chunkSize(c);
            chunkSums[c] = k == CHUNK ? full.sample() : AhrensDieterMarsagliaTsangGammaSampler.of(rng, k, 1.0).sample();
            sum += chunkSums[c];
        }
        this.total = sum;
        this.exponential = ZigguratSampler.Exponential.of(rng);
    }

    private int chunkSize(int c) {
        return (int) Math.min(CHUNK, count - (long) c * CHUNK);
    }

    /** The sum of all {@code count} variates. */
    double total() {
        return total;
    }

    /** The next variate (at most {@code count} of them). */
    double next() {
        if (position == size) {
            fill();
        }
        return chunk[position++];
    }

    private void fill() {
        chunkIndex++;
        if (chunkIndex == chunkSums.length) {
            throw new IllegalStateException("all " + count + " variates were taken");
        }
        size = chunkSize(chunkIndex);
        double sum = 0;
        for (int k = 0; k < size; k++) {
            chunk[k] = exponential.sample();
            sum += chunk[k];
        }
        double scale = chunkSums[chunkIndex] / sum;
        for (int k = 0; k < size; k++) {
            chunk[k] *= scale;
        }
        position = 0;
    }
}
