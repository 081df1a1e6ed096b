package org.cranisotropy.montecarlo;

import healpix.essentials.HealpixBase;
import healpix.essentials.Scheme;
import healpix.essentials.Vec3;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.cranisotropy.analysis.LowMultipoles;
import org.cranisotropy.analysis.SelectionExposure;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.exposure.InstrumentFrame;
import org.cranisotropy.harmonics.RingPixelVectors;
import org.cranisotropy.random.RandomStreams;

/**
 * Data-driven isotropic samples by shuffling event times (Fermi-LAT 2010, section 3; method.md section 5):
 * the class-selected events of the data keep their energies, classes and instrument-frame directions
 * (zenith angle theta_i, azimuth psi_i from the flight direction); a sample gives event i the time
 * t_pi(i) of a random permutation pi of the events and the direction
 * <pre>
 *   n_i = R(t_pi(i)) d_i,     d_i = (sin theta_i cos psi_i, sin theta_i sin psi_i, cos theta_i)
 * </pre>
 * R(t) the detector axes at t ({@link InstrumentFrame}, galactic). Under isotropy the time of an event is
 * independent of its (theta, psi, class, energy): the density live(t) A_c(theta, psi, E) I(n) factorises when
 * I is constant. So every permutation of the times is as likely as the observed one, and the shuffled samples
 * have the data's law under isotropy, with the real live time and pointing history and the real
 * instrument-frame distribution (whatever the exposure model says).
 *
 * <p>The samples are analysed exactly like the data: the exposure floor leaves out an event whose new
 * direction falls in a masked pixel (or one where the selection's exposure is 0), so a sample's count is
 * the number of class-selected events it keeps (the data's is the same count for the observed times); each
 * kept event is weighted by 1/A_sel(E_i, pixel) (log-E interpolated, as {@link SelectionExposure#exposure})
 * and accumulated through {@link LowMultipoles}, its sky-mean exposure added to the eq. 3.1 normalisation.
 *
 * <p>Sample s uses random stream (seed, s) only: the Fisher-Yates permutation draws n - 1 bounded integers
 * ({@code nextInt(i + 1)} for i = n-1 .. 1) from it, so a sample is the same on any partitioning. The
 * detector axes at each data time are computed once (9 doubles per event); a sample costs per event one
 * 3x3 product, a pixel lookup and the a_lm terms. Immutable; shared by the threads of an executor.
 */
public final class TimeShuffle {
    private static final int BLOCK = 256;

    private final SelectionExposure selection;
    private final LowMultipoles ylm;
    private final RingPixelVectors vectors;
    private final HealpixBase grid;
    private final int size;
    /** Per event in energy order (high to low): detector vector d (3), axes at its own time (9). */
    private final double[] detector;
    private final double[] axes;
    private final double[] meanExposure;
    /** Per event: the summed maps of its rule at its bin and the next, and the interpolation weight. */
    private final double[][] lowerMap;
    private final double[][] upperMap;
    private final double[] upperWeight;
    /** Events before each snapshot (E &gt;= snapshot energy). */
    private final int[] snapshotEnd;

