package org.cranisotropy.events;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.random.RandomStreams;
import org.cranisotropy.sky.GalacticFrame;
import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.sky.Ordering;

/**
 * Simulated electron candidates as a detector with exposure A(E, class, pixel) would record them
 * from a sky of intensity I(n) = 1 + D d.n (D = 0: isotropic): energy from the spectrum; class with
 * probability proportional to its sky-integrated exposure at that energy; direction with density
 * proportional to A(E, class, pixel(n)) I(n), drawn exactly by rejection from the isotropic
 * distribution; time uniform over the observation period. Events are made in blocks of
 * {@value #BLOCK} from random stream (seed, block), so the result depends only on the seed. Times consistent
 * with the exposure model, with the events' zenith angles and azimuths, are drawn afterwards from streams of
 * their own by {@link org.cranisotropy.exposure.ArrivalTimes} ({@code cra generate} writes those).
 */
public final class EventGenerator {
    static final int BLOCK = 10_000;

    private final ExposureCube exposure;
    private final BrokenPowerLaw spectrum;
    private final double dipoleAmplitude;
    private final double[] dipoleDirection;
    private final double mjdStart;
    private final double mjdEnd;
    private final HealpixGrid grid;
    /** [class ordinal][bin] sky mean and maximum of each exposure map. */
    private final double[][] mean;
    private final double[][] max;

    public EventGenerator(ExposureCube exposure, BrokenPowerLaw spectrum, double dipoleAmplitude, double dipoleLDeg,
            double dipoleBDeg, double mjdStart, double mjdEnd) {
        if (!(dipoleAmplitude >= 0 && dipoleAmplitude <= 1)) {
            throw new IllegalArgumentException("dipole amplitude must be in [0, 1], got " + dipoleAmplitude);
        }
        this.exposure = exposure;
        this.spectrum = spectrum;
        this.dipoleAmplitude = dipoleAmplitude;
        this.dipoleDirection = GalacticFrame.unitVector(dipoleLDeg, dipoleBDeg);
        this.mjdStart = mjdStart;
        this.mjdEnd = mjdEnd;
        this.grid = new HealpixGrid(exposure.nside());
        int nc = EventClass.values().length;
        int nb = exposure.binning().size();
        this.mean = new double[nc][nb];
        this.max = new double[nc][nb];
        for (EventClass c : exposure.classes()) {
            for (int k = 0; k < nb; k++) {
                double[] m = exposure.map(k, c);
                mean[c.ordinal()][k] = Arrays.stream(m).average().orElse(0);
                max[c.ordinal()][k] = Arrays.stream(m).max().orElse(0);
            }
        }
    }

    /** Columns of generated events. */
    public record Events(long[] id, double[] energyGev, double[] lDeg, double[] bDeg, EventClass[] eventClass,
            double[] timeMjd) {}

    public Events generate(int count, long seed) {
        long[] id = new long[count];
        double[] e = new double[count];
        double[] l = new double[count];
        double[] b = new double[count];
        EventClass[] cls = new EventClass[count];
        double[] t = new double[count];
        double[] classWeight = new double[EventClass.values().length];
        for (int start = 0; start < count; start += BLOCK) {
            UniformRandomProvider rng = RandomStreams.stream(seed, start / BLOCK);
            for (int i = start; i < Math.min(count, start + BLOCK); i++) {
                id[i] = i;
                e[i] = spectrum.sample(rng);
                ExposureCube.InterpolationPoint at = exposure.interpolation(e[i]);
                double total = 0;
                for (EventClass c : exposure.classes()) {
                    classWeight[c.ordinal()] = at.of(mean[c.ordinal()]);
                    total += classWeight[c.ordinal()];
                }
                double u = rng.nextDouble() * total;
                EventClass chosen = null;
                for (EventClass c : exposure.classes()) {
                    chosen = c;
                    u -= classWeight[c.ordinal()];
                    if (u < 0) {
                        break;
                    }
                }
                cls[i] = chosen;
                double[] lb = direction(rng, chosen, e[i], at);
                l[i] = lb[0];
                b[i] = lb[1];
                // kept: this draw belongs to the stream, and the next event's energy, class and direction
                // follow it (cra generate replaces the time by one of org.cranisotropy.exposure.ArrivalTimes)
                t[i] = mjdStart + rng.nextDouble() * (mjdEnd - mjdStart);
            }
        }
        return new Events(id, e, l, b, cls, t);
    }

    private double[] direction(UniformRandomProvider rng, EventClass c, double energy,
            ExposureCube.InterpolationPoint at) {
        double[] mx = max[c.ordinal()];
        double bound = (at.upperWeight() == 0.0 ? mx[at.bin()] : Math.max(mx[at.bin()], mx[at.bin() + 1]))
                * (1.0 + dipoleAmplitude);
        while (true) {
            double z = 2.0 * rng.nextDouble() - 1.0;
            double phi = 2.0 * Math.PI * rng.nextDouble();
            double s = Math.sqrt((1.0 - z) * (1.0 + z));
            double x = s * Math.cos(phi);
            double y = s * Math.sin(phi);
            int pix = (int) grid.ang2pix(Math.acos(z), phi, Ordering.RING);
            double intensity = 1.0 + dipoleAmplitude * (dipoleDirection[0] * x + dipoleDirection[1] * y
                    + dipoleDirection[2] * z);
            if (rng.nextDouble() * bound <= exposure.exposure(c, energy, pix) * intensity) {
                return GalacticFrame.lonLat(x, y, z);
            }
        }
    }
}
