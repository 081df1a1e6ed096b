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
 * <li>SHUFFLE: the data's class-selected events keep energies, classes and instrument-frame directions;
 *     their times are permuted and the directions recomputed through the orbit ({@link TimeShuffle}).</li>
 * <li>Poisson (ICRC 2019): DATA repeats each event Poisson(1) times, SPECTRUM draws Poisson(N) events.</li>
 * </ul>
 *
 * <p>The log-E interpolated exposure (1-w) M_k + w M_k+1 is a mixture of two maps, so a pixel is
 * drawn exactly by picking map k or k+1 with odds (1-w) S_k : w S_k+1 (S = map sum) and then a
 * pixel from that map's {@link PackedAliasTable}. Sample s uses random stream (seed, s) only. DATA:
 * the events are drawn class by class, inside a class snapshot segment by snapshot segment, inside a
 * segment grouped by selection rule, exposure bin and interpolation case (a fixed order made once, see
 * {@link DataDrawOrder}; each class has running sums of its own, added into the snapshots' sums, which
 * depend on the order only through rounding): per event its multiplicity (Poisson only; a group's
 * multiplicities are drawn before its pixels), one 64-bit number for the map choice (only when map k+1
 * has a positive share, i.e. the event lies between two bin centres) and one for the pixel. SPECTRUM:
 * the energies' exponential spacings from the stream's start; N (Poisson) and then the map choices and
 * pixels, as for DATA, from the stream after a jump of 2^64 numbers.
 *
 * <p>Speed: events are processed in blocks of at most
 * 256 that share their selection rule and exposure bin (DATA: also their class), so a block's weights come
 * from one exposure table and its pixels from one or two alias tables. A block is made in passes over
 * short arrays, each a simple loop whose table loads the CPU can overlap: the energies (SPECTRUM: the
 * spectrum's quantile at the running sum of exponential spacings; a block ends where the rule, the bin
 * or a snapshot changes, found by one comparison per event), the
 * map choices and the pixels (alias tables indexed by ring code, so a pixel's ring and position in the
 * ring come from the code's bits, {@link RingPixelVectors}), the pixels' rings and cos/sin(phi), the
 * weights 1/A_sel (one 16-byte exposure pair per event), and last the a_lm sums with the running sums
 * in registers ({@link LowMultipoles#addBlock}). Events below the lowest snapshot are never drawn.
 * Tables are built once and shared by the threads of an executor; per-thread scratch space lives in
 * thread-local buffers.
 */
public final class IsotropicSampler {
    private static final int BLOCK = 256;

    private final PreparedSample data;
    private final LowMultipoles ylm;
    private final ScanPlan plan;
    private final MonteCarloOptions options;
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
    /** DATA: the order the data's events are drawn in, and its groups (empty for SPECTRUM). */
    private final DataDrawOrder order;
    /** SHUFFLE: the data's events with their times permuted (null for DATA and SPECTRUM). */
    private final TimeShuffle shuffle;
    /** The energy distribution of SPECTRUM samples (null for DATA). */
    private final ObservedSpectrum observed;
    /** DATA, Poisson: per-thread space for a group's repeated events. */
    private final ThreadLocal<double[]> repeated = ThreadLocal.withInitial(() -> new double[BLOCK]);

    /** The DATA-energy sampler with exactly N events. */
    public IsotropicSampler(PreparedSample data, LowMultipoles ylm, ScanPlan plan) {
        this(data, ylm, plan, MonteCarloOptions.dataEnergies());
    }

    /** DATA or SPECTRUM samples ({@link MonteCarloOptions}); SHUFFLE needs the events' times, see below. */
    public IsotropicSampler(PreparedSample data, LowMultipoles ylm, ScanPlan plan, MonteCarloOptions options) {
        this(data, ylm, plan, options, null);
    }

    /**
     * Samples of any mode; {@code shuffle} makes the SHUFFLE samples ({@link TimeShuffle}, built on the same
     * ylm and plan from the data's events with their instrument frame) and is null for the other modes.
     */
    public IsotropicSampler(PreparedSample data, LowMultipoles ylm, ScanPlan plan, MonteCarloOptions options,
            TimeShuffle shuffle) {
        if ((options.energies() == MonteCarloOptions.Energies.SHUFFLE) != (shuffle != null)) {
            throw new IllegalArgumentException("shuffled times need the events' time shuffle, and only they do");
        }
        this.shuffle = shuffle;
        this.data = data;
        this.ylm = ylm;
        this.plan = plan;
        this.options = options;
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
        boolean dataDraws = options.energies() == MonteCarloOptions.Energies.DATA;
        for (EventClass c : dataDraws ? cube.classes() : java.util.Set.<EventClass>of()) {
            for (int k = 0; k < bins; k++) {
                table(c.ordinal() * bins + k, sel.masked(cube.map(k, c))); // the floor's sky only
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
        this.order = new DataDrawOrder(data, dataDraws ? plan.dataCounts() : new int[0], bins);
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
        return scan(seed, sample, pixels, null);
    }

    /**
     * Sample {@code sample} of a sky with an injected dipole instead of an isotropic one: the same
     * draws, each pixel kept with probability {@code acceptance[code]} and drawn again otherwise
     * ({@link InjectedDipole#acceptanceByCode}, made once per dipole by the caller). Random stream
     * (seed, sample) as for isotropic samples; the caller picks a seed of its own.
     */
    public SampleScan runInjected(long seed, long sample, double[] acceptance) {
        if (acceptance == null || acceptance.length != vectors.codes()) {
            throw new IllegalArgumentException("an acceptance per ring code (" + vectors.codes() + ") is required");
        }
        return scan(seed, sample, null, acceptance);
    }

    private SampleScan scan(long seed, long sample, int[] pixels, double[] acceptance) {
        if (shuffle != null) {
            if (pixels != null || acceptance != null) {
                throw new IllegalArgumentException("samples with shuffled times have neither drawn pixels nor "
                        + "injected dipoles (skies with a dipole are drawn from the exposure: DATA or SPECTRUM)");
            }
            return shuffle.scan(seed, sample);
        }
        boolean spectrum = options.energies() == MonteCarloOptions.Energies.SPECTRUM;
        if (pixels != null && (spectrum || options.poisson())) {
            throw new IllegalArgumentException("pixels are recorded for the data's own events only");
        }
        if (spectrum) {
            return spectrumScan(seed, sample, acceptance);
        }
        UniformRandomProvider rng = RandomStreams.stream(seed, sample);
        var poisson = options.poisson()
                ? org.apache.commons.rng.sampling.distribution.PoissonSampler.of(rng, 1.0) : null;
        int snaps = lnSnapshot.length;
        long[] counts = new long[snaps];
        double[][] out = new double[2 * snaps][];
        for (int q = 0; q < out.length; q++) {
            out[q] = new double[LowMultipoles.STRIDE];
        }
        double[] sums = new double[snaps];
        int classes = EventClass.values().length;
        // class by class, each with running sums of its own that are added to the snapshots' sums
        for (int c = 0, g = 0; c < classes && snaps > 0; c++) {
            if (order.classEnd(c, snaps - 1) == g) {
                continue; // no events of this class
            }
            Accumulator acc = new Accumulator();
            long total = 0;
            for (int j = 0; j < snaps; j++) {
                for (; g < order.classEnd(c, j); g++) {
                    total += drawGroup(g, rng, poisson, acc, pixels, acceptance);
                }
                counts[j] += total;
                sums[j] += acc.meanSum;
                double[] corrected = out[2 * j];
                double[] raw = out[2 * j + 1];
                for (int q = 0; q < corrected.length; q++) {
                    corrected[q] += acc.corrected[q];
                    raw[q] += acc.raw[q];
                }
            }
        }
        if (poisson == null) {
            System.arraycopy(order.meanSums(), 0, sums, 0, snaps);
        }
        return new SampleScan(out, counts, sums);
    }

    /**
     * DATA: draws and adds the events of group g (each Poisson(1) times when poisson != null), recording
     * each data event's pixel in pixels when given; returns the number of events added.
     */
    private int drawGroup(int g, UniformRandomProvider rng,
            org.apache.commons.rng.sampling.distribution.DiscreteSampler poisson, Accumulator acc, int[] pixels,
            double[] acceptance) {
        int from = order.start(g);
        int to = order.start(g + 1);
        double[] w = order.weights();
        double[] mean = order.meanExposures();
        if (poisson != null) { // each event of the group Poisson(1) times, in draw order
            double[] buffer = repeated.get();
            int n = 0;
            double meanSum = acc.meanSum;
            for (int k = from; k < to; k++) {
                for (int c = poisson.sample(); c > 0; c--) {
                    if (n == buffer.length) {
                        buffer = java.util.Arrays.copyOf(buffer, 2 * n);
                        repeated.set(buffer);
                    }
                    buffer[n++] = w[k];
                    meanSum += mean[k];
                }
            }
            acc.meanSum = meanSum;
            w = buffer;
            from = 0;
            to = n;
        }
        for (int b = from; b < to; b += BLOCK) {
            int size = Math.min(BLOCK, to - b);
            drawMixture(rng, w, b, size, order.map(g), order.interior(g), acc.codes, acceptance);
            acc.addDrawn(size, w, b, order.rule(g), order.bin(g));
            if (pixels != null) {
                for (int q = 0; q < size; q++) {
                    pixels[order.event(b + q)] = acc.pixels[q];
                }
            }
        }
        return to - from;
    }

    /** The running sums of one sample and the scratch space of one block of events. */
    private final class Accumulator {
        final double[] corrected = new double[LowMultipoles.STRIDE];
        final double[] raw = new double[LowMultipoles.STRIDE];
        final int[] codes = new int[BLOCK];
        final int[] pixels = new int[BLOCK];
        final int[] rings = new int[BLOCK];
        final double[] cosPhi = new double[BLOCK];
        final double[] sinPhi = new double[BLOCK];
        final double[] lowerExposure = new double[BLOCK];
        final double[] upperExposure = new double[BLOCK];
        final double[] weights = new double[BLOCK];
        final double[] upperWeight = new double[BLOCK]; // SPECTRUM: the block's interpolation weights
        double meanSum;

        /**
         * Adds n drawn events (ring codes in codes[0 ..]) of selection rule {@code rule} and exposure bin
         * {@code bin}, event q with interpolation weight w[from + q]: weight 1/A_sel(E, p) with A_sel the
         * log-E interpolation (1-w) A_k(p) + w A_k+1(p) of ExposureCube, and the a_lm terms.
         */
        void addDrawn(int n, double[] w, int from, int rule, int bin) {
            vectors.decode(codes, n, pixels, rings, cosPhi, sinPhi);
            double[] pair = exposurePairs[rule * bins + bin];
            for (int q = 0; q < n; q++) { // the random loads first, in a loop of nothing else
                int p = pixels[q];
                lowerExposure[q] = pair[2 * p];
                upperExposure[q] = pair[2 * p + 1];
            }
            for (int q = 0; q < n; q++) {
                double u = w[from + q];
                weights[q] = 1.0 / ((1 - u) * lowerExposure[q] + u * upperExposure[q]);
            }
            ylm.addBlock(corrected, raw, rings, cosPhi, sinPhi, weights, n);
        }

        void snapshot(double[][] out, double[] sums, int j) {
            out[2 * j] = corrected.clone();
            out[2 * j + 1] = raw.clone();
            sums[j] = meanSum;
        }
    }

    /**
     * SPECTRUM: N (or Poisson(N)) energies from the observed spectrum, from high to low: the tail
     * probabilities of N sorted uniforms are the normalised partial sums of N + 1 exponential spacings.
     * The spacings come from the start of stream (seed, sample) a chunk at a time, their total known in
     * advance ({@link ExponentialSpacings}: no 2.4 MB buffer per sample at 3e5 events); N and the pixels
     * come from the same stream after a jump of 2^64 numbers ({@link RandomStreams#jumped}).
     * Events are made, drawn and added a block at a time. A block never spans a snapshot, a change
     * of selection rule or of exposure bin: while ln E stays above {@code exit} (the highest of the next
     * snapshot, the rule's lower edge and the bin's lower centre) an event only needs its interpolation
     * weight; at or below it, the event is placed exactly as {@link ExposureCube#interpolation} does.
     */
    private SampleScan spectrumScan(long seed, long sample, double[] acceptance) {
        UniformRandomProvider rng = RandomStreams.jumped(seed, sample);
        int n = options.poisson()
                ? org.apache.commons.rng.sampling.distribution.PoissonSampler.of(rng, data.size()).sample()
                : data.size();
        ExponentialSpacings spacings = new ExponentialSpacings(RandomStreams.stream(seed, sample), n + 1L);
        double total = spacings.total();
        double spacing = spacings.next();
        int snaps = lnSnapshot.length;
        long[] counts = new long[snaps];
        double[][] out = new double[2 * snaps][];
        double[] sums = new double[snaps];
        Accumulator acc = new Accumulator();
        double[] weight = acc.upperWeight;
        ObservedSpectrum.Cursor cursor = observed.cursor();
        double partial = 0;
        double scale = 1.0 / total;
        int j = 0;      // next snapshot
        int k = bins - 1;
        int r = -1;     // the current block's rule, bin and map; interior: between two bin centres
        int bin = -1;
        int m = -1;
        boolean interior = false;
        double exit = Double.POSITIVE_INFINITY; // events with ln E > exit stay in the current block
        double lowCentre = 0;
        double width = 1;
        double lowerMean = 0;
        double upperMean = 0;
        int i = 0;
        while (j < snaps) {
            int size = 0;
            boolean crossed = false;
            double meanSum = acc.meanSum; // the block's mean exposures are added below, in event order
            while (size < BLOCK && i < n) {
                double next = partial + spacing;
                double x = cursor.lnEnergy(next * scale);
                if (!(x > exit)) {
                    if (x < lnSnapshot[j]) {
                        crossed = true; // event i lies below snapshot j
                        break;
                    }
                    int rule = r >= 0 && x >= ruleMin[r] && x < ruleMax[r] ? r : rule(x);
                    // the log-E interpolation of ExposureCube.interpolation, from ln E directly
                    while (k > 0 && x <= lnCentre[k]) {
                        k--;
                    }
                    int b = bins == 1 || x <= lnCentre[0] ? 0 : x >= lnCentre[bins - 1] ? bins - 1 : k;
                    boolean between = bins > 1 && x > lnCentre[0] && x < lnCentre[bins - 1];
                    if (size > 0 && (rule != r || b != bin || between != interior)) {
                        break; // event i starts the next block
                    }
                    r = rule;
                    bin = b;
                    interior = between;
                    m = classMaps + r * bins + bin;
                    lowerMean = selMeans[r][bin];
                    if (interior) {
                        lowCentre = lnCentre[bin];
                        width = lnCentre[bin + 1] - lnCentre[bin];
                        upperMean = selMeans[r][bin + 1];
                    }
                    double binExit = interior ? lnCentre[bin]
                            : bin == 0 ? Double.NEGATIVE_INFINITY : lnCentre[bins - 1];
                    exit = Math.max(lnSnapshot[j], Math.max(ruleMin[r], binExit));
                }
                partial = next;
                spacing = spacings.next(); // event i + 1's (the (n + 1)-th only ends the total)
                double w = interior ? (x - lowCentre) / width : 0.0;
                weight[size++] = w;
                i++;
            }
            for (int q = 0; q < size; q++) {
                double w = weight[q];
                meanSum += interior ? (1 - w) * lowerMean + w * upperMean : lowerMean;
            }
            acc.meanSum = meanSum;
            if (size > 0) {
                drawMixture(rng, weight, 0, size, m, interior, acc.codes, acceptance);
                acc.addDrawn(size, weight, 0, r, bin);
            }
            if (crossed || i == n) {
                counts[j] = i;
                acc.snapshot(out, sums, j);
                j++;
                exit = Double.POSITIVE_INFINITY; // the next event looks at the next snapshot
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

    /**
     * Draws the pixels of n events, event q with interpolation weight w[from + q], into codes[0 ..], as ring
     * codes: from map m alone, or (interior) from map m or m + 1 with odds (1-w) S_m : w S_m+1
     * ({@link #upperMap}, one 64-bit number, only where w &gt; 0), then a pixel from that map's alias table
     * (one 64-bit number).
     */
    private void drawMixture(UniformRandomProvider rng, double[] w, int from, int n, int m, boolean interior,
            int[] codes, double[] acceptance) {
        if (acceptance != null) {
            drawInjected(rng, w, from, n, m, interior, codes, acceptance);
            return;
        }
        PackedAliasTable lower = tables[m];
        if (!interior) {
            for (int q = 0; q < n; q++) {
                codes[q] = lower.sample(rng.nextLong());
            }
            return;
        }
        PackedAliasTable upper = tables[m + 1];
        double lowerSum = tableSums[m];
        double upperSum = tableSums[m + 1];
        for (int q = 0; q < n; q++) {
            double u = w[from + q];
            double b = u * upperSum;
            boolean up = b > 0 && upperMap(rng.nextLong(), (1 - u) * lowerSum, b);
            codes[q] = (up ? upper : lower).sample(rng.nextLong());
        }
    }

    /**
     * {@link #drawMixture} for a sky with an injected dipole: each event's map choice and pixel are
     * drawn as for an isotropic sky and kept with probability acceptance[code] (one more 64-bit number),
     * else drawn again.
     */
    private void drawInjected(UniformRandomProvider rng, double[] w, int from, int n, int m, boolean interior,
            int[] codes, double[] acceptance) {
        PackedAliasTable lower = tables[m];
        PackedAliasTable upper = interior ? tables[m + 1] : null;
        double lowerSum = tableSums[m];
        double upperSum = interior ? tableSums[m + 1] : 0;
        for (int q = 0; q < n; q++) {
            double u = interior ? w[from + q] : 0;
            double b = u * upperSum;
            int code;
            do {
                boolean up = b > 0 && upperMap(rng.nextLong(), (1 - u) * lowerSum, b);
                code = (up ? upper : lower).sample(rng.nextLong());
            } while ((rng.nextLong() >>> 11) * 0x1p-53 >= acceptance[code]);
            codes[q] = code;
        }
    }

    /**
     * The choice between the two maps of an exposure mixture with masses lower and upper (upper &gt; 0):
     * the upper map iff u &gt;= lower / (lower + upper), u the top 53 bits of random as a uniform in [0, 1).
     */
    private static boolean upperMap(long random, double lower, double upper) {
        return (random >>> 11) * 0x1p-53 * (lower + upper) >= lower;
    }
}
