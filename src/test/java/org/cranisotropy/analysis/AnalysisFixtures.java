package org.cranisotropy.analysis;

import org.cranisotropy.events.BrokenPowerLaw;
import org.cranisotropy.events.EventGenerator;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;

/** Shared test data: events generated from the closed-form equatorial-band exposure. */
public final class AnalysisFixtures {
    private AnalysisFixtures() {}

    /** Every class, every bin: exposure 1 in every pixel (isotropic skies are then exactly isotropic). */
    public static ExposureCube uniformExposure(int nside) {
        org.cranisotropy.exposure.EnergyBinning bins = org.cranisotropy.exposure.EnergyBinning.logarithmic(50, 20000, 8);
        java.util.Map<org.cranisotropy.exposure.EventClass, double[][]> maps =
                new java.util.EnumMap<>(org.cranisotropy.exposure.EventClass.class);
        for (org.cranisotropy.exposure.EventClass c : org.cranisotropy.exposure.EventClass.values()) {
            double[][] m = new double[bins.size()][12 * nside * nside];
            for (double[] row : m) {
                java.util.Arrays.fill(row, 1.0);
            }
            maps.put(c, m);
        }
        return new ExposureCube(nside, bins, maps);
    }

    public static ExposureCube bandExposure(int nside) {
        return SyntheticExposure.equatorialBand(nside, 2.0);
    }

    /** Writes events as the CSV event file that cra reads (energy_gev, l_deg, b_deg, event_class); returns file. */
    public static java.nio.file.Path writeCsv(EventSample ev, java.nio.file.Path file) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("energy_gev,l_deg,b_deg,event_class\n");
        for (int i = 0; i < ev.size(); i++) {
            csv.append(ev.energyGev(i)).append(',').append(ev.lDeg(i)).append(',').append(ev.bDeg(i)).append(',')
                    .append(ev.eventClass(i)).append('\n');
        }
        return java.nio.file.Files.writeString(file, csv);
    }

    public static EventSample events(ExposureCube cube, int n, double dipole, long seed) {
        EventGenerator.Events ev = new EventGenerator(cube, new BrokenPowerLaw(3.1, 4.0, 1000, 0.2, 50, 20000), dipole,
                263.9, -3.3, 57308, 60675).generate(n, seed);
        return new EventSample(ev.energyGev(), ev.lDeg(), ev.bDeg(), ev.eventClass());
    }
}
