package org.cranisotropy.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dipole expected at Earth from the Vela SNR ({@link PointSource}) within the measured e+e- flux: the
 * source's own dipole delta_source = 3 D/c |grad f| / f holds for its particles; the rest of the measured flux
 * is taken as isotropic, which dilutes the observed amplitude to
 *
 * <pre>
 *   delta(E) = delta_source(E) * share(E),   share = min(1, J_Vela(E) / J_measured(E))
 * </pre>
 *
 * (the dipole of a sum of an anisotropic and an isotropic part; cf. seed 001 eq. 4.2, where the anisotropic
 * part is the relative gradient of the total density). J_measured is the measured total
 * ({@link MeasuredSpectrum}), which contains Vela's particles if they are there; where the model's J_Vela exceeds
 * it the model is incompatible with the measurement (H.E.S.S. 2024, seed 004, uses the measured spectrum as an
 * upper bound on a single source's flux): share is capped at 1 there and {@link #excess} says where and by how
 * much. Above the source's highest energy J_Vela = 0, share = 0, delta = 0 and delta_source is undefined (NaN).
 * Intensities J in GeV^-1 m^-2 s^-1 sr^-1.
 *
 * @param source the point source
 * @param measured the measured total intensity
 */
public record VelaDipole(PointSource source, MeasuredSpectrum measured) {

    public VelaDipole {
        if (source == null || measured == null) {
            throw new IllegalArgumentException("source and measured spectrum are required");
        }
    }

    /**
     * One energy of the model.
     *
     * @param energyGev E
     * @param deltaSource the dipole of the source alone (NaN where it has no particles)
     * @param share min(1, J_Vela / J_measured)
     * @param delta the expected dipole delta_source * share (0 where the source has no particles)
     * @param sourceIntensity J_Vela in GeV^-1 m^-2 s^-1 sr^-1
     * @param measuredIntensity J_measured in GeV^-1 m^-2 s^-1 sr^-1
     */
    public record Point(double energyGev, double deltaSource, double share, double delta, double sourceIntensity,
            double measuredIntensity) {
        /** E^3 J_Vela in GeV^2 m^-2 s^-1 sr^-1. */
        public double e3jSource() {
            return energyGev * energyGev * energyGev * sourceIntensity;
        }

        /** E^3 J_measured in GeV^2 m^-2 s^-1 sr^-1. */
        public double e3jMeasured() {
            return energyGev * energyGev * energyGev * measuredIntensity;
        }

        /** J_Vela / J_measured, uncapped. */
        public double ratio() {
            return sourceIntensity / measuredIntensity;
        }
    }

    /**
     * Where the source's flux exceeds the measured total.
     *
     * @param fromGev the lowest energy of the scan where it does
     * @param toGev the highest such energy
     * @param maxRatio the largest J_Vela / J_measured
     * @param atGev where the ratio is largest
     */
    public record Excess(double fromGev, double toGev, double maxRatio, double atGev) {}

    /** The model at one energy. */
    public Point at(double energyGev) {
        double[] v = source.intensityAndDipole(energyGev);
        double js = v[0];
        double jm = measured.intensity(energyGev);
        double share = Math.min(1.0, js / jm);
        double ds = js > 0 ? v[1] : Double.NaN;
        double delta = js > 0 ? ds * share : 0.0;
        return new Point(energyGev, ds, share, delta, js, jm);
    }

    /** The model at {@code points} energies spaced evenly in log E from emin to emax (both included). */
    public List<Point> scan(double eminGev, double emaxGev, int points) {
        List<Point> out = new ArrayList<>(points);
        for (double e : logGrid(eminGev, emaxGev, points)) {
            out.add(at(e));
        }
        return out;
    }

    /**
     * Whether J_Vela exceeds J_measured anywhere on a log grid of {@code points} energies from emin to emax, and
     * if so where and by how much: the first and last crossings of J_Vela = J_measured are located by bisection in
     * ln E between the grid points around them (an end of the range where the excess reaches it).
     */
    public Optional<Excess> excess(double eminGev, double emaxGev, int points) {
        double[] grid = logGrid(eminGev, emaxGev, points);
        double[] ratio = new double[grid.length];
        int first = -1;
        int last = -1;
        int best = -1;
        for (int i = 0; i < grid.length; i++) {
            ratio[i] = ratio(grid[i]);
            if (ratio[i] > 1.0) {
                first = first < 0 ? i : first;
                last = i;
                best = best < 0 || ratio[i] > ratio[best] ? i : best;
            }
        }
        if (first < 0) {
            return Optional.empty();
        }
        double from = first == 0 ? grid[0] : crossing(grid[first - 1], grid[first]);
        double to = last == grid.length - 1 ? grid[last] : crossing(grid[last], grid[last + 1]);
        return Optional.of(new Excess(from, to, ratio[best], grid[best]));
    }

    /** J_Vela / J_measured at E. */
    private double ratio(double energyGev) {
        return source.intensity(energyGev) / measured.intensity(energyGev);
    }

    /** The energy between a and b where J_Vela / J_measured crosses 1 (one end above 1, the other not). */
    private double crossing(double a, double b) {
        boolean aAbove = ratio(a) > 1.0;
        double lo = Math.log(a);
        double hi = Math.log(b);
        for (int k = 0; k < 40 && hi - lo > 1e-7; k++) {
            double mid = 0.5 * (lo + hi);
            if ((ratio(Math.exp(mid)) > 1.0) == aAbove) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(0.5 * (lo + hi));
    }

    /** {@code points} energies evenly spaced in log E from emin to emax (both exactly included). */
    static double[] logGrid(double eminGev, double emaxGev, int points) {
        if (!(eminGev > 0) || !(emaxGev >= eminGev) || !Double.isFinite(emaxGev)) {
            throw new IllegalArgumentException("energy range needs 0 < emin <= emax, got " + eminGev + " .. "
                    + emaxGev);
        }
        if (points < 1 || (points == 1 && emaxGev != eminGev)) {
            throw new IllegalArgumentException("points must be >= 2 (or 1 with emin = emax), got " + points);
        }
        double[] out = new double[points];
        double lo = Math.log(eminGev);
        double step = points == 1 ? 0.0 : (Math.log(emaxGev) - lo) / (points - 1);
        for (int i = 0; i < points; i++) {
            out[i] = i == 0 ? eminGev : i == points - 1 ? emaxGev : Math.exp(lo + i * step);
        }
        return out;
    }
}
