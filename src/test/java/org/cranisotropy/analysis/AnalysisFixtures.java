package org.cranisotropy.analysis;

import org.cranisotropy.events.BrokenPowerLaw;
import org.cranisotropy.events.EventGenerator;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;

/** Shared test data: events generated from the closed-form equatorial-band exposure. */
public final class AnalysisFixtures {
    private AnalysisFixtures() {}

    public static ExposureCube bandExposure(int nside) {
        return SyntheticExposure.equatorialBand(nside, 2.0);
    }

    public static EventSample events(ExposureCube cube, int n, double dipole, long seed) {
        EventGenerator.Events ev = new EventGenerator(cube, new BrokenPowerLaw(3.1, 4.0, 1000, 0.2, 50, 20000), dipole,
                263.9, -3.3, 57308, 60675).generate(n, seed);
        return new EventSample(ev.energyGev(), ev.lDeg(), ev.bDeg(), ev.eventClass());
    }
}
