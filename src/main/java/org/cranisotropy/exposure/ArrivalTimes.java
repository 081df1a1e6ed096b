package org.cranisotropy.exposure;

import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.cranisotropy.random.RandomStreams;
import org.cranisotropy.sky.GalacticFrame;

/**
 * Arrival times of events whose direction, class and energy are given, as the exposure model makes them: the
 * time of an event from galactic direction n, class c and energy E has the density
 * <pre>
 *   p(t | n, c, E)  proportional to  live(t) A_c(theta(t, n), psi(t, n), E)
 * </pre>
 * over the observation period, theta and psi the event's zenith angle and azimuth in the detector frame at t
 * ({@link InstrumentFrame}), live the live fraction ({@link LiveTimeModel}). Since the sky integral of this
 * over t is the exposure A(E, c, n) the events' directions were drawn from, the joint law of (n, t, theta,
 * psi) is that of a detector with this exposure. The acceptance is separable (geometry x g_c(E)) and the
 * live fraction is 0 or 1 - dead-time fraction, so the density does not depend on E and is drawn exactly by
 * rejection: t uniform over the period's steps [start, start + N dt), kept with probability
 * <pre>
 *   [not in the SAA] * P_c(theta) / A_c * (1 + a4 sin^2 theta cos 4 psi) / (1 + |a4|)
 * </pre>
 * (P_c = A_c cos theta W_c(theta), {@link DetectorAcceptance}); a trial whose zenith angle lies outside the
 * class's window (with its edges) is rejected on n(t) . v alone ({@code IssOrbit.zenithCosine}, four sines
 * and cosines), before anything else is evaluated. The live fraction is taken at the instant t itself (the
 * exposure maps evaluate it at step midpoints). The expected number of trials per event is the mean of
 * (1 + |a4|) A_c T / exposure_c(n) over directions drawn from the exposure, i.e. 4 pi (1 + |a4|) A_c T /
 * (G_c T_live): measured 41 for class A (theta &lt; 20 deg) and 20 for class D of the default model, of
 * which 3 and 1 reach the full evaluation. 3e5 demo-like events take 4.8 s on 2 cores (6e4 events/s, the
 * machine shared at a load of ~9), so 1.2e7 events about 3 minutes.
 *
 * <p>Times are drawn as MJD (the events' {@code time} column) and the orbit is evaluated at
 * {@link InstrumentFrame#secondsAfterEpoch} of that stored value, so (time, zenith, azimuth) give back the
 * direction to rounding. Event i uses random stream {@link RandomStreams#jumped}(seed, i / {@value #BLOCK}):
 * independent of the generator's streams (seed, block), whose energies, classes and directions therefore stay
 * as they are; blocks are drawn in parallel and the result depends on the seed only.
 */
public final class ArrivalTimes {
    /**
     * Trials after which an event takes the best time seen (the largest acceptance, or, when the direction never
     * entered the class's window, the time closest to it). Only directions where the exposure maps, made with
     * the zenith moved to the centre of its dwell pixel, give a little exposure that the exact pointing does not
     * get there (the edges of the exposure's holes) need it; {@link #fallbacks} counts them.
     */
    public static final int MAX_TRIALS = 200_000;

    /** Events per random stream (the event generator's block). */
    public static final int BLOCK = 10_000;

    private final InstrumentFrame frame;
    private final LiveTimeModel live;
    private final DetectorAcceptance acceptance;
    private final double mjdStart;
    private final double days;
    private final java.util.concurrent.atomic.LongAdder fallbacks = new java.util.concurrent.atomic.LongAdder();

    public ArrivalTimes(ExposureModel model) {
        this.frame = new InstrumentFrame(model.orbit());
        this.live = model.liveTime();
        this.acceptance = model.acceptance();
        ObservationPeriod p = model.period();
        this.mjdStart = InstrumentFrame.mjd(p.start());
        this.days = p.durationSeconds() / 86400.0;
    }

    public InstrumentFrame frame() {
        return frame;
    }

    /** Events that took the best time seen after {@value #MAX_TRIALS} trials, over this object's draws. */
    public long fallbacks() {
        return fallbacks.sum();
    }

    /** Time (MJD), zenith angle and azimuth (deg) of each event. */
    public record Observations(double[] timeMjd, double[] zenithDeg, double[] azimuthDeg) {}

