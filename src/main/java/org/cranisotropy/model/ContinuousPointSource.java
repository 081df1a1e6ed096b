package org.cranisotropy.model;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * e+e- from a point source that injects at a constant rate for an emission time T, from its birth (age t_s ago)
 * until t_s - T ago, then stops; the total injected spectrum is the burst's Q(E) (same index, cut-off and total
 * energy W above 1 GeV), spread evenly over T. This is the Vela model of CALET ICRC 2019 section 4 (constant
 * emission over 5000 years). The density at Earth is the burst solution ({@link BurstPointSource}, the Green's
 * function of the diffusion-loss equation) integrated over the emission time:
 *
 * <pre>
 *   f(E)        = (1/T) int_{t_s - T}^{t_s} f_burst(E, tau) d tau          tau = age of the particles
 *   grad f      = -(1/T) int 2 r / r_diff^2(E, tau) f_burst(E, tau) d tau   (each burst: a Gaussian in r)
 *   delta(E)    = 3 D(E)/c |grad f| / f = 3 D(E)/c &lt;2 r / r_diff^2&gt;_f
 * </pre>
 *
 * the last a mean over the particles' ages weighted by their density at Earth. Particles of age tau have none
 * above 1/(b0 tau), so the integral ends at min(t_s, 1/(b0 E)) and nothing is left above 1/(b0 (t_s - T)), the
 * cooling energy of the youngest particles. There is no closed form with losses and the eq. 4.1 diffusion
 * coefficient: the integral over tau is a composite Gauss-Legendre rule (Commons Math's 16-point nodes), refined
 * until two successive rules agree to 1e-9, with r_diff^2 accumulated from node to node. Without losses and with
 * a constant D it reduces to
 * f = Q / (4 pi D r T) [erfc(r / sqrt(4 D t_s)) - erfc(r / sqrt(4 D (t_s - T)))] (a test checks this), and for
 * T -&gt; 0 to the burst at age t_s.
 */
public final class ContinuousPointSource implements PointSource {
    private static final double REL_ACCURACY = 1e-9;

    private final BurstPointSource burst;
    private final double emissionKyr;

    /**
     * @param burst the burst of the same source (distance, age t_s, D, losses, Q normalised to the total W)
     * @param emissionKyr the emission time T in kyr, 0 &lt; T &lt;= t_s
     */
    public ContinuousPointSource(BurstPointSource burst, double emissionKyr) {
        if (burst == null) {
            throw new IllegalArgumentException("the burst solution of the source is required");
        }
        if (!(emissionKyr > 0) || !(emissionKyr <= burst.ageKyr())) {
            throw new IllegalArgumentException("emission time must be > 0 and at most the age " + burst.ageKyr()
                    + " kyr, got " + emissionKyr);
        }
        this.burst = burst;
        this.emissionKyr = emissionKyr;
    }

    /** The burst solution this source integrates (its age is the source's age t_s). */
    public BurstPointSource burst() {
        return burst;
    }

    public double emissionKyr() {
        return emissionKyr;
    }

    private double emissionS() {
        return emissionKyr * BurstPointSource.KYR_S;
    }

    /** The age of the youngest particles, t_s - T, in s (0 when the source still emits today). */
    private double youngestS() {
        return Math.max(0.0, burst.ageS() - emissionS());
    }

    /** 1/(b0 (t_s - T)): the cooling energy of the youngest particles; infinite without losses or if T = t_s. */
    @Override
    public double maxEnergyGev() {
        double t = youngestS();
        return t > 0 ? burst.loss().coolingEnergyGev(t) : Double.POSITIVE_INFINITY;
    }

    /** f(E) in GeV^-1 cm^-3 at the observer; 0 at and above {@link #maxEnergyGev()}. */
    public double density(double energyGev) {
        return moments(energyGev, false)[0] / emissionS();
    }

    /** J = c/(4 pi) f in GeV^-1 m^-2 s^-1 sr^-1. */
    @Override
    public double intensity(double energyGev) {
        return BurstPointSource.C_CM_PER_S / (4.0 * Math.PI) * density(energyGev) * 1e4;
    }

    /** 3 D(E)/c |grad f| / f (see the class comment); NaN at and above {@link #maxEnergyGev()}. */
    @Override
    public double dipoleAlone(double energyGev) {
        return intensityAndDipole(energyGev)[1];
    }

    @Override
    public double[] intensityAndDipole(double energyGev) {
        double[] m = moments(energyGev, true);
        double j = BurstPointSource.C_CM_PER_S / (4.0 * Math.PI) * m[0] / emissionS() * 1e4;
        double delta = m[0] > 0 ? 3.0 * burst.diffusion().at(energyGev) / BurstPointSource.C_CM_PER_S * m[1] / m[0]
                : Double.NaN;
        return new double[] {j, delta};
    }

    /**
     * {int f_burst d tau, int f_burst 2 r / r_diff^2 d tau} over the particle ages present at energy E, in
     * GeV^-1 cm^-3 s and GeV^-1 cm^-4 s; both 0 where no particles are left (the second NaN unless asked for).
     */
    private double[] moments(double energyGev, boolean gradient) {
        if (!(energyGev > 0) || !Double.isFinite(energyGev)) {
            throw new IllegalArgumentException("energy must be finite and > 0 GeV, got " + energyGev);
        }
        double lo = youngestS();
        double hi = Math.min(burst.ageS(), coolingAgeS(energyGev));
        if (!(hi > lo)) {
            return new double[] {0.0, 0.0};
        }
        if (burst.loss().b0PerGevPerS() == 0) {
            return adaptive(energyGev, lo, hi, gradient);
        }
        double[] previous = composite(energyGev, lo, hi, MIN_PIECES);
        for (int pieces = 2 * MIN_PIECES; pieces <= MAX_PIECES; pieces *= 2) {
            double[] next = composite(energyGev, lo, hi, pieces);
            if (Math.abs(next[0] - previous[0]) <= REL_ACCURACY * Math.abs(next[0])
                    && Math.abs(next[1] - previous[1]) <= REL_ACCURACY * Math.abs(next[1])) {
                return new double[] {next[0], gradient ? next[1] : Double.NaN};
            }
            previous = next;
        }
        return new double[] {previous[0], gradient ? previous[1] : Double.NaN};
    }

    /** Subintervals of the composite rule: the first try and the most before giving up refining. */
    private static final int MIN_PIECES = 8;
    private static final int MAX_PIECES = 1024;
    private static final GaussIntegrator RULE = new GaussIntegratorFactory().legendre(16);

    /**
     * Both moments by the composite 16-point Gauss-Legendre rule on {@code pieces} equal subintervals of [lo, hi]
     * in tau. r_diff^2 grows with tau: r_diff^2(tau) = (4/b0) int_{ln E}^{ln E0(tau)} D(E')/E' d ln E', so at the
     * nodes in increasing order it is accumulated step by step (a 16-point rule in ln E' per step, from the
     * burst's r_diff^2 at lo), instead of being integrated afresh at every node.
     */
    private double[] composite(double energyGev, double lo, double hi, int pieces) {
        int n = RULE.getNumberOfPoints();
        double b0 = burst.loss().b0PerGevPerS();
        double twoR = 2.0 * burst.distanceCm();
        double r2 = lo > 0 ? burst.diffusionRadiusSquaredCm2(energyGev, lo) : 0.0;
        double lnE0 = Math.log(energyGev) - Math.log1p(-b0 * energyGev * lo);
        double m0 = 0;
        double m1 = 0;
        double width = (hi - lo) / pieces;
        for (int k = 0; k < pieces; k++) {
            double a = lo + k * width;
            for (int i = 0; i < n; i++) {
                double tau = a + 0.5 * width * (RULE.getPoint(i) + 1.0);
                double w = 0.5 * width * RULE.getWeight(i);
                double next = Math.log(energyGev) - Math.log1p(-b0 * energyGev * tau);
                r2 += 4.0 / b0 * lnIntegral(lnE0, next);
                lnE0 = next;
                double f = burst.density(energyGev, tau, r2);
                m0 += w * f;
                m1 += w * f * twoR / r2;
            }
        }
        return new double[] {m0, m1};
    }

    /** int_{y1}^{y2} D(e^y) e^-y dy (= int D(E')/E'^2 dE'), by the 16-point Gauss-Legendre rule. */
    private double lnIntegral(double y1, double y2) {
        double sum = 0;
        double half = 0.5 * (y2 - y1);
        for (int i = 0; i < RULE.getNumberOfPoints(); i++) {
            double e = Math.exp(y1 + half * (RULE.getPoint(i) + 1.0));
            sum += RULE.getWeight(i) * burst.diffusion().at(e) / e;
        }
        return half * sum;
    }

    /** Without losses: adaptive Gauss-Legendre over tau with the burst's own r_diff^2 = 4 D t. */
    private double[] adaptive(double energyGev, double lo, double hi, boolean gradient) {
        double twoR = 2.0 * burst.distanceCm();
        UnivariateFunction f = tau -> densityAt(energyGev, tau)[0];
        UnivariateFunction g = tau -> {
            double[] v = densityAt(energyGev, tau);
            return v[0] == 0 ? 0.0 : v[0] * twoR / v[1];
        };
        return new double[] {integrate(f, lo, hi), gradient ? integrate(g, lo, hi) : Double.NaN};
    }

    /** The age 1/(b0 E) beyond which particles have cooled below E (infinite without losses). */
    private double coolingAgeS(double energyGev) {
        double b0 = burst.loss().b0PerGevPerS();
        return b0 == 0 ? Double.POSITIVE_INFINITY : 1.0 / (b0 * energyGev);
    }

    /** {f_burst(E, tau), r_diff^2(E, tau)}; {0, inf} at tau = 0 and where the particles have cooled below E. */
    private double[] densityAt(double energyGev, double tau) {
        if (!(tau > 0)) {
            return new double[] {0.0, Double.POSITIVE_INFINITY};
        }
        double r2 = burst.diffusionRadiusSquaredCm2(energyGev, tau);
        if (!Double.isFinite(r2)) {
            return new double[] {0.0, r2};
        }
        return new double[] {burst.density(energyGev, tau, r2), r2};
    }

    /** Gauss-Legendre over [lo, hi], in four pieces so that the steep ends are resolved early. */
    private static double integrate(UnivariateFunction g, double lo, double hi) {
        double sum = 0;
        int pieces = 4;
        for (int k = 0; k < pieces; k++) {
            double a = lo + (hi - lo) * k / pieces;
            double b = k == pieces - 1 ? hi : lo + (hi - lo) * (k + 1) / pieces;
            sum += new IterativeLegendreGaussIntegrator(16, REL_ACCURACY, 0.0, 2, 64).integrate(10_000_000, g, a, b);
        }
        return sum;
    }
}
