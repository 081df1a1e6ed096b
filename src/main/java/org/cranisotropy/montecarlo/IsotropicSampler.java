package org.cranisotropy.montecarlo;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
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
 * raw one).
 *
 * <p>The log-E interpolated exposure (1-w) M_k + w M_k+1 is a mixture of two maps, so a pixel is
 * drawn exactly by picking map k or k+1 with odds (1-w) S_k : w S_k+1 (S = map sum) and then a
 * pixel from that map's alias table (Commons RNG, O(1) per draw). Sample s uses random stream
 * (seed, s) only. Tables are built once and shared; {@link #run} allocates only its outputs.
 */
public final class IsotropicSampler {
    private final PreparedSample data;
    private final LowMultipoles ylm;
    private final ScanPlan plan;
    private final int[] cuts;
    /** Per event: index of map k (class-major: class * bins + k), probability of taking map k. */
    private final int[] lowerMap;
    private final double[] pLower;
    private final double[] upperWeight;
    private final SharedStateDiscreteSampler[] tables;
    /** Selection exposure per rule, pixel-major: [rule][pixel * bins + bin] (A_k, A_k+1 share a cache line). */
    private final double[][] exposureByPixel;
    /** Per event: its lower bin and its selection rule. */
    private final int[] binOffset;
    private final int[] ruleOf;
    private final int bins;

    public IsotropicSampler(PreparedSample data, LowMultipoles ylm, ScanPlan plan) {
        this.data = data;
        this.ylm = ylm;
        this.plan = plan;
        this.cuts = plan.cuts();
        ExposureCube cube = data.exposure();
        this.bins = cube.binning().size();
        int nmaps = EventClass.values().length * bins;
        double[][] maps = new double[nmaps][];
        this.tables = new SharedStateDiscreteSampler[nmaps];
        double[] sums = new double[nmaps];
        UniformRandomProvider placeholder = RandomStreams.stream(0, 0);
        for (EventClass c : cube.classes()) {
            for (int k = 0; k < bins; k++) {
                int m = c.ordinal() * bins + k;
                maps[m] = cube.map(k, c);
                sums[m] = Arrays.stream(maps[m]).sum();
                if (sums[m] > 0) {
                    tables[m] = AliasMethodDiscreteSampler.of(placeholder, maps[m]);
                }
            }
        }
        SelectionExposure sel = data.selectionExposure();
        this.exposureByPixel = new double[sel.rules()][];
        for (int r = 0; r < sel.rules(); r++) {
            double[] interleaved = new double[cube.npix() * bins];
            for (int k = 0; k < bins; k++) {
                double[] m = sel.map(r, k);
                for (int p = 0; p < cube.npix(); p++) {
                    interleaved[p * bins + k] = m[p];
                }
            }
            exposureByPixel[r] = interleaved;
        }
        int n = data.size();
        this.lowerMap = new int[n];
        this.pLower = new double[n];
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
            pLower[i] = lo / (lo + hi);
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
        SharedStateDiscreteSampler[] local = new SharedStateDiscreteSampler[tables.length];
        for (int m = 0; m < tables.length; m++) {
            if (tables[m] != null) {
                local[m] = tables[m].withUniformRandomProvider(rng);
            }
        }
        double[][] out = new double[2 * cuts.length][];
        double[] corrected = new double[LowMultipoles.STRIDE];
        double[] raw = new double[LowMultipoles.STRIDE];
        int next = 0;
        int n = data.size();
        for (int i = 0; i <= n; i++) {
            while (next < cuts.length && cuts[next] == i) {
                out[2 * next] = corrected.clone();
                out[2 * next + 1] = raw.clone();
                next++;
            }
            if (i == n) {
                break;
            }
            int m = lowerMap[i];
            int chosen = pLower[i] >= 1.0 || rng.nextDouble() < pLower[i] ? m : m + 1;
            int p = local[chosen].sample();
            if (pixels != null) {
                pixels[i] = p;
            }
            double w = upperWeight[i];
            double[] e = exposureByPixel[ruleOf[i]];
            int at = p * bins + binOffset[i];
            double a = w == 0.0 ? e[at] : (1 - w) * e[at] + w * e[at + 1];
            ylm.addWeightedAndRaw(corrected, raw, p, 1.0 / a);
        }
        return out;
    }
}
