package org.cranisotropy.montecarlo;

import org.apache.commons.rng.UniformRandomProvider;
import org.cranisotropy.analysis.LowMultipoles;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.analysis.SelectionExposure;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.harmonics.RingPixelVectors;
import org.cranisotropy.random.RandomStreams;

/**
 * Isotropic skies equivalent to the data (method.md section 5), analysed exactly like the data: each
 * event gets a direction drawn with probability proportional to the exposure and is weighted and
 * accumulated as in {@link org.cranisotropy.analysis.EnergyScan} (1/A_sel(E_i, pixel) for the corrected
 * map, 1 for the raw one), through the same {@link LowMultipoles} arithmetic. Where the energies come
 * from and whether the counts fluctuate is set by {@link MonteCarloOptions}:
 * <ul>
 * <li>DATA: the data's selected events keep their energies and classes; a direction is drawn from the
 *     event's class exposure A(E_i, class_i, .).</li>
 * <li>SPECTRUM: N energies drawn from the {@link ObservedSpectrum} (sorted from high to low by
 *     exponential spacings, so no sort is needed); a direction from the selection's summed exposure
 *     A_sel(E, .), which is what drawing the class in proportion to its sky-integrated exposure and
 *     then a pixel from that class's map amounts to.</li>
 * <li>Poisson (ICRC 2019): DATA repeats each event Poisson(1) times, SPECTRUM draws Poisson(N) events.</li>
 * </ul>
 *
 * <p>The log-E interpolated exposure (1-w) M_k + w M_k+1 is a mixture of two maps, so a pixel is
 * drawn exactly by picking map k or k+1 with odds (1-w) S_k : w S_k+1 (S = map sum) and then a
 * pixel from that map's {@link PackedAliasTable}. Sample s uses random stream (seed, s) only: first
 * the energies or multiplicities (when not fixed), then per event one 64-bit number for the map choice
 * (only when the event lies between two bin centres) and one for the pixel, in event order.
 *
 * <p>Speed: the pixels are random, so the cost is memory latency, and what decides it is how much of
 * the tables an event touches stays in the core's own L2 cache (two cores sharing the L3 scale well
 * only then). Events are processed in blocks: first every pixel of the block is drawn (a short loop
 * whose table loads overlap; 4-byte alias columns indexed by the pixel's ring code, so the draw gives
 * ring and position in the ring without a per-pixel lookup, {@link RingPixelVectors}), then each
 * event's weight (one 16-byte exposure pair) and unit vector (per-ring tables) are gathered, then the a_lm
 * terms are summed with the running sums in registers ({@link LowMultipoles#addBlock}). SPECTRUM
 * events are made a block at a time too, so no per-sample event table streams through the caches.
 * Events below the lowest snapshot are never drawn. Tables are built once and shared by the threads
 * of an executor; per-thread scratch space lives in thread-local buffers.
 */
public final class IsotropicSampler {
    private static final int BLOCK = 256;

    private final PreparedSample data;
    private final LowMultipoles ylm;
    private final ScanPlan plan;
    private final MonteCarloOptions options;
    private final int[] dataCounts;
    private final double[] lnSnapshot;
    private final int bins;
    private final int classMaps;
    /**
     * Alias tables over ring codes: class maps [class * bins + k], then selection maps
     * [classMaps + rule * bins + k].
     */
    private final PackedAliasTable[] tables;
    private final double[] tableSums;
    /**
     * Per selection rule r and exposure bin k ([r * bins + k]), per pixel p: A_sel(bin k) and
     * A_sel(bin k+1) (0 past the last bin) at 2p, 2p + 1 — the one cache line an event's weight needs.
     */
    private final double[][] exposurePairs;
    /** Pixel unit vectors from per-ring tables: the analysis' own ({@link LowMultipoles#vectors}). */
    private final RingPixelVectors vectors;
    /** [rule][bin] sky mean of A_sel; ln of the bin centres; ln of the rule edges. */
    private final double[][] selMeans;
    private final double[] lnCentre;
    private final double[] ruleMin;
    private final double[] ruleMax;
    /** The data's events as the DATA mode uses them. */
    private final EventTable dataEvents;
    /** The energy distribution of SPECTRUM samples (null for DATA). */
    private final ObservedSpectrum observed;
    private final ThreadLocal<EventTable> buffers = ThreadLocal.withInitial(EventTable::new);
    private final ThreadLocal<double[]> spacings = new ThreadLocal<>();

    /** Per event: map index, P(lower map) as a 53-bit threshold (-1: certain), upper weight, bin, rule, Abar. */
    private static final class EventTable {
        int[] map = new int[0];
        long[] odds = new long[0];
        double[] upperWeight = new double[0];
        int[] bin = new int[0];
        int[] rule = new int[0];
        double[] meanExposure = new double[0];

