package org.cranisotropy.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cranisotropy.analysis.AnalysisFixtures;
import org.cranisotropy.analysis.ClassSelection;
import org.cranisotropy.analysis.EnergyScan;
import org.cranisotropy.analysis.MultipoleMeasurement;
import org.cranisotropy.events.BrokenPowerLaw;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.sky.GalacticFrame;
import org.junit.jupiter.api.Test;

/**
 * Injection = recovery: samples with an injected dipole, measured with exposure correction, give on
 * average the injected dipole vector (the vector sum is linear in the map, so its mean is the injected
 * one whatever the noise; the amplitude alone is biased up by the noise) on a uniform exposure and on
 * the strongly anisotropic equatorial band; and an amplitude of 0 gives the isotropic samples' law.
 */
class InjectedDipoleTest {
    @Test
    void theMeanMeasuredDipoleVectorIsTheInjectedOne() {
        for (ExposureCube cube : new ExposureCube[] {AnalysisFixtures.uniformExposure(16), AnalysisFixtures.bandExposure(16)}) {
            EventSample events = AnalysisFixtures.events(cube, 3000, 0.0, 9);
            SimulationSpec spec = new SimulationSpec(events, "t", cube, ClassSelection.calet2025(),
                    EnergyScan.logGrid(100, 200, 2), new double[0], new double[] {50, 5000}, 3L,
                    new MonteCarloOptions(MonteCarloOptions.Energies.SPECTRUM,
                            new BrokenPowerLaw(3.1, 4.0, 1000, 0.2, 50, 20000), false));
            SimulationSpec.Engine engine = spec.build();
            InjectedDipole dipole = new InjectedDipole(0.3, 263.9, -3.3);
            double[] acceptance = dipole.acceptanceByCode(
                    new org.cranisotropy.analysis.LowMultipoles(16).vectors());
            int skies = 300;
            double[] sum = new double[3];
            double[] sum2 = new double[3];
            for (int s = 0; s < skies; s++) {
                MultipoleMeasurement m = engine.measurements().rows(engine.sampler().runInjected(7, s, acceptance))
                        .stream().filter(r -> r.kind().equals(ScanPlan.BIN) && r.corrected()).findFirst()
                        .orElseThrow().m();
                double[] v = GalacticFrame.unitVector(m.dipoleLDeg(), m.dipoleBDeg());
                for (int i = 0; i < 3; i++) {
                    sum[i] += m.delta() * v[i];
                    sum2[i] += m.delta() * v[i] * m.delta() * v[i];
                }
            }
            double[] injected = dipole.unitVector();
            for (int i = 0; i < 3; i++) {
                double mean = sum[i] / skies;
                double sd = Math.sqrt(sum2[i] / skies - mean * mean);
                double z = (mean - 0.3 * injected[i]) / (sd / Math.sqrt(skies));
                assertTrue(Math.abs(z) < 4, String.format("component %d: mean %.4f, injected %.4f (%.1f sigma)", i,
                        mean, 0.3 * injected[i], z));
            }
        }
    }

    /** Amplitude 0 accepts every draw: the same skies as isotropic samples drawn with the acceptance step. */
    @Test
    void zeroAmplitudeAcceptsEveryPixel() {
        InjectedDipole d = new InjectedDipole(0, 10, 20);
        double[] a = d.acceptanceByCode(new org.cranisotropy.analysis.LowMultipoles(4).vectors());
        org.cranisotropy.harmonics.RingPixelVectors v = new org.cranisotropy.analysis.LowMultipoles(4).vectors();
        for (int p = 0; p < v.npix(); p++) {
            assertEquals(1.0, a[v.code(p)], 0);
        }
        // the acceptance is the intensity over its maximum: 1 towards the dipole, (1 - D) / (1 + D) away from it
        InjectedDipole n = new InjectedDipole(0.5, 0, 90);
        double[] an = n.acceptanceByCode(v);
        assertEquals(1.0, an[v.code(0)], 0.03); // pixel 0: next to the north pole
        assertEquals(1.0 / 3, an[v.code(v.npix() - 1)], 0.03);
        assertThrows(IllegalArgumentException.class, () -> new InjectedDipole(1.5, 0, 0));
    }
}
