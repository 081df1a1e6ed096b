package org.cranisotropy.validation;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.UnitSphereSampler;
import org.cranisotropy.montecarlo.InjectedDipole;
import org.cranisotropy.montecarlo.SimulationSpec;
import org.cranisotropy.random.RandomStreams;
import org.cranisotropy.sky.GalacticFrame;

/**
 * Everything a validation run needs, in one serialisable value a Spark job broadcasts: the Monte Carlo
 * of the run (made with the settings of its isotropic samples), the samples as the p-value reference,
 * the data's white-noise levels, the ladder of injected amplitudes (first 0), the injected directions
 * and the master seed.
 *
 * <p><b>Determinism.</b> Sky i of amplitude j and direction k uses random stream (S_k, i) of the
 * sampler, S_k the first number of stream (seed, 2^62 + k): the same sky index shares its energies
 * (and, where no pixel is redrawn, its pixels) across the ladder, so the belt of measured deltas is
 * smooth in the amplitude; the result depends only on (seed, k, j, i), never on the partitioning. A
 * random direction is drawn for sky i from stream (seed, 2^61 + i), uniformly on the sphere (Commons
 * RNG's UnitSphereSampler), and is the same at every amplitude.
 */
public record ValidationSpec(SimulationSpec simulation, IsotropicReference reference, double[] noise,
        double[] ladder, List<Direction> directions, long seed) implements java.io.Serializable {

    /** An injected direction: "random" (a new one per sky) or fixed galactic (l, b) with a name. */
    public record Direction(String name, boolean random, double lDeg, double bDeg) implements java.io.Serializable {
        public static Direction anyDirection() {
            return new Direction("random", true, Double.NaN, Double.NaN);
        }

        public static Direction fixed(String name, double lDeg, double bDeg) {
            return new Direction(name, false, lDeg, bDeg);
        }
    }

    public ValidationSpec {
        if (ladder.length == 0 || ladder[0] != 0.0) {
            throw new IllegalArgumentException("the amplitude ladder must start at 0");
        }
        for (int j = 1; j < ladder.length; j++) {
            if (!(ladder[j] > ladder[j - 1]) || ladder[j] > 1) {
                throw new IllegalArgumentException("amplitudes must increase within (0, 1], got " + ladder[j]
                        + " after " + ladder[j - 1]);
            }
        }
        ladder = ladder.clone();
        noise = noise.clone();
        directions = List.copyOf(directions);
    }

    /** The master seed of the sampler's streams for direction k. */
    public long skySeed(int direction) {
        return RandomStreams.stream(seed, (1L << 62) + direction).nextLong();
    }

    /** The dipole of sky i at amplitude j in direction k. */
    public InjectedDipole dipole(int direction, int amplitude, long sky) {
        Direction d = directions.get(direction);
        if (!d.random()) {
            return new InjectedDipole(ladder[amplitude], d.lDeg(), d.bDeg());
        }
        UniformRandomProvider rng = RandomStreams.stream(seed, (1L << 61) + sky);
        double[] v = UnitSphereSampler.of(rng, 3).sample();
        double[] lb = GalacticFrame.lonLat(v[0], v[1], v[2]);
        return new InjectedDipole(ladder[amplitude], lb[0], lb[1]);
    }

    /**
     * A digest of everything the skies depend on (seed, ladder, directions, the reference samples, the
     * noise levels, the events, exposure settings and sample recipe), to recognise the same validation
     * when resuming.
     */
    public String fingerprint() {
        org.cranisotropy.io.Sha256 h = new org.cranisotropy.io.Sha256().add(seed).add(ladder).add(directions.toString())
                .add(noise).addSerialized(reference).add(simulation.standardThresholds())
                .add(simulation.gridThresholds()).add(simulation.binEdgesGev()).add(simulation.selection().toString())
                .add(simulation.options().describe()).add(simulation.events().size());
        for (int i = 0; i < simulation.events().size(); i++) {
            h.add(simulation.events().energyGev(i));
        }
        return h.hex();
    }
}