        void ensure(int n) {
            if (map.length < n) {
                int c = Math.max(n, map.length + map.length / 2);
                map = java.util.Arrays.copyOf(map, c);
                odds = java.util.Arrays.copyOf(odds, c);
                upperWeight = java.util.Arrays.copyOf(upperWeight, c);
                bin = java.util.Arrays.copyOf(bin, c);
                rule = java.util.Arrays.copyOf(rule, c);
                meanExposure = java.util.Arrays.copyOf(meanExposure, c);
            }
        }

        void copy(int to, EventTable from, int i) {
            map[to] = from.map[i];
            odds[to] = from.odds[i];
            upperWeight[to] = from.upperWeight[i];
            bin[to] = from.bin[i];
            rule[to] = from.rule[i];
            meanExposure[to] = from.meanExposure[i];
        }
    }

    /** The DATA-energy sampler with exactly N events. */
    public IsotropicSampler(PreparedSample data, LowMultipoles ylm, ScanPlan plan) {
        this(data, ylm, plan, MonteCarloOptions.dataEnergies());
    }

    public IsotropicSampler(PreparedSample data, LowMultipoles ylm, ScanPlan plan, MonteCarloOptions options) {
        this.data = data;
        this.ylm = ylm;
        this.plan = plan;
        this.options = options;
        this.dataCounts = plan.dataCounts();
        double[] snap = plan.snapshotEnergies();
        this.lnSnapshot = new double[snap.length];
        for (int j = 0; j < snap.length; j++) {
            lnSnapshot[j] = Math.log(snap[j]);
        }
        this.vectors = ylm.vectors();
        ExposureCube cube = data.exposure();
        SelectionExposure sel = data.selectionExposure();
        this.bins = cube.binning().size();
        int npix = cube.npix();
        this.classMaps = EventClass.values().length * bins;
        this.tables = new PackedAliasTable[classMaps + sel.rules() * bins];
        this.tableSums = new double[tables.length];
        boolean spectrum = options.energies() == MonteCarloOptions.Energies.SPECTRUM;
        for (EventClass c : spectrum ? java.util.Set.<EventClass>of() : cube.classes()) {
            for (int k = 0; k < bins; k++) {
                table(c.ordinal() * bins + k, cube.map(k, c));
            }
        }
        this.selMeans = new double[sel.rules()][bins];
        for (int r = 0; r < sel.rules(); r++) {
            for (int k = 0; k < bins; k++) {
                double[] m = sel.map(r, k);
                if (spectrum) {
                    table(classMaps + r * bins + k, m);
                }
                double total = 0;
                for (double v : m) {
                    total += v;
                }
                selMeans[r][k] = total / m.length;
            }
        }
        this.lnCentre = new double[bins];
        for (int k = 0; k < bins; k++) {
            lnCentre[k] = Math.log(cube.binning().centre(k));
        }
        var rules = sel.selection().rules();
        this.ruleMin = new double[rules.size()];
        this.ruleMax = new double[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            ruleMin[r] = Math.log(rules.get(r).eminGev());
            ruleMax[r] = Math.log(rules.get(r).emaxGev());
        }
        this.observed = options.energies() == MonteCarloOptions.Energies.SPECTRUM
                ? ObservedSpectrum.of(options.spectrum(), sel) : null;
        this.exposurePairs = new double[sel.rules() * bins][];
        for (int r = 0; r < sel.rules(); r++) {
            for (int k = 0; k < bins; k++) {
                double[] lower = sel.map(r, k);
                double[] upper = k + 1 < bins ? sel.map(r, k + 1) : null;
                double[] pair = new double[2 * npix];
                for (int p = 0; p < npix; p++) {
                    pair[2 * p] = lower[p];
                    pair[2 * p + 1] = upper == null ? 0.0 : upper[p];
                }
                exposurePairs[r * bins + k] = pair;
            }
        }
        int n = spectrum ? 0 : data.size(); // SPECTRUM samples do not use the data's events
        this.dataEvents = new EventTable();
        dataEvents.ensure(n);
        for (int i = 0; i < n; i++) {
            ExposureCube.InterpolationPoint at = cube.interpolation(data.energyGev(i));
            int m = data.eventClass(i).ordinal() * bins + at.bin();
            dataEvents.map[i] = m;
            dataEvents.upperWeight[i] = at.upperWeight();
            dataEvents.bin[i] = at.bin();
            dataEvents.rule[i] = sel.rule(data.energyGev(i));
            dataEvents.odds[i] = odds(at.upperWeight(), m);
            dataEvents.meanExposure[i] = data.meanExposure(i);
        }
    }

    private void table(int m, double[] map) {
        double sum = 0;
        for (double v : map) {
            sum += v;
        }
        tableSums[m] = sum;
        if (sum > 0) {
            tables[m] = PackedAliasTable.of(vectors.byCode(map)); // draws ring codes
        }
    }

