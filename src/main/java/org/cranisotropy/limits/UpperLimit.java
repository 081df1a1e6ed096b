package org.cranisotropy.limits;

/**
 * An upper limit on the anisotropic part of the dipole power, {@code ulC1ani}, and the same limit
 * expressed as a dipole amplitude, {@code ulDelta = 3 sqrt(ulC1ani / (4 pi))} (method.md section 6;
 * for a pure dipole {@code C1 = 4 pi delta^2 / 9}).
 *
 * @param ulC1ani upper limit on C1ani, the dipole power above the white-noise level C_N
 * @param ulDelta the same limit on the dipole amplitude delta
 */
public record UpperLimit(double ulC1ani, double ulDelta) {
    private static final double FOUR_PI = 4 * Math.PI;

    public UpperLimit {
        Require.nonNegative("ulC1ani", ulC1ani);
        Require.nonNegative("ulDelta", ulDelta);
    }

    /** The limit from a bound on C1ani: delta = 3 sqrt(C1ani / (4 pi)). */
    public static UpperLimit ofC1ani(double c1ani) {
        return new UpperLimit(c1ani, deltaOf(c1ani));
    }

    /** The limit from a bound on delta: C1ani = 4 pi delta^2 / 9. */
    public static UpperLimit ofDelta(double delta) {
        return new UpperLimit(c1aniOf(delta), delta);
    }

    /** Dipole amplitude of the dipole power C1: {@code 3 sqrt(C1 / (4 pi))}. */
    public static double deltaOf(double c1) {
        return 3 * Math.sqrt(c1 / FOUR_PI);
    }

    /** Dipole power of the dipole amplitude delta: {@code 4 pi delta^2 / 9}. */
    public static double c1aniOf(double delta) {
        return FOUR_PI * delta * delta / 9;
    }
}
