package org.cranisotropy.montecarlo;

import java.io.Serializable;
import org.cranisotropy.analysis.ClassSelection;
import org.cranisotropy.analysis.LowMultipoles;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;

/**
 * Everything an isotropic Monte Carlo needs, in one serialisable value that a Spark job broadcasts:
 * the data's events, the exposure, the class selection, the thresholds and bins, the master seed and
 * how samples are made ({@link MonteCarloOptions}: energies from the data or the spectrum, Poisson, or the
 * data's events with shuffled times). {@link #build()} makes the sampler on
 * whichever JVM runs it; the result depends only on this value.
 */
public record SimulationSpec(EventSample events, String eventsName, ExposureCube exposure, ClassSelection selection,
        double[] standardThresholds, double[] gridThresholds, double[] binEdgesGev, long seed,
        MonteCarloOptions options) implements Serializable {

    /** Samples that reuse the data's energies and classes, with exactly N events. */
    public SimulationSpec(EventSample events, String eventsName, ExposureCube exposure, ClassSelection selection,
            double[] standardThresholds, double[] gridThresholds, double[] binEdgesGev, long seed) {
        this(events, eventsName, exposure, selection, standardThresholds, gridThresholds, binEdgesGev, seed,
                MonteCarloOptions.dataEnergies());
    }

    /** The sampler and the measurement step, built from the spec. */
    public record Engine(PreparedSample data, IsotropicSampler sampler, SampleMeasurements measurements) {}

    public Engine build() {
        PreparedSample data = PreparedSample.of(events, eventsName, exposure, selection);
        ScanPlan plan = new ScanPlan(data, standardThresholds, gridThresholds, binEdgesGev);
        LowMultipoles ylm = new LowMultipoles(exposure.nside());
        TimeShuffle shuffle = options.energies() == MonteCarloOptions.Energies.SHUFFLE
                ? new TimeShuffle(events, eventsName, data.selectionExposure(), options.frame(), ylm, plan) : null;
        IsotropicSampler sampler = new IsotropicSampler(data, ylm, plan, options, shuffle);
        return new Engine(data, sampler, new SampleMeasurements(plan));
    }
}
