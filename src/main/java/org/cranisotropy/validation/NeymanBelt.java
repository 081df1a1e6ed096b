package org.cranisotropy.validation;

/**
 * A Neyman construction of the 95 % upper limit on the dipole amplitude of one selection, from skies
 * with known injected amplitudes (method.md section 8): for each injected amplitude a_j of a ladder
 * (a_0 = 0 &lt; a_1 &lt; ...), q_j is the 5 % quantile of the measured delta. The limit for an observed d
 * is the largest amplitude whose q is at most d, linear in between ladder points: the amplitudes it
 * excludes are those that give a delta below d in fewer than 5 % of skies, so it covers the true
 * amplitude in &gt;= 95 % of skies at every ladder point by construction, whatever the exposure does to
 * the distribution of delta. The q_j are made non-decreasing (running maximum) first. An observed d
 * below q_0 gives 0 (every amplitude excluded but none, as in any Neyman upper limit); above the top of
 * the ladder q_K, the limit is not constrained by the ladder and is given as
 * {@link LimitMethod#PHYSICAL_BOUND} (or the top of the ladder if that is higher). Immutable.
 */
public final class NeymanBelt implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] amplitudes;
    private final double[] q05;

    /** amplitudes increasing from 0; q05[j] the 5 % quantile of the measured delta at amplitudes[j]. */
    public NeymanBelt(double[] amplitudes, double[] q05) {
        if (amplitudes.length != q05.length || amplitudes.length < 2) {
            throw new IllegalArgumentException("a belt needs >= 2 amplitudes with one quantile each");
        }
        this.amplitudes = amplitudes.clone();
        this.q05 = q05.clone();
        for (int j = 1; j < q05.length; j++) {
            if (!(amplitudes[j] > amplitudes[j - 1])) {
                throw new IllegalArgumentException("amplitudes must increase, got " + amplitudes[j - 1] + " then "
                        + amplitudes[j]);
            }
            this.q05[j] = Math.max(this.q05[j], this.q05[j - 1]);
        }
    }

    /** The 95 % upper limit for an observed amplitude d (NaN for NaN). */
    public double ul(double d) {
        if (Double.isNaN(d)) {
            return Double.NaN;
        }
        int k = q05.length - 1;
        if (d >= q05[k]) {
            return d == q05[k] ? amplitudes[k] : Math.max(amplitudes[k], LimitMethod.PHYSICAL_BOUND);
        }
        if (d < q05[0]) {
            return 0;
        }
        // the last j with q05[j] <= d, then linear in (q, a) to the next point
        int j = 0;
        while (q05[j + 1] <= d) {
            j++;
        }
        double span = q05[j + 1] - q05[j];
        double t = span > 0 ? (d - q05[j]) / span : 0;
        return amplitudes[j] + t * (amplitudes[j + 1] - amplitudes[j]);
    }
}
