package org.cranisotropy.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent, reproducible random streams: stream k of master seed s is a xoroshiro128++ generator
 * (Commons RNG) whose 128-bit state is two SplitMix64 outputs of a seed mixed from (s, k). The same
 * (s, k) gives the same numbers on any machine, partitioning, executor count or task retry.
 */
public final class RandomStreams {
    private RandomStreams() {}

    public static UniformRandomProvider stream(long masterSeed, long index) {
        long x = masterSeed ^ (0x9E3779B97F4A7C15L * (index + 1));
        long s0 = splitMix(x);
        long s1 = splitMix(x + 0x9E3779B97F4A7C15L);
        if (s0 == 0 && s1 == 0) {
            s1 = 1; // xoroshiro's only forbidden state
        }
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s0, s1});
    }

    /**
     * Stream k of master seed s after a jump of 2^64 numbers ({@code jump()} of xoroshiro128++): it never
     * meets the first 2^64 numbers of {@link #stream}(s, k), so a sample can take two independent
     * sequences from one (s, k).
     */
    public static UniformRandomProvider jumped(long masterSeed, long index) {
        UniformRandomProvider r = stream(masterSeed, index);
        ((org.apache.commons.rng.JumpableUniformRandomProvider) r).jump();
        return r;
    }

    /** The SplitMix64 finaliser (Steele, Lea &amp; Flood 2014). */
    private static long splitMix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
