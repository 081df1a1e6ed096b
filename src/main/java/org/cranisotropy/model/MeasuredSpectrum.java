package org.cranisotropy.model;

import java.util.List;
import java.util.Locale;
import org.cranisotropy.events.BrokenPowerLaw;

/**
 * A measured e+e- intensity J(E) (all of it: every source, Vela included), as contiguous energy segments, each a
 * smoothly broken power law
 *
 * <pre>
 *   J(E) = N (E/E_b)^-gamma1 (1 + (E/E_b)^(1/s))^(-(gamma2 - gamma1) s),   E in [emin, emax)
 * </pre>
 *
 * (the form of H.E.S.S. 2024, seed 004 eq. 1; gamma2 = gamma1 is a plain power law) with N set by E^3 J at a
 * reference energy. Adjacent segments meet (within {@link #CONTINUITY}) at their common edge. J is in
 * GeV^-1 m^-2 s^-1 sr^-1, E^3 J in GeV^2 m^-2 s^-1 sr^-1. Read from a file by
 * {@code io.MeasuredSpectrumCsv}; conf/measured/electron-spectrum.csv is the default.
 *
 * @param source where it was read from (for messages)
 * @param segments the segments, in increasing energy, each starting where the previous one ends
 */
public record MeasuredSpectrum(String source, List<Segment> segments) {
    /** The largest relative jump of J allowed where two segments meet. */
    public static final double CONTINUITY = 5e-3;

    public MeasuredSpectrum {
        if (segments == null || segments.isEmpty()) {
            throw new IllegalArgumentException(source + ": a measured spectrum needs at least one segment");
        }
        segments = List.copyOf(segments);
        for (int i = 1; i < segments.size(); i++) {
            Segment a = segments.get(i - 1);
            Segment b = segments.get(i);
            if (a.emaxGev() != b.eminGev()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: segment %d starts at %s GeV, "
                        + "not where segment %d ends (%s GeV)", source, i + 1, b.eminGev(), i, a.emaxGev()));
            }
            double jump = b.intensity(b.eminGev()) / a.intensity(a.emaxGev()) - 1.0;
            if (!(Math.abs(jump) <= CONTINUITY)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: J jumps by %+.2f %% at %s GeV "
                        + "between segments %d and %d (E^3 J %.5g below, %.5g above); adjacent segments must meet",
                        source, 100 * jump, b.eminGev(), i, i + 1, a.e3j(a.emaxGev()), b.e3j(b.eminGev())));
            }
        }
    }

    /**
     * One segment: J(E) = the shape of {@code shape} scaled to E^3 J = {@code e3jRef} at {@code refGev}, on
     * [eminGev, emaxGev).
     *
     * @param eminGev lower edge (GeV)
     * @param emaxGev upper edge (GeV)
     * @param e3jRef E^3 J at the reference energy, GeV^2 m^-2 s^-1 sr^-1
     * @param refGev the reference energy (GeV; need not lie in the segment)
     * @param shape gamma1, gamma2, E_b, s (its own emin/emax are those of the segment)
     */
    public record Segment(double eminGev, double emaxGev, double e3jRef, double refGev, BrokenPowerLaw shape) {
        public Segment {
            if (!(eminGev > 0) || !(emaxGev > eminGev) || !(e3jRef > 0) || !Double.isFinite(e3jRef) || !(refGev > 0)
                    || !Double.isFinite(refGev) || shape == null) {
                throw new IllegalArgumentException("a segment needs 0 < emin < emax, E^3 J > 0 at a reference "
                        + "energy > 0 and a shape");
            }
        }

        /** J(E) in GeV^-1 m^-2 s^-1 sr^-1 (the formula, also outside the segment's range). */
        public double intensity(double energyGev) {
            return e3jRef / (refGev * refGev * refGev) * shape.density(energyGev) / shape.density(refGev);
        }

        /** E^3 J(E) in GeV^2 m^-2 s^-1 sr^-1. */
        public double e3j(double energyGev) {
            return energyGev * energyGev * energyGev * intensity(energyGev);
        }
    }

    /** The lowest energy the spectrum covers (GeV). */
    public double eminGev() {
        return segments.get(0).eminGev();
    }

    /** The highest energy the spectrum covers (GeV). */
    public double emaxGev() {
        return segments.get(segments.size() - 1).emaxGev();
    }

    /** J(E) in GeV^-1 m^-2 s^-1 sr^-1, for emin &lt;= E &lt;= emax. */
    public double intensity(double energyGev) {
        if (!(energyGev >= eminGev() && energyGev <= emaxGev())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s covers %s - %s GeV, not %s GeV", source,
                    eminGev(), emaxGev(), energyGev));
        }
        for (Segment s : segments) {
            if (energyGev < s.emaxGev()) {
                return s.intensity(energyGev);
            }
        }
        return segments.get(segments.size() - 1).intensity(energyGev);
    }

    /** E^3 J(E) in GeV^2 m^-2 s^-1 sr^-1. */
    public double e3j(double energyGev) {
        return energyGev * energyGev * energyGev * intensity(energyGev);
    }
}
