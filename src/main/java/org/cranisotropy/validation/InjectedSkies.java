package org.cranisotropy.validation;

import java.util.List;
import org.cranisotropy.analysis.MultipoleMeasurement;
import org.cranisotropy.montecarlo.InjectedDipole;
import org.cranisotropy.montecarlo.SampleMeasurements;
import org.cranisotropy.montecarlo.SimulationSpec;

/**
 * Skies equivalent to the data with a dipole injected ({@link InjectedDipole}), made by the Monte
 * Carlo's sampler with the run's settings (same exposure, selection, event count and energies or
 * spectrum as the isotropic samples) and measured by the same a_lm sums as the data, then put through
 * the p-values ({@link IsotropicReference}) and every {@link LimitMethod} as {@code cra limits} does for
 * the data. The white-noise level of each bin is the data's (it is an expectation from the exposure
 * and the selected energies, which a sky of the same spectrum shares to O(1/sqrt N)).
 */
public final class InjectedSkies {
    private final SimulationSpec.Engine engine;
    private final IsotropicReference reference;
    private final double[] noise;
    private final int thresholds;
    private final int bins;
    private final org.cranisotropy.harmonics.RingPixelVectors vectors;

    /**
     * @param noise the data's white-noise level per selection (thresholds, then bins; NaN where unknown)
     */
    public InjectedSkies(SimulationSpec.Engine engine, IsotropicReference reference, double[] noise) {
        this.engine = engine;
        this.reference = reference;
        this.thresholds = engine.sampler().plan().thresholds().size();
        this.bins = engine.sampler().plan().bins().size();
        if (noise.length != thresholds + bins || reference.selections() != thresholds + bins) {
            throw new IllegalArgumentException("the reference and the noise levels must have one entry per selection ("
                    + (thresholds + bins) + "), got " + reference.selections() + " and " + noise.length);
        }
        this.noise = noise.clone();
        this.vectors = new org.cranisotropy.analysis.LowMultipoles(engine.data().exposure().nside()).vectors();
    }

    /** The pixel vectors of the sampler (for {@link InjectedDipole#acceptanceByCode}). */
    public org.cranisotropy.harmonics.RingPixelVectors vectors() {
        return vectors;
    }

    public int selections() {
        return thresholds + bins;
    }

    /** Sky {@code index} of master seed {@code seed} with this dipole (acceptance: the dipole's, by ring code). */
    public SkyOutcome sky(long seed, long index, InjectedDipole dipole, double[] acceptance) {
        List<SampleMeasurements.Row> rows = engine.measurements().rows(
                engine.sampler().runInjected(seed, index, acceptance));
        int n = selections();
        double[] delta = new double[n];
        double[] angle = new double[n];
        double[] p = new double[n];
        LimitMethod[] methods = LimitMethod.values();
        double[][] limits = new double[methods.length][n];
        for (int r = 0; r < n; r++) {
            MultipoleMeasurement m = rows.get(2 * r).m(); // the corrected row; the uncorrected one follows it
            boolean empty = m.nEvents() == 0;
            delta[r] = empty ? Double.NaN : m.delta();
            angle[r] = empty ? Double.NaN : org.cranisotropy.association.AngularDistance.degrees(m.dipoleLDeg(),
                    m.dipoleBDeg(), dipole.lDeg(), dipole.bDeg());
            p[r] = reference.localP(r, delta[r]);
            boolean bin = r >= thresholds;
            for (LimitMethod method : methods) {
                limits[method.ordinal()][r] = method.needsNoise() && !bin ? Double.NaN
                        : method.ul(delta[r], empty ? Double.NaN : m.c1RelativeIntensity(), noise[r]);
            }
        }
        return new SkyOutcome(dipole.amplitude(), dipole.lDeg(), dipole.bDeg(), delta, angle, p, limits,
                reference.globalP(delta));
    }
}
