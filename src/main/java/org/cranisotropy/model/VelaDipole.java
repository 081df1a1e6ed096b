package org.cranisotropy.model;

import java.util.ArrayList;
import java.util.List;
import org.cranisotropy.events.BrokenPowerLaw;

/**
 * The dipole expected at Earth from the Vela SNR as a burst-like point source ({@link BurstPointSource}), diluted
 * by the rest of the e+e- flux: the source's dipole delta_source = 3 D/c * 2 r / r_diff^2 (method.md section 7)
 * holds for the source's own particles; the isotropic rest of the flux reduces the observed amplitude to
 *
 * <pre>
 *   delta(E) = delta_source(E) * share(E),   share = J_Vela(E) / J_total(E),   J_total = J_background + J_Vela
 * </pre>
 *
 * (the dipole of a sum of an anisotropic and an isotropic part, cf. seed 001 eq. 4.2 where the anisotropic part
 * is the relative gradient of the total density). Fluxes are intensities J = c/(4 pi) f in
 * GeV^-1 m^-2 s^-1 sr^-1.
 *
 * <p>Background: the smoothly broken power law of conf/demo.conf ({@code cra.events.spectrum}: index 3.1,
 * index-high 4.0, break 1000 GeV, softness 0.2; {@link BrokenPowerLaw#density}) normalised to
 * E^3 J = 150 GeV^2 m^-2 s^-1 sr^-1 at 100 GeV, an approximate value of the measured all-electron (e+e-)
 * spectrum at 100 GeV (AMS-02, CALET and Fermi-LAT lie around 130-170; not taken from the seeds). With this
 * normalisation E^3 J at 1 TeV is about 105, against about 120 measured by H.E.S.S. (seed 004, table VIII:
 * 1.2e-4 m^-2 s^-1 sr^-1 TeV^-1 at 1.0 TeV).
 *
 * <p>If {@code backgroundIncludesSource} is set, the background model is read as the measured total (which
 * already contains Vela): J_total = max(J_background, J_Vela), i.e. share = 1 where the Vela flux alone would
 * exceed the measured total. By default J_total = J_background + J_Vela and share &lt; 1 always. Above the cooling
 * energy of the source J_Vela = 0, share = 0, delta = 0 and delta_source is undefined (NaN).
 *
 * @param source the point source
 * @param background the background intensity model
 * @param backgroundIncludesSource whether the background model already is the total flux (see above)
 */
public record VelaDipole(BurstPointSource source, Background background, boolean backgroundIncludesSource) {

    public VelaDipole {
        if (source == null || background == null) {
            throw new IllegalArgumentException("source and background are required");
        }
    }

    /** Vela with the default parameters against the default background, J_total = J_background + J_Vela. */
    public static VelaDipole defaults() {
        return new VelaDipole(BurstPointSource.vela(), Background.DEMO, false);
    }

    /**
     * The background (or measured total) intensity: the smoothly broken power law
     * dN/dE ~ (E/E_b)^-gamma1 (1 + (E/E_b)^(1/s))^(-(gamma2 - gamma1) s) scaled so that E^3 J = {@code e3Flux}
     * at {@code referenceGev}.
     *
     * @param shape spectral shape (its emin/emax are not used)
     * @param referenceGev reference energy in GeV
     * @param e3Flux E^3 J at the reference energy, GeV^2 m^-2 s^-1 sr^-1
     */
    public record Background(BrokenPowerLaw shape, double referenceGev, double e3Flux) {
        /** conf/demo.conf's spectrum, E^3 J = 150 GeV^2 m^-2 s^-1 sr^-1 at 100 GeV (approximate, see above). */
        public static final Background DEMO =
                new Background(new BrokenPowerLaw(3.1, 4.0, 1000.0, 0.2, 1e-3, 1e9), 100.0, 150.0);

        public Background {
            if (shape == null || !(referenceGev > 0) || !(e3Flux > 0) || !Double.isFinite(e3Flux)) {
                throw new IllegalArgumentException("background needs a shape, reference energy > 0 and "
                        + "E^3 J > 0");
            }
        }

        /** J(E) in GeV^-1 m^-2 s^-1 sr^-1. */
        public double intensity(double energyGev) {
            double jRef = e3Flux / (referenceGev * referenceGev * referenceGev);
            return jRef * shape.density(energyGev) / shape.density(referenceGev);
        }
    }

    /**
     * One energy of the model.
     *
     * @param energyGev E
     * @param deltaSource the dipole of the source alone (NaN above the cooling energy)
     * @param share J_Vela / J_total
     * @param delta the expected dipole delta_source * share (0 above the cooling energy)
     * @param sourceIntensity J_Vela in GeV^-1 m^-2 s^-1 sr^-1
     * @param totalIntensity J_total in GeV^-1 m^-2 s^-1 sr^-1
     */
    public record Point(double energyGev, double deltaSource, double share, double delta, double sourceIntensity,
            double totalIntensity) {}

    /** share(E) = J_Vela / J_total (see the class comment). */
    public double share(double energyGev) {
        double js = source.intensity(energyGev);
        double jb = background.intensity(energyGev);
        double total = backgroundIncludesSource ? Math.max(jb, js) : jb + js;
        return total > 0 ? Math.min(1.0, js / total) : 0.0;
    }

    /** The model at one energy. */
    public Point at(double energyGev) {
        double js = source.intensity(energyGev);
        double jb = background.intensity(energyGev);
        double total = backgroundIncludesSource ? Math.max(jb, js) : jb + js;
        double share = total > 0 ? Math.min(1.0, js / total) : 0.0;
        double ds = source.dipoleAlone(energyGev);
        double delta = js > 0 ? ds * share : 0.0;
        return new Point(energyGev, ds, share, delta, js, total);
    }

    /** The model at {@code points} energies spaced evenly in log E from emin to emax (both included). */
    public List<Point> scan(double eminGev, double emaxGev, int points) {
        if (!(eminGev > 0) || !(emaxGev >= eminGev) || !Double.isFinite(emaxGev)) {
            throw new IllegalArgumentException("energy range needs 0 < emin <= emax, got " + eminGev + " .. "
                    + emaxGev);
        }
        if (points < 1 || (points == 1 && emaxGev != eminGev)) {
            throw new IllegalArgumentException("points must be >= 2 (or 1 with emin = emax), got " + points);
        }
        List<Point> out = new ArrayList<>(points);
        double lo = Math.log(eminGev);
        double step = points == 1 ? 0.0 : (Math.log(emaxGev) - lo) / (points - 1);
        for (int i = 0; i < points; i++) {
            double e = i == 0 ? eminGev : i == points - 1 ? emaxGev : Math.exp(lo + i * step);
            out.add(at(e));
        }
        return out;
    }
}