    /** P(map m rather than m + 1) as a 53-bit threshold, -1 when map m is certain. */
    private long odds(double w, int m) {
        double lo = (1 - w) * tableSums[m];
        double hi = w == 0.0 ? 0.0 : w * tableSums[m + 1];
        double pLower = lo / (lo + hi);
        return pLower >= 1.0 ? -1L : (long) Math.floor(pLower * 0x1p53);
    }

    public MonteCarloOptions options() {
        return options;
    }

    public ScanPlan plan() {
        return plan;
    }

    /** The running sums of sample {@code sample} at every snapshot of the plan. */
    public SampleScan run(long seed, long sample) {
        return run(seed, sample, null);
    }

    /**
     * As {@link #run(long, long)}, also recording each event's drawn pixel when pixels != null (DATA
     * energies with fixed N only: pixels[i] for data event i, for events down to the lowest snapshot).
     */
    public SampleScan run(long seed, long sample, int[] pixels) {
        boolean spectrum = options.energies() == MonteCarloOptions.Energies.SPECTRUM;
        if (pixels != null && (spectrum || options.poisson())) {
            throw new IllegalArgumentException("pixels are recorded for the data's own events only");
        }
        UniformRandomProvider rng = RandomStreams.stream(seed, sample);
        if (spectrum) {
            return spectrumScan(rng);
        }
        EventTable ev;
        long[] counts = new long[dataCounts.length];
        if (options.poisson()) {
            ev = repeatedDataEvents(rng, counts);
        } else {
            ev = dataEvents;
            for (int j = 0; j < counts.length; j++) {
                counts[j] = dataCounts[j];
            }
        }
        int snaps = counts.length;
        double[][] out = new double[2 * snaps][];
        double[] sums = new double[snaps];
        Accumulator acc = new Accumulator();
        int from = 0;
        for (int j = 0; j < snaps; j++) {
            int to = (int) counts[j];
            for (int b = from; b < to; b += BLOCK) {
                int end = Math.min(to, b + BLOCK);
                acc.add(ev, rng, b, end);
                if (pixels != null) {
                    for (int i = b; i < end; i++) {
                        pixels[i] = vectors.pixel(acc.drawn[i - b]);
                    }
                }
            }
            acc.snapshot(out, sums, j);
            from = Math.max(from, to);
        }
        return new SampleScan(out, counts, sums);
    }

    /** The running sums of one sample and the scratch space of one block of events. */
    private final class Accumulator {
        final double[] corrected = new double[LowMultipoles.STRIDE];
        final double[] raw = new double[LowMultipoles.STRIDE];
        final int[] drawn = new int[BLOCK];
        final double[] buffer = new double[4 * BLOCK];
        double meanSum;

        /** Draws and adds events [from, to) of ev (at most BLOCK). */
        void add(EventTable ev, UniformRandomProvider rng, int from, int to) {
            draw(ev, rng, from, to, drawn);
            accumulate(ev, from, to, drawn, buffer, corrected, raw);
            for (int i = from; i < to; i++) {
                meanSum += ev.meanExposure[i];
            }
        }

        void snapshot(double[][] out, double[] sums, int j) {
            out[2 * j] = corrected.clone();
            out[2 * j + 1] = raw.clone();
            sums[j] = meanSum;
        }
    }

    /** DATA, Poisson: data event i appears Poisson(1) times (only events down to the lowest snapshot). */
    private EventTable repeatedDataEvents(UniformRandomProvider rng, long[] counts) {
        EventTable ev = buffers.get();
        int last = dataCounts.length == 0 ? 0 : dataCounts[dataCounts.length - 1];
        ev.ensure(2 * last + 16);
        var poisson = org.apache.commons.rng.sampling.distribution.PoissonSampler.of(rng, 1.0);
        int n = 0;
        int j = 0;
        for (int i = 0; i <= last; i++) {
            while (j < dataCounts.length && dataCounts[j] == i) {
                counts[j++] = n;
            }
            if (i == last) {
                break;
            }
            int k = poisson.sample();
            ev.ensure(n + k);
            for (int c = 0; c < k; c++) {
                ev.copy(n++, dataEvents, i);
            }
        }
        return ev;
    }

