package org.cranisotropy.montecarlo;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.cranisotropy.analysis.LowMultipoles;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.analysis.SelectionExposure;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.random.RandomStreams;

/**
 * Isotropic skies equivalent to the data (method.md section 5): the data's selected events keep
 * their energies and classes; each gets a new direction drawn with probability proportional to its
 * class's exposure A(E_i, class_i, pixel) and is then weighted and accumulated exactly as in
 * {@link org.cranisotropy.analysis.EnergyScan} (1/A_sel(E_i, pixel) for the corrected map, 1 for the
 * raw one), through the same {@link LowMultipoles} arithmetic.
 *
 * <p>The log-E interpolated exposure (1-w) M_k + w M_k+1 is a mixture of two maps, so a pixel is
 * drawn exactly by picking map k or k+1 with odds (1-w) S_k : w S_k+1 (S = map sum) and then a
 * pixel from that map's {@link PackedAliasTable}. Sample s uses random stream (seed, s) only: per
 * event, one 64-bit number for the map choice (only when the event lies between two bins) and one
 * for the pixel, in event order.
 *
 * <p>Speed: the tables are far larger than the caches and the pixels random, so the cost is memory
 * latency. Events are processed in blocks: first every pixel of the block is drawn (a short loop
 * whose table loads overlap), then each event's weight and a_lm terms are added, reading one fused
 * per-pixel record (unit vector and the selection exposure of every energy bin) instead of three
 * separate arrays. Events below the lowest cut of the plan are never drawn. Tables are built once and
 * shared; {@link #run} allocates only its outputs and two small buffers.
 */
public final class IsotropicSampler {
    private static final int BLOCK = 256;
    private static final int RECORD = 8;

    private final PreparedSample data;
    private final LowMultipoles ylm;
    private final ScanPlan plan;
    private final int[] cuts;
    /** Per event: index of map k (class-major: class * bins + k). */
    private final int[] lowerMap;
    /** Per event: P(take map k) as a 53-bit integer threshold, or -1 when map k is certain. */
    private final long[] lowerOdds;
    private final double[] upperWeight;
    private final PackedAliasTable[] tables;
    /**
     * Per selection rule r and exposure bin k ([r * bins + k]), per pixel p, 8 doubles from 8p:
     * x, y, z, A_sel(bin k), A_sel(bin k+1) (0 past the last bin) and padding: all an event needs
     * from one cache line (64 bytes) at best, two at worst.
     */
    private final double[][] records;
    private final int bins;
    /** Per event: its lower bin and its selection rule. */
    private final int[] binOffset;
    private final int[] ruleOf;

    public IsotropicSampler(PreparedSample data, LowMultipoles ylm, ScanPlan plan) {
        this.data = data;
        this.ylm = ylm;
        this.plan = plan;
        this.cuts = plan.cuts();
        ExposureCube cube = data.exposure();
        int bins = cube.binning().size();
        int npix = cube.npix();
        int nmaps = EventClass.values().length * bins;
        this.tables = new PackedAliasTable[nmaps];
        double[] sums = new double[nmaps];
        for (EventClass c : cube.classes()) {
            for (int k = 0; k < bins; k++) {
                int m = c.ordinal() * bins + k;
                double[] map = cube.map(k, c);
                sums[m] = Arrays.stream(map).sum();
                if (sums[m] > 0) {
                    tables[m] = PackedAliasTable.of(map);
                }
            }
        }
        SelectionExposure sel = data.selectionExposure();
        this.bins = bins;
        this.records = new double[sel.rules() * bins][];
        for (int r = 0; r < sel.rules(); r++) {
            for (int k = 0; k < bins; k++) {
                double[] lower = sel.map(r, k);
                double[] upper = k + 1 < bins ? sel.map(r, k + 1) : null;
                double[] rec = new double[npix * RECORD];
                for (int p = 0; p < npix; p++) {
                    double[] n = ylm.unitVector(p);
                    System.arraycopy(n, 0, rec, p * RECORD, 3);
                    rec[p * RECORD + 3] = lower[p];
                    rec[p * RECORD + 4] = upper == null ? 0.0 : upper[p];
                }
                records[r * bins + k] = rec;
            }
        }
        int n = data.size();
        this.lowerMap = new int[n];
        this.lowerOdds = new long[n];
        this.upperWeight = new double[n];
        this.binOffset = new int[n];
        this.ruleOf = new int[n];
        for (int i = 0; i < n; i++) {
            ExposureCube.InterpolationPoint at = cube.interpolation(data.energyGev(i));
            int m = data.eventClass(i).ordinal() * bins + at.bin();
            lowerMap[i] = m;
            upperWeight[i] = at.upperWeight();
            binOffset[i] = at.bin();
            ruleOf[i] = sel.rule(data.energyGev(i));
            double lo = (1 - at.upperWeight()) * sums[m];
            double hi = at.upperWeight() == 0.0 ? 0.0 : at.upperWeight() * sums[m + 1];
            double pLower = lo / (lo + hi);
            lowerOdds[i] = pLower >= 1.0 ? -1L : (long) Math.floor(pLower * 0x1p53);
        }
    }

