package org.cranisotropy.montecarlo;

import org.cranisotropy.events.BrokenPowerLaw;
import org.cranisotropy.events.EventGenerator;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ArrivalTimes;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.exposure.ExposureModel;
import org.cranisotropy.exposure.ExposureTestModels;
import org.cranisotropy.exposure.InstrumentFrame;

/**
 * Test data for shuffled times: the reference.conf detector on the ISS over 60 days (60 s steps), exposure
 * maps at Nside 16 computed from it, and events generated from those maps with times, zenith angles and
 * azimuths from the same model (as cra generate makes them).
 */
public final class ShuffleFixtures {
    private ShuffleFixtures() {}

    public static final ExposureModel MODEL = ExposureTestModels.model(
            "period { end = \"2015-12-12T00:00:00Z\", step-s = 60 }, nside = 16, dwell { nside = 16 }");
    private static ExposureCube cube;

    public static synchronized ExposureCube exposure() {
        if (cube == null) {
            cube = MODEL.computeLocally();
        }
        return cube;
    }

    public static InstrumentFrame frame() {
        return new InstrumentFrame(MODEL.orbit());
    }

    /** n events above 50 GeV (spectrum index 2.6 to keep the high thresholds filled), dipole toward (l, b). */
    public static EventSample events(int n, double dipole, double lDeg, double bDeg, long seed) {
        ExposureCube c = exposure();
        EventGenerator.Events ev = new EventGenerator(c, new BrokenPowerLaw(2.6, 3.2, 1000, 0.2, 50, 20000), dipole,
                lDeg, bDeg, 57308, 57368).generate(n, seed);
        ArrivalTimes.Observations o = new ArrivalTimes(MODEL).draw(ev.lDeg(), ev.bDeg(), ev.eventClass(), seed);
        return new EventSample(ev.energyGev(), ev.lDeg(), ev.bDeg(), ev.eventClass())
                .withInstrumentFrame(o.timeMjd(), o.zenithDeg(), o.azimuthDeg());
    }
}
