package org.cranisotropy.montecarlo;

import java.io.Serializable;
import org.cranisotropy.analysis.ClassSelection;
import org.cranisotropy.analysis.LowMultipoles;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;

/**
 * Everything an isotropic Monte Carlo needs, in one serialisable value that a Spark job broadcasts:
 * the data's events (the samples keep their energies and classes), the exposure, the class
 * selection, the thresholds and bins, and the master seed. {@link #build()} makes the sampler on
 * whichever JVM runs it; the result depends only on this value.
 */
public record SimulationSpec(EventSample events, String eventsName, ExposureCube exposure, ClassSelection selection,
        double[] standardThresholds, double[] gridThresholds, double[] binEdgesGev, long seed) implements Serializable {

    /** The sampler and the measurement step, built from the spec. */
    public record Engine(PreparedSample data, IsotropicSampler sampler, SampleMeasurements measurements) {}

    public Engine build() {
        PreparedSample data = PreparedSample.of(events, eventsName, exposure, selection);
        ScanPlan plan = new ScanPlan(data, standardThresholds, gridThresholds, binEdgesGev);
        IsotropicSampler sampler = new IsotropicSampler(data, new LowMultipoles(exposure.nside()), plan);
        return new Engine(data, sampler, new SampleMeasurements(data, plan));
    }
}
