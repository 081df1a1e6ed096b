package org.cranisotropy.model;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * e+e- from a burst-like point source: all particles injected at once, a time t ago, at distance r, then
 * diffusing with D(E) ({@link DiffusionCoefficient}) and cooling with b(E) = b0 E^2 ({@link EnergyLoss}). The
 * analytic solution of the diffusion-loss equation (Atoyan, Aharonian &amp; Völk 1995, Phys. Rev. D 52, 3265;
 * as used e.g. by Kobayashi et al. 2004, ApJ 601, 340):
 *
 * <pre>
 *   Q(E)            = Q0 E^-gamma exp(-E/Ecut)                     injection spectrum (particles per GeV)
 *   E0              = E / (1 - b0 E t)                             energy at injection; none above Ecool = 1/(b0 t)
 *   r_diff^2(E, t)  = 4 int_E^E0 D(E')/b(E') dE'                   diffusion length
 *   f(E, r, t)      = Q(E0) (E0/E)^2 / (pi^(3/2) r_diff^3) exp(-r^2 / r_diff^2)   (GeV^-1 cm^-3)
 *   J(E)            = c/(4 pi) f                                   intensity (here GeV^-1 m^-2 s^-1 sr^-1)
 * </pre>
 *
 * With b = b0 E'^2 the substitution u = 1/E' (1/E - 1/E0 = b0 t) gives r_diff^2 = 4 t int_0^1 D(E'(x)) dx with
 * E'(x) = E / (1 - b0 E t x), so without losses (b0 = 0) r_diff^2 = 4 D(E) t exactly, and for a constant D
 * r_diff^2 = 4 D t for any b0. The integral is done with Gauss-Legendre quadrature (Commons Math); close to the
 * cooling energy, where E0 grows without bound, in the variable ln E' instead.
 *
 * <p>The dipole of a source that dominates the flux (seed 003 eq. 1; seed 001 eq. 4.2; method.md section 7):
 * delta = 3 D(E)/c |grad f| / f, and for the Gaussian profile above |grad f| / f = 2 r / r_diff^2, so
 * delta = 3 D(E)/c * 2 r / r_diff^2. Without losses and with a constant D this is 3 r / (2 c t), independent
 * of D. The diffusion picture holds only while delta &lt;&lt; 1 (r_diff not much smaller than r).
 *
 * <p>Normalisation: Q0 is fixed by the total energy W in e+e- above {@code normMinGev} (1 GeV), W = int_normMin^inf
 * E Q(E) dE. The Vela parameters (distance, age, index, cut-off, W) are those of {@link VelaParameters}; this
 * class is the Green's function that {@link ContinuousPointSource} integrates over the emission time, so it also
 * answers for any particle age ({@link #density(double, double)}).
 */
public final class BurstPointSource implements PointSource {
    /** Speed of light in cm/s. */
    public static final double C_CM_PER_S = 2.99792458e10;
    /** One kiloparsec in cm. */
    public static final double KPC_CM = 3.0856775814913673e21;
    /** One kyr in s (Julian years). */
    public static final double KYR_S = 1e3 * 365.25 * 86400.0;
    /** One erg in GeV. */
    public static final double ERG_GEV = 1.0 / 1.602176634e-3;

    /** Vela SNR, galactic longitude in deg. */
    public static final double VELA_L_DEG = 263.9;
    /** Vela SNR, galactic latitude in deg. */
    public static final double VELA_B_DEG = -3.3;
    /** W counts the injected energy above this energy (GeV), as ICRC 2019 does. */
    public static final double DEFAULT_NORM_MIN_GEV = 1.0;

    private static final double REL_ACCURACY = 1e-12;

    private final DiffusionCoefficient diffusion;
    private final EnergyLoss loss;
    private final double distanceKpc;
    private final double ageKyr;
    private final double gamma;
    private final double ecutGev;
    private final double totalEnergyErg;
    private final double normMinGev;
    private final double q0;

    public BurstPointSource(DiffusionCoefficient diffusion, EnergyLoss loss, double distanceKpc, double ageKyr,
            double gamma, double ecutGev, double totalEnergyErg, double normMinGev) {
        if (diffusion == null || loss == null) {
            throw new IllegalArgumentException("diffusion coefficient and energy loss are required");
        }
        if (!(distanceKpc > 0) || !Double.isFinite(distanceKpc)) {
            throw new IllegalArgumentException("distance must be > 0 kpc, got " + distanceKpc);
        }
        if (!(ageKyr > 0) || !Double.isFinite(ageKyr)) {
            throw new IllegalArgumentException("age must be > 0 kyr, got " + ageKyr);
        }
        if (!Double.isFinite(gamma) || !(ecutGev > normMinGev) || !(totalEnergyErg > 0) || !(normMinGev > 0)
                || !Double.isFinite(totalEnergyErg)) {
            throw new IllegalArgumentException("source needs a finite index, W > 0 and 0 < normalisation energy "
                    + "< Ecut");
        }
        this.diffusion = diffusion;
        this.loss = loss;
        this.distanceKpc = distanceKpc;
        this.ageKyr = ageKyr;
        this.gamma = gamma;
        this.ecutGev = ecutGev;
        this.totalEnergyErg = totalEnergyErg;
        this.normMinGev = normMinGev;
        this.q0 = totalEnergyErg * ERG_GEV / energyIntegral();
    }

    /** int_normMin^inf E^(1-gamma) exp(-E/Ecut) dE, in ln E up to 60 Ecut (the rest is below e^-60). */
    private double energyIntegral() {
        UnivariateFunction g = y -> {
            double e = Math.exp(y);
            return Math.pow(e, 2.0 - gamma) * Math.exp(-e / ecutGev);
        };
        double lo = Math.log(normMinGev);
        double hi = Math.log(60.0 * ecutGev);
        // split at Ecut, where the exponential sets in
        double mid = Math.log(ecutGev);
        return integrate(g, lo, mid) + integrate(g, mid, hi);
    }

    private static double integrate(UnivariateFunction g, double lo, double hi) {
        if (hi <= lo) {
            return 0.0;
        }
        return new IterativeLegendreGaussIntegrator(16, REL_ACCURACY, 0.0, 2, 64)
                .integrate(1_000_000, g, lo, hi);
    }

    public DiffusionCoefficient diffusion() {
        return diffusion;
    }

    public EnergyLoss loss() {
        return loss;
    }

    public double distanceKpc() {
        return distanceKpc;
    }

    public double ageKyr() {
        return ageKyr;
    }

    public double gamma() {
        return gamma;
    }

    public double ecutGev() {
        return ecutGev;
    }

    public double totalEnergyErg() {
        return totalEnergyErg;
    }

    public double distanceCm() {
        return distanceKpc * KPC_CM;
    }

    public double ageS() {
        return ageKyr * KYR_S;
    }

    /** Q0 in GeV^(gamma-1) (so that Q(E) is in GeV^-1), from W = int_normMin^inf E Q(E) dE. */
    public double q0() {
        return q0;
    }

    /** Q(E) = Q0 E^-gamma exp(-E/Ecut), particles per GeV. */
    public double injection(double energyGev) {
        return q0 * Math.pow(energyGev, -gamma) * Math.exp(-energyGev / ecutGev);
    }

    /** Ecool = 1/(b0 t): no particles of this source are left above it. */
    public double coolingEnergyGev() {
        return loss.coolingEnergyGev(ageS());
    }

    @Override
    public double maxEnergyGev() {
        return coolingEnergyGev();
    }

    /**
     * r_diff^2 = 4 int_E^E0 D/b dE' in cm^2 (see the class comment); infinite at and above the cooling energy.
     */
    public double diffusionRadiusSquaredCm2(double energyGev) {
        return diffusionRadiusSquaredCm2(energyGev, ageS());
    }

    /**
     * r_diff^2 in cm^2 for particles injected {@code particleAgeS} seconds ago (&gt; 0); infinite at and above
     * their cooling energy 1/(b0 t).
     */
    public double diffusionRadiusSquaredCm2(double energyGev, double particleAgeS) {
        requireEnergy(energyGev);
        requireAge(particleAgeS);
        double t = particleAgeS;
        double a = loss.b0PerGevPerS() * energyGev * t;
        if (energyGev >= loss.coolingEnergyGev(t)) {
            return Double.POSITIVE_INFINITY;
        }
        if (a < 0.5) {
            // 4 t int_0^1 D(E / (1 - a x)) dx: exact 4 D t for b0 = 0 or constant D
            UnivariateFunction g = x -> diffusion.at(energyGev / (1.0 - a * x));
            return 4.0 * t * integrate(g, 0.0, 1.0);
        }
        // (4 / b0) int_{ln E}^{ln E0} D(E') / E' d ln E': smooth even when E0 >> E
        double e0 = loss.initialEnergyGev(energyGev, t);
        UnivariateFunction g = y -> {
            double e = Math.exp(y);
            return diffusion.at(e) / e;
        };
        return 4.0 / loss.b0PerGevPerS() * integrate(g, Math.log(energyGev), Math.log(e0));
    }

    /** f(E) in GeV^-1 cm^-3 at the observer; 0 at and above the cooling energy. */
    public double density(double energyGev) {
        return density(energyGev, ageS());
    }

    /**
     * f(E) in GeV^-1 cm^-3 at the observer from all particles injected in one burst {@code particleAgeS}
     * seconds ago (&gt; 0): the Green's function of the diffusion-loss equation times Q; 0 at and above their
     * cooling energy.
     */
    public double density(double energyGev, double particleAgeS) {
        requireEnergy(energyGev);
        requireAge(particleAgeS);
        double e0 = loss.initialEnergyGev(energyGev, particleAgeS);
        if (!Double.isFinite(e0)) {
            return 0.0;
        }
        return density(energyGev, particleAgeS, diffusionRadiusSquaredCm2(energyGev, particleAgeS));
    }

    /** f(E) for particles of age {@code particleAgeS} whose r_diff^2 is already known (finite). */
    double density(double energyGev, double particleAgeS, double r2) {
        double e0 = loss.initialEnergyGev(energyGev, particleAgeS);
        double rd = Math.sqrt(r2);
        double ratio = e0 / energyGev;
        double r = distanceCm();
        return injection(e0) * ratio * ratio / (Math.pow(Math.PI, 1.5) * r2 * rd) * Math.exp(-r * r / r2);
    }

    /** J = c/(4 pi) f in GeV^-1 m^-2 s^-1 sr^-1 (1e4 cm^2 per m^2). */
    @Override
    public double intensity(double energyGev) {
        return C_CM_PER_S / (4.0 * Math.PI) * density(energyGev) * 1e4;
    }

    /**
     * delta = 3 D(E)/c * 2 r / r_diff^2, the dipole if this source alone made the flux; NaN at and above the
     * cooling energy (no particles).
     */
    @Override
    public double dipoleAlone(double energyGev) {
        requireEnergy(energyGev);
        double r2 = diffusionRadiusSquaredCm2(energyGev);
        if (!Double.isFinite(r2)) {
            return Double.NaN;
        }
        return 3.0 * diffusion.at(energyGev) / C_CM_PER_S * 2.0 * distanceCm() / r2;
    }

    private static void requireAge(double particleAgeS) {
        if (!(particleAgeS > 0) || !Double.isFinite(particleAgeS)) {
            throw new IllegalArgumentException("particle age must be finite and > 0 s, got " + particleAgeS);
        }
    }

    private static void requireEnergy(double energyGev) {
        if (!(energyGev > 0) || !Double.isFinite(energyGev)) {
            throw new IllegalArgumentException("energy must be finite and > 0 GeV, got " + energyGev);
        }
    }
}