    /**
     * SPECTRUM: N (or Poisson(N)) energies from the observed spectrum, from high to low: the tail
     * probabilities of N sorted uniforms are the normalised partial sums of N + 1 exponential spacings.
     * Events are made, drawn and added a block at a time (a block never spans a snapshot), so a
     * sample's per-event tables stay in the fastest caches instead of streaming megabytes per sample.
     */
    private SampleScan spectrumScan(UniformRandomProvider rng) {
        int n = options.poisson()
                ? org.apache.commons.rng.sampling.distribution.PoissonSampler.of(rng, data.size()).sample()
                : data.size();
        double[] e = spacings.get();
        if (e == null || e.length < n + 1) {
            e = new double[n + 1 + n / 8];
            spacings.set(e);
        }
        var exponential = org.apache.commons.rng.sampling.distribution.ZigguratSampler.Exponential.of(rng);
        double total = 0;
        for (int i = 0; i <= n; i++) {
            e[i] = exponential.sample();
            total += e[i];
        }
        int snaps = lnSnapshot.length;
        long[] counts = new long[snaps];
        double[][] out = new double[2 * snaps][];
        double[] sums = new double[snaps];
        EventTable block = buffers.get();
        block.ensure(BLOCK);
        Accumulator acc = new Accumulator();
        ObservedSpectrum.Cursor cursor = observed.cursor();
        double partial = 0;
        double scale = 1.0 / total;
        int j = 0;
        int k = bins - 1;
        int r = 0;
        int i = 0;
        while (j < snaps) {
            int size = 0;
            boolean crossed = false;
            while (size < BLOCK && i < n) {
                double next = partial + e[i];
                double x = cursor.lnEnergy(next * scale);
                if (x < lnSnapshot[j]) {
                    crossed = true; // event i lies below snapshot j
                    break;
                }
                partial = next;
                if (r >= ruleMin.length || !(x >= ruleMin[r] && x < ruleMax[r])) {
                    r = rule(x); // energies decrease: the rule changes a few times a sample at most
                }
                // the log-E interpolation of ExposureCube.interpolation, from ln E directly
                while (k > 0 && x <= lnCentre[k]) {
                    k--;
                }
                int bin;
                double w;
                if (bins == 1 || x <= lnCentre[0]) {
                    bin = 0;
                    w = 0.0;
                } else if (x >= lnCentre[bins - 1]) {
                    bin = bins - 1;
                    w = 0.0;
                } else {
                    bin = k;
                    w = (x - lnCentre[k]) / (lnCentre[k + 1] - lnCentre[k]);
                }
                int m = classMaps + r * bins + bin;
                block.map[size] = m;
                block.upperWeight[size] = w;
                block.bin[size] = bin;
                block.rule[size] = r;
                block.odds[size] = odds(w, m);
                double[] means = selMeans[r];
                block.meanExposure[size] = w == 0.0 ? means[bin] : (1 - w) * means[bin] + w * means[bin + 1];
                size++;
                i++;
            }
            if (size > 0) {
                acc.add(block, rng, 0, size);
            }
            if (crossed || i == n) {
                counts[j] = i;
                acc.snapshot(out, sums, j);
                j++;
            }
        }
        return new SampleScan(out, counts, sums);
    }

    /** The selection rule of ln E = x (its [emin, emax) compared in ln E). */
    private int rule(double x) {
        for (int r = 0; r < ruleMin.length; r++) {
            if (x >= ruleMin[r] && x < ruleMax[r]) {
                return r;
            }
        }
        throw new IllegalArgumentException("no class-selection rule covers " + Math.exp(x) + " GeV");
    }

    /** Draws the pixels of events [from, to) into drawn[0 ..], as ring codes. */
    private void draw(EventTable ev, UniformRandomProvider rng, int from, int to, int[] drawn) {
        int[] map = ev.map;
        long[] lowerOdds = ev.odds;
        for (int i = from; i < to; i++) {
            int m = map[i];
            long odds = lowerOdds[i];
            if (odds >= 0 && (rng.nextLong() >>> 11) >= odds) {
                m++;
            }
            drawn[i - from] = tables[m].sample(rng.nextLong());
        }
    }

    /**
     * Adds events [from, to), whose pixels' ring codes are drawn[0 ..], to the running accumulators: first gathers
     * each event's unit vector and weight 1/A_sel (a short loop, so the CPU keeps
     * many of these cache misses in flight), then adds the a_lm terms from the gathered values.
     */
    private void accumulate(EventTable ev, int from, int to, int[] drawn, double[] buffer, double[] corrected,
            double[] raw) {
        int[] ruleOf = ev.rule;
        int[] binOffset = ev.bin;
        double[] upperWeight = ev.upperWeight;
        for (int i = from; i < to; i++) {
            double[] pair = exposurePairs[ruleOf[i] * bins + binOffset[i]];
            int code = drawn[i - from];
            int p = vectors.pixel(code);
            double w = upperWeight[i];
            double a = w == 0.0 ? pair[2 * p] : (1 - w) * pair[2 * p] + w * pair[2 * p + 1];
            int b = 4 * (i - from);
            vectors.unitVectorOfCode(code, buffer, b);
            buffer[b + 3] = 1.0 / a;
        }
        ylm.addBlock(corrected, raw, buffer, to - from);
    }
}
