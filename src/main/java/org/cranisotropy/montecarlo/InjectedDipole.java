package org.cranisotropy.montecarlo;

import org.cranisotropy.harmonics.RingPixelVectors;
import org.cranisotropy.sky.GalacticFrame;

/**
 * A dipole sky I(n) = 1 + D d.n (the intensity model of {@code cra generate --dipole}) for injection
 * into Monte Carlo samples: amplitude D in [0, 1] towards galactic (l, b).
 *
 * <p>A sample of this sky draws each direction from exposure x I: a pixel drawn from the exposure
 * (as for an isotropic sample) is kept with probability I(n_p) / (1 + D), n_p the pixel centre, and
 * drawn again otherwise, which is exact for any proposal (rejection sampling). The pixel centre
 * stands for the pixel: the mean of d.n over a pixel differs from its centre's value by a relative
 * O(pixel area), ~1e-4 at Nside 64.
 */
public record InjectedDipole(double amplitude, double lDeg, double bDeg) implements java.io.Serializable {
    public InjectedDipole {
        if (!(amplitude >= 0 && amplitude <= 1)) {
            throw new IllegalArgumentException("dipole amplitude must be in [0, 1], got " + amplitude);
        }
        if (!Double.isFinite(lDeg) || !(bDeg >= -90 && bDeg <= 90)) {
            throw new IllegalArgumentException("dipole direction must be l finite, b in [-90, 90], got (" + lDeg
                    + ", " + bDeg + ")");
        }
    }

    /** The unit vector of the direction, galactic x, y, z. */
    public double[] unitVector() {
        return GalacticFrame.unitVector(lDeg, bDeg);
    }

    /** The acceptance I(n_p) / (1 + D) of every pixel, laid out by ring code (0 at unused codes). */
    public double[] acceptanceByCode(RingPixelVectors vectors) {
        double[] d = unitVector();
        double[] n = new double[3];
        double[] pixel = new double[vectors.npix()];
        for (int p = 0; p < pixel.length; p++) {
            vectors.unitVector(p, n, 0);
            pixel[p] = (1 + amplitude * (d[0] * n[0] + d[1] * n[1] + d[2] * n[2])) / (1 + amplitude);
        }
        return vectors.byCode(pixel);
    }
}
