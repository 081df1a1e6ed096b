package org.cranisotropy.montecarlo;

/**
 * The running sums of one isotropic sample at every snapshot j of its {@link ScanPlan}:
 * accumulators[2j] the corrected a_lm accumulator (weights 1/A_i, not yet scaled by Abar),
 * accumulators[2j + 1] the raw one (each {@link org.cranisotropy.analysis.LowMultipoles#STRIDE}
 * doubles), counts[j] the number of events before the snapshot (E &gt;= its energy) and
 * meanExposureSums[j] the sum of their sky-mean exposures (the eq. 3.1 normalisation).
 */
public record SampleScan(double[][] accumulators, long[] counts, double[] meanExposureSums) {}