    /**
     * The times, zenith angles and azimuths of events i = 0 .. n-1 at galactic (l, b) with classes cls.
     * Energies do not enter (the density does not depend on them, see above).
     */
    public Observations draw(double[] lDeg, double[] bDeg, EventClass[] cls, long seed) {
        int n = lDeg.length;
        double[] t = new double[n];
        double[] zenith = new double[n];
        double[] azimuth = new double[n];
        IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().forEach(block -> {
            UniformRandomProvider rng = RandomStreams.jumped(seed, block);
            double[] axes = new double[9];
            for (int i = block * BLOCK; i < Math.min(n, (block + 1) * BLOCK); i++) {
                double[] v = GalacticFrame.unitVector(lDeg[i], bDeg[i]);
                t[i] = drawTime(rng, v, cls[i], axes);
                double[] inc = InstrumentFrame.incidence(axes, 0, v);
                zenith[i] = inc[0];
                azimuth[i] = inc[1];
            }
        });
        return new Observations(t, zenith, azimuth);
    }

    /** One time for direction v (galactic unit vector) and class c; leaves the frame's axes at it in axes. */
    private double drawTime(UniformRandomProvider rng, double[] v, EventClass c, double[] axes) {
        if (!acceptance.hasClass(c)) {
            throw new IllegalArgumentException("class " + c + " has no acceptance in the exposure model");
        }
        int k = c.ordinal();
        double peak = acceptance.parameters(c).peakAreaM2();
        // the class's incidence window with its edges: outside it a trial is rejected on cos(theta) alone
        double w = acceptance.edgeWidthRad() / 2;
        DetectorAcceptance.ClassAcceptance p = acceptance.parameters(c);
        double cosFov = Math.cos(Math.min(acceptance.fieldOfViewRad(), Math.toRadians(p.thetaMaxDeg()) + w));
        double cosInner = p.thetaMinDeg() > 0 ? Math.cos(Math.max(0, Math.toRadians(p.thetaMinDeg()) - w)) : 2.0;
        double bound = peak * (1 + Math.abs(acceptance.azimuth4()));
        double[][] m = IssOrbit.ICRS_TO_GALACTIC; // orthogonal: its transpose takes galactic to ICRS
        double[] icrs = {m[0][0] * v[0] + m[1][0] * v[1] + m[2][0] * v[2], m[0][1] * v[0] + m[1][1] * v[1]
                + m[2][1] * v[2], m[0][2] * v[0] + m[1][2] * v[1] + m[2][2] * v[2]};
        double bestMjd = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int trial = 0; ; trial++) {
            if (trial == MAX_TRIALS) {
                // the maps put exposure where the exact pointing never brings this class: the closest time
                fallbacks.increment();
                InstrumentFrame.axes(frame.orbit().state(frame.secondsAfterEpoch(bestMjd)), axes, 0);
                return bestMjd;
            }
            double mjd = mjdStart + rng.nextDouble() * days;
            double u = rng.nextDouble() * bound;
            double seconds = frame.secondsAfterEpoch(mjd);
            double cosZenith = frame.orbit().zenithCosine(seconds, icrs);
            // distance (in cos theta) to the class's window, for the fallback
            double score = cosZenith <= cosFov ? cosZenith - cosFov : cosZenith >= cosInner ? cosInner - cosZenith : 0;
            if (score > bestScore) {
                bestScore = score;
                bestMjd = mjd;
            }
            if (cosZenith <= cosFov || cosZenith >= cosInner) {
                continue; // outside the class's window: four sines and cosines decide most trials
            }
            IssOrbit.State s = frame.orbit().state(seconds);
            double[] z = s.zenithGalactic();
            double cosTheta = v[0] * z[0] + v[1] * z[1] + v[2] * z[2];
            if (cosTheta <= cosFov || cosTheta >= cosInner) {
                continue;
            }
            InstrumentFrame.axes(s, axes, 0);
            double vx = v[0] * axes[0] + v[1] * axes[1] + v[2] * axes[2];
            double vy = v[0] * axes[3] + v[1] * axes[4] + v[2] * axes[5];
            double theta = Math.atan2(Math.hypot(vx, vy), cosTheta);
            double a = acceptance.polarArea(k, theta, cosTheta) * acceptance.azimuthFactor(theta, Math.atan2(vy, vx));
            boolean inSaa = live.inSaa(s.latitudeDeg(), s.longitudeDeg());
            if (u < a && !inSaa) {
                return mjd;
            }
            if (!inSaa && a > 0 && bestScore >= 0 && a / bound > bestScore) {
                bestScore = a / bound; // seen at this time: the fallback keeps the best-seen time
                bestMjd = mjd;
            }
        }
    }
}