    /**
     * @param events the data's events, with their instrument frame (else bad input naming {@code file})
     * @param file the events' name for messages
     * @param selection the class selection's exposure and floor
     * @param frame the detector frame on the orbit
     * @param ylm the analysis' a_lm arithmetic
     * @param plan the selections measured
     */
    public TimeShuffle(EventSample events, String file, SelectionExposure selection, InstrumentFrame frame,
            LowMultipoles ylm, ScanPlan plan) {
        events.requireInstrumentFrame(file, "samples with shuffled times (--energies shuffle)");
        this.selection = selection;
        this.ylm = ylm;
        this.vectors = ylm.vectors();
        try {
            this.grid = new HealpixBase(selection.cube().nside(), Scheme.RING);
        } catch (Exception e) {
            throw new IllegalArgumentException("healpix-java rejects Nside " + selection.cube().nside(), e);
        }
        ExposureCube cube = selection.cube();
        int[] pool = IntStream.range(0, events.size())
                .filter(i -> selection.selection().accepts(events.energyGev(i), events.eventClass(i))
                        && cube.hasClass(events.eventClass(i)))
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -events.energyGev(i)).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue)
                .toArray();
        this.size = pool.length;
        this.detector = new double[3 * size];
        this.axes = new double[9 * size];
        this.meanExposure = new double[size];
        this.lowerMap = new double[size][];
        this.upperMap = new double[size][];
        this.upperWeight = new double[size];
        int bins = cube.binning().size();
        double[][][] maps = new double[selection.rules()][bins][];
        for (int r = 0; r < maps.length; r++) {
            for (int k = 0; k < bins; k++) {
                maps[r][k] = selection.map(r, k);
            }
        }
        for (int k = 0; k < size; k++) {
            int i = pool[k];
            double e = events.energyGev(i);
            double[] d = InstrumentFrame.detectorVector(events.zenithDeg(i), events.azimuthDeg(i));
            System.arraycopy(d, 0, detector, 3 * k, 3);
            frame.axes(events.timeMjd(i), axes, 9 * k);
            meanExposure[k] = selection.mean(e);
            ExposureCube.InterpolationPoint at = cube.interpolation(e);
            int r = selection.rule(e);
            lowerMap[k] = maps[r][at.bin()];
            upperMap[k] = at.upperWeight() == 0.0 ? lowerMap[k] : maps[r][at.bin() + 1];
            upperWeight[k] = at.upperWeight();
        }
        double[] snap = plan.snapshotEnergies();
        this.snapshotEnd = new int[snap.length];
        for (int j = 0, k = 0; j < snap.length; j++) {
            while (k < size && events.energyGev(pool[k]) >= snap[j]) {
                k++;
            }
            snapshotEnd[j] = k;
        }
    }

    /** The number of class-selected events whose times are shuffled. */
    public int size() {
        return size;
    }

    /** The permutation of sample {@code sample}: event k gets the time of event pi[k] (energy order). */
    public int[] permutation(long seed, long sample) {
        UniformRandomProvider rng = RandomStreams.stream(seed, sample);
        int[] pi = new int[size];
        for (int k = 0; k < size; k++) {
            pi[k] = k;
        }
        for (int k = size - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int t = pi[k];
            pi[k] = pi[j];
            pi[j] = t;
        }
        return pi;
    }

    /**
     * The galactic unit vector of event k (energy order) at the time of event tau: R(t_tau) d_k.
     */
    public double[] direction(int k, int tau) {
        double[] a = axes;
        int at = 9 * tau;
        double x = detector[3 * k];
        double y = detector[3 * k + 1];
        double z = detector[3 * k + 2];
        return new double[] {x * a[at] + y * a[at + 3] + z * a[at + 6], x * a[at + 1] + y * a[at + 4] + z * a[at + 7],
            x * a[at + 2] + y * a[at + 5] + z * a[at + 8]};
    }

    /** The running sums of sample {@code sample} at every snapshot of the plan. */
    public SampleScan scan(long seed, long sample) {
        return scan(permutation(seed, sample));
    }

    /** The running sums when event k (energy order) gets the time of event pi[k]; identity: the data's own times. */
    SampleScan scan(int[] pi) {
        int snaps = snapshotEnd.length;
        long[] counts = new long[snaps];
        double[][] out = new double[2 * snaps][];
        double[] sums = new double[snaps];
        double[] corrected = new double[LowMultipoles.STRIDE];
        double[] raw = new double[LowMultipoles.STRIDE];
        int[] codes = new int[BLOCK];
        int[] pixels = new int[BLOCK];
        int[] rings = new int[BLOCK];
        double[] cosPhi = new double[BLOCK];
        double[] sinPhi = new double[BLOCK];
        double[] weights = new double[BLOCK];
        int n = 0;
        long kept = 0;
        double meanSum = 0;
        int k = 0;
        for (int j = 0; j < snaps; j++) {
            for (; k < snapshotEnd[j]; k++) {
                double[] v = direction(k, pi[k]);
                int p = pixel(v);
                if (selection.isMasked(p)) {
                    continue;
                }
                double u = upperWeight[k];
                double a = u == 0.0 ? lowerMap[k][p] : (1 - u) * lowerMap[k][p] + u * upperMap[k][p];
                if (!(a > 0)) {
                    continue;
                }
                codes[n] = vectors.code(p);
                weights[n++] = 1.0 / a;
                kept++;
                meanSum += meanExposure[k];
                if (n == BLOCK) {
                    vectors.decode(codes, n, pixels, rings, cosPhi, sinPhi);
                    ylm.addBlock(corrected, raw, rings, cosPhi, sinPhi, weights, n);
                    n = 0;
                }
            }
            if (n > 0) {
                vectors.decode(codes, n, pixels, rings, cosPhi, sinPhi);
                ylm.addBlock(corrected, raw, rings, cosPhi, sinPhi, weights, n);
                n = 0;
            }
            counts[j] = kept;
            sums[j] = meanSum;
            out[2 * j] = corrected.clone();
            out[2 * j + 1] = raw.clone();
        }
        return new SampleScan(out, counts, sums);
    }

    private int pixel(double[] v) {
        try {
            return (int) grid.vec2pix(new Vec3(v[0], v[1], v[2]));
        } catch (Exception e) {
            throw new IllegalStateException("vec2pix: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TimeShuffle[" + size + " events]";
    }

    /** The zenith angle (deg) of event k (energy order) from its detector vector. */
    double zenithDeg(int k) {
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, detector[3 * k + 2]))));
    }
}
