package org.cranisotropy.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cranisotropy.analysis.AnalysisFixtures;
import org.cranisotropy.analysis.ClassSelection;
import org.cranisotropy.analysis.EnergyScan;
import org.cranisotropy.events.BrokenPowerLaw;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.montecarlo.MonteCarloOptions;
import org.cranisotropy.montecarlo.SampleRecipe;
import org.junit.jupiter.api.Test;

/**
 * Whole isotropic data sets from the generator, each with its own Monte Carlo: with the data's own
 * energies and classes the samples are the exact conditional null, so the p-values are calibrated;
 * the result depends only on the seed.
 */
class EndToEndTest {
    @Test
    void dataEnergyPValuesAreCalibratedOnGeneratedDataSets() {
        ExposureCube cube = AnalysisFixtures.bandExposure(16);
        EndToEnd e2e = new EndToEnd(cube, new BrokenPowerLaw(2.7, 3.5, 500, 0.2, 50, 20000), 2500, 57308, 60675,
                ClassSelection.calet2025().withExposureFloor(0.01), EnergyScan.logGrid(60, 240, 3),
                new double[] {50, 100, 251, 5000},
                new SampleRecipe(MonteCarloOptions.Energies.DATA, false, null, null, null), 99, 4L);
        List<EndToEnd.Outcome> outcomes = new ArrayList<>();
        for (long k = 0; k < 120; k++) {
            outcomes.add(e2e.run(k));
        }
        assertArrayEquals(outcomes.get(7).localP(), e2e.run(7).localP(), 0);
        List<EndToEnd.Calibration> c = e2e.calibrate(outcomes);
        assertEquals(e2e.selections() + 1, c.size());
        double pooled = 0;
        for (EndToEnd.Calibration r : c) {
            assertEquals(120, r.datasets());
            assertEquals(0.05, r.expectedBelow005(), 0); // floor(0.05 * 100) / 100
            assertTrue(r.binomialP005() > 1e-3, r.kind() + " " + r.thresholdGev() + "/" + r.eminGev() + ": "
                    + r.fracBelow005() + " of data sets at p <= 0.05");
            assertTrue(r.ksP() > 1e-3, r.kind() + ": KS p " + r.ksP());
            pooled += r.fracBelow005();
        }
        // pooled over the 7 selections and the scan (correlated): 0.05 on average
        assertEquals(0.05, pooled / c.size(), 0.025);
    }
}