    public ScanPlan plan() {
        return plan;
    }

    /**
     * The running a_lm of sample {@code sample} at every cut of the plan:
     * result[2 * j] = corrected accumulator at cut j (weights 1/A_i, not yet scaled by Abar),
     * result[2 * j + 1] = raw accumulator; each of {@link LowMultipoles#STRIDE} doubles.
     */
    public double[][] run(long seed, long sample) {
        return run(seed, sample, null);
    }

    /** As {@link #run(long, long)}, also recording each event's drawn pixel when pixels != null. */
    public double[][] run(long seed, long sample, int[] pixels) {
        UniformRandomProvider rng = RandomStreams.stream(seed, sample);
        double[][] out = new double[2 * cuts.length][];
        double[] corrected = new double[LowMultipoles.STRIDE];
        double[] raw = new double[LowMultipoles.STRIDE];
        int[] drawn = new int[BLOCK];
        double[] buffer = new double[4 * BLOCK];
        int from = 0;
        for (int j = 0; j < cuts.length; j++) {
            int to = cuts[j];
            for (int b = from; b < to; b += BLOCK) {
                int end = Math.min(to, b + BLOCK);
                draw(rng, b, end, drawn);
                if (pixels != null) {
                    System.arraycopy(drawn, 0, pixels, b, end - b);
                }
                accumulate(b, end, drawn, buffer, corrected, raw);
            }
            out[2 * j] = corrected.clone();
            out[2 * j + 1] = raw.clone();
            from = to;
        }
        return out;
    }

    /** Draws the pixels of events [from, to) into drawn[0 ..]. */
    private void draw(UniformRandomProvider rng, int from, int to, int[] drawn) {
        for (int i = from; i < to; i++) {
            int m = lowerMap[i];
            long odds = lowerOdds[i];
            if (odds >= 0 && (rng.nextLong() >>> 11) >= odds) {
                m++;
            }
            drawn[i - from] = tables[m].sample(rng.nextLong());
        }
    }

    /**
     * Adds events [from, to), whose pixels are drawn[0 ..], to the running accumulators: first gathers
     * each event's unit vector and weight 1/A_sel from the pixel records (a short loop, so the CPU keeps
     * many of these cache misses in flight), then adds the a_lm terms from the gathered values.
     */
    private void accumulate(int from, int to, int[] drawn, double[] buffer, double[] corrected, double[] raw) {
        for (int i = from; i < to; i++) {
            double[] rec = records[ruleOf[i] * bins + binOffset[i]];
            int at = drawn[i - from] * RECORD;
            double w = upperWeight[i];
            double a = w == 0.0 ? rec[at + 3] : (1 - w) * rec[at + 3] + w * rec[at + 4];
            int b = 4 * (i - from);
            buffer[b] = rec[at];
            buffer[b + 1] = rec[at + 1];
            buffer[b + 2] = rec[at + 2];
            buffer[b + 3] = 1.0 / a;
        }
        ylm.addBlock(corrected, raw, buffer, to - from);
    }
}
