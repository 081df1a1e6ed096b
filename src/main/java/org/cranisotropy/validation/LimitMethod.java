package org.cranisotropy.validation;

import org.cranisotropy.limits.Fermi2010UpperLimit;
import org.cranisotropy.limits.LikelihoodRatioUpperLimit;

/**
 * The 95 % upper limits on the dipole amplitude that {@code cra limits} computes from a measured
 * selection, by their column names in {@code limits/}. Each is capped at 3, the largest dipole amplitude
 * any non-negative sky (and any measurement) can have: a limit of 3 says "no constraint". The Neyman
 * limit is not here: it comes from a validation run ({@link NeymanBelt}). The Bayesian limits of
 * {@code cra limit} are not among them: no source available gives the prior of Fermi-LAT 2017, and a
 * limit under an invented prior is not reported as a result (method.md section 8).
 */
public enum LimitMethod {
    /** Fermi-LAT 2010 / CALET (Maxwell distribution of delta), thresholds and bins. */
    FERMI2010("ul_delta_fermi2010", false),
    /** Likelihood ratio in C1ani with threshold 3.841, bins (C_N needed). */
    LR("ul_delta_lr", true);

    /** The physical bound of a dipole amplitude (one event, or a point-like sky, gives 3). */
    public static final double PHYSICAL_BOUND = 3.0;

    private static final Fermi2010UpperLimit FERMI = Fermi2010UpperLimit.at95();
    private static final LikelihoodRatioUpperLimit RATIO = LikelihoodRatioUpperLimit.at95();

    private final String column;
    private final boolean needsNoise;

    LimitMethod(String column, boolean needsNoise) {
        this.column = column;
        this.needsNoise = needsNoise;
    }

    /** The column of {@code limits/} (and the {@code method} of {@code validation/}). */
    public String column() {
        return column;
    }

    /** Whether the limit uses the white-noise level (computed for bins). */
    public boolean needsNoise() {
        return needsNoise;
    }

    /**
     * The limit from a measured delta and relative-intensity dipole power c1Rel = 4 pi C1 / C0 with
     * white-noise level cn, capped at {@link #PHYSICAL_BOUND}; NaN when delta is NaN (no event).
     */
    public double ul(double delta, double c1Rel, double cn) {
        if (Double.isNaN(delta)) {
            return Double.NaN;
        }
        double ul = switch (this) {
            case FERMI2010 -> FERMI.ulDelta(delta);
            case LR -> RATIO.limit(c1Rel, cn).ulDelta();
        };
        return Math.min(ul, PHYSICAL_BOUND);
    }
}
