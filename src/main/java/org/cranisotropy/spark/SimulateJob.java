package org.cranisotropy.spark;


import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.cranisotropy.io.hadoop.HadoopSettings;
import org.cranisotropy.io.StoragePath;
import org.cranisotropy.analysis.MultipoleMeasurement;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.io.ParquetColumns;
import org.cranisotropy.io.ParquetTableWriter;
import org.cranisotropy.montecarlo.BandReduction;
import org.cranisotropy.montecarlo.SampleBlock;
import org.cranisotropy.montecarlo.SampleMeasurements;
import org.cranisotropy.montecarlo.SimulationSpec;
import org.cranisotropy.io.Tables;

/**
 * The isotropic Monte Carlo on Spark (method.md section 5), a thin plan over
 * {@link org.cranisotropy.montecarlo}: sample indices 0..N-1 are cut into blocks and parallelised;
 * each task builds the sampler once per executor JVM from the broadcast {@link SimulationSpec} and
 * maps each sample index to its rows (random stream (seed, index) only, so the rows do not depend
 * on partitioning, executors or retries); the rows are written as {@code samples/} and reduced by a
 * Spark aggregation into {@code bands/}: count, mean and the exact 2.275, 15.865, 50, 84.135,
 * 97.725 percentiles of delta, C1, C2, C3 per selection and correction flag. The mean is summed
 * over the sorted values so that it is bit-identical too.
 */
public final class SimulateJob {
    /** Column suffixes of the band percentiles, in the order of {@link org.cranisotropy.montecarlo.Band#LEVELS}. */
    static final String[] PERCENTILE_NAMES = {"p02275", "p15865", "p50", "p84135", "p97725"};

    private static final Map<Long, SimulationSpec.Engine> ENGINES = new ConcurrentHashMap<>();

    private SimulateJob() {}

    public static final StructType SAMPLE_SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("sample_id", DataTypes.LongType, false),
        DataTypes.createStructField(Tables.KIND, DataTypes.StringType, false),
        DataTypes.createStructField(Tables.THRESHOLD_GEV, DataTypes.DoubleType, true),
        DataTypes.createStructField(Tables.EMIN_GEV, DataTypes.DoubleType, true),
        DataTypes.createStructField(Tables.EMAX_GEV, DataTypes.DoubleType, true),
        DataTypes.createStructField(Tables.CORRECTED, DataTypes.BooleanType, false),
        DataTypes.createStructField(Tables.N_EVENTS, DataTypes.LongType, false),
        DataTypes.createStructField("c0", DataTypes.DoubleType, false),
        DataTypes.createStructField("c1", DataTypes.DoubleType, false),
        DataTypes.createStructField("c2", DataTypes.DoubleType, false),
        DataTypes.createStructField("c3", DataTypes.DoubleType, false),
        DataTypes.createStructField("delta", DataTypes.DoubleType, false),
        DataTypes.createStructField("dipole_l_deg", DataTypes.DoubleType, false),
        DataTypes.createStructField("dipole_b_deg", DataTypes.DoubleType, false)
    });

    /** Figures of a finished run. */
    public record Result(long samples, int partitions, double simulateSeconds, double bandsSeconds, long reusedSamples) {}

    /** Test-only Spark setting: partitions whose first attempt throws (e.g. "1,3"), to exercise retries. */
    public static final String FAIL_FIRST_ATTEMPT = "spark.cra.test.failFirstAttemptOfPartitions";
    /** Test-only Spark setting: stop (throw) after this many blocks were written, as a killed run would. */
    public static final String STOP_AFTER_BLOCKS = "spark.cra.test.stopAfterBlocks";

    /**
     * Simulates samples [0, n) and writes out/samples and out/bands (Parquet) with the given metadata
     * (key-value footer metadata of every file of samples/ and of bands/).
     *
     * <p>The samples are cut into at most 8 chunks of ceil(n / 8) (directories
     * {@code out/.samples.tmp/chunk=K/}) and each chunk
     * into blocks of 25 samples, so the layout depends on n only. One Spark job makes every block whose
     * files are not all there yet, each block written whole by its task (one file per kind, renamed into
     * place), and gathers the band quantities of the rows it wrote; with resume, the blocks an earlier run
     * of the same spec left complete are kept and their values read back by the same job, so only the
     * missing blocks are computed. The job's reduce stage turns the gathered values into the band rows,
     * so the samples are never read back from disk. When every block is in place the staging directory
     * is renamed to {@code out/samples} and the bands are written to a temporary directory renamed to
     * {@code out/bands}: no half-written table ever carries a final name. The simulate time of the
     * result covers the job (samples and band reduction); the bands time, checking and writing the tables.
     */
    public static Result run(SparkSession spark, SimulationSpec spec, long n, int partitions, Path out,
            Map<String, String> metadata, PrintWriter progress, boolean resume) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int parts = partitions > 0 ? partitions : 4 * sc.defaultParallelism();
        Set<Integer> failing = parseInts(spark.conf().get(FAIL_FIRST_ATTEMPT, ""));
        int stopAfter = Integer.parseInt(spark.conf().get(STOP_AFTER_BLOCKS, "-1"));

        Path staging = out.resolve(".samples.tmp");
        List<SampleBlock> all = SampleBlock.layout(n);
        String fingerprint = fingerprint(spec, n, SampleBlock.chunkSize(n));
        prepareStaging(staging, fingerprint, resume);
        List<String> kinds = kinds(spec);
        List<Task> work = new ArrayList<>();
        List<SampleBlock> missing = new ArrayList<>();
        long reused = 0;
        for (SampleBlock block : all) {
            boolean kept = complete(staging, block, kinds);
            if (kept) {
                reused += block.size();
            } else {
                missing.add(block);
            }
            work.add(new Task(block, kept));
        }
        if (stopAfter >= 0) {
            // a run that is killed after stopAfter blocks: only those are made, nothing is reduced
            work = new ArrayList<>();
            for (SampleBlock block : missing.subList(0, Math.min(stopAfter, missing.size()))) {
                work.add(new Task(block, false));
            }
        }

        Broadcast<SimulationSpec> bspec = sc.broadcast(spec);
        long specId = bspec.id();
        long seed = spec.seed(); // captured alone: the closure must not carry the whole spec
        LongAccumulator done = sc.sc().longAccumulator("samples done");
        done.add(reused);
        Map<String, String> footer = new java.util.HashMap<>(metadata);
        String stagingDir = staging.toString();
        HadoopSettings.Shipped hadoop = HadoopSettings.ship();
        double simulateSeconds;
        List<BandReduction.Row> bandRows;
        try (ProgressReporter p = new ProgressReporter(progress, "simulate", "samples", n, done, 5000)) {
            // up to 64 tasks per core (frequent progress, a short uneven end); --partitions overrides
            int slices = Math.max(1, Math.min(work.size(), partitions > 0 ? partitions : 64 * sc.defaultParallelism()));
            bandRows = bandRows(sc.parallelize(work, slices).mapPartitionsToPair(it -> {
                hadoop.install();
                TaskContext task = TaskContext.get();
                if (task != null && task.attemptNumber() == 0 && failing.contains(task.partitionId())) {
                    throw new IllegalStateException("injected failure of partition " + task.partitionId()
                            + " (" + FAIL_FIRST_ATTEMPT + ")");
                }
                BandReduction.Gathering gathered = new BandReduction.Gathering();
                while (it.hasNext()) {
                    Task t = it.next();
                    if (t.kept()) { // kept from the interrupted run: its values are read back
                        for (String kind : kinds) {
                            gathered.add(kind, org.cranisotropy.io.ParquetColumns.read(
                                    t.block().file(StoragePath.of(stagingDir), kind), BandReduction.COLUMNS));
                        }
                    } else {
                        SimulationSpec.Engine engine = ENGINES.computeIfAbsent(specId, k -> bspec.value().build());
                        writeBlock(engine, seed, t.block(), StoragePath.of(stagingDir), footer).forEach(gathered::add);
                        done.add(t.block().size());
                    }
                }
                return pairs(gathered);
            }), parts);
            if (stopAfter >= 0) {
                throw new IllegalStateException("stopped after " + work.size() + " blocks (" + STOP_AFTER_BLOCKS + ")");
            }
            simulateSeconds = p.elapsedSeconds();
        } finally {
            ENGINES.remove(specId);
        }
        long t0 = System.nanoTime();
        for (SampleBlock block : all) {
            if (!complete(staging, block, kinds)) {
                throw new IllegalStateException("the job left block " + block.fileName() + " of chunk "
                        + block.chunk() + " incomplete in " + staging);
            }
        }
        Path samples = out.resolve(Tables.SAMPLES);
        try {
            Files.createFile(staging.resolve("_SUCCESS")); // a complete table, as Spark marks its own
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        replace(staging, samples);
        // the few hundred band rows are written like the other small tables (footer metadata, renamed into
        // place), without starting Spark SQL's engine for them
        bandsTable(bandRows).write(out.resolve(Tables.BANDS), metadata);
        return new Result(n, parts, simulateSeconds, (System.nanoTime() - t0) / 1e9, reused);
    }

    /** A block to make, or to read back when an interrupted run of the same simulation left it complete. */
    record Task(SampleBlock block, boolean kept) implements java.io.Serializable {}

    /** The kinds of rows (one file each) a block holds. */
    private static List<String> kinds(SimulationSpec spec) {
        return org.cranisotropy.montecarlo.ScanPlan.kinds(spec.standardThresholds(), spec.gridThresholds(),
                spec.binEdgesGev());
    }

    /** Whether every file of a block is in place (each is renamed into place whole). */
    private static boolean complete(Path staging, SampleBlock block, List<String> kinds) {
        for (String kind : kinds) {
            if (!Files.exists(block.file(staging, kind))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the rows of a block's samples as one Parquet file per kind,
     * {@code samplesDir/chunk=C/kind=K/block-FROM.parquet} ({@link SampleBlock#file}; columns of {@link #SAMPLE_SCHEMA} but kind, which is the
     * partition directory). Written by the task itself, without Spark SQL's row conversion; a retried task
     * rewrites the same files whole. Returns, per kind, the {@link #BandReduction.COLUMNS} of the rows written,
     * exactly as {@link org.cranisotropy.io.ParquetColumns#read} gives them back from the file.
     */
    static Map<String, double[][]> writeBlock(SimulationSpec.Engine engine, long seed, SampleBlock block,
            Path samplesDir, Map<String, String> footer) {
        Map<String, ParquetTableWriter> byKind = new java.util.TreeMap<>();
        Map<String, ColumnBuilder> columns = new java.util.TreeMap<>();
        for (long s = block.first(); s < block.end(); s++) {
            for (SampleMeasurements.Row r : engine.measurements().rows(engine.sampler().run(seed, s))) {
                MultipoleMeasurement m = r.m();
                boolean bin = r.kind().equals(org.cranisotropy.montecarlo.ScanPlan.BIN);
                Double threshold = bin ? null : r.thresholdGev();
                Double emin = bin ? r.eminGev() : null;
                Double emax = bin ? r.emaxGev() : null;
                byKind.computeIfAbsent(r.kind(), k -> sampleWriter()).row(s, threshold, emin, emax, r.corrected(),
                        m.nEvents(), m.c0(), m.c1(), m.c2(), m.c3(), m.delta(), m.dipoleLDeg(), m.dipoleBDeg());
                // null reads back as NaN (ParquetColumns)
                columns.computeIfAbsent(r.kind(), k -> new ColumnBuilder()).add(nanIfNull(threshold),
                        nanIfNull(emin), nanIfNull(emax), r.corrected() ? 1.0 : 0.0, m.delta(), m.c1(), m.c2(), m.c3(),
                        m.c0(), m.nEvents());
            }
        }
        byKind.forEach((kind, w) -> w.writeFile(block.file(samplesDir, kind), footer));
        Map<String, double[][]> out = new java.util.TreeMap<>();
        columns.forEach((kind, c) -> out.put(kind, c.columns()));
        return out;
    }

    /** Columns of doubles filled a row at a time. */
    private static final class ColumnBuilder {
        private double[][] c = new double[BandReduction.COLUMNS.length][64];
        private int n;

        void add(double... row) {
            if (n == c[0].length) {
                for (int q = 0; q < c.length; q++) {
                    c[q] = java.util.Arrays.copyOf(c[q], 2 * n);
                }
            }
            for (int q = 0; q < c.length; q++) {
                c[q][n] = row[q];
            }
            n++;
        }

        double[][] columns() {
            double[][] out = new double[c.length][];
            for (int q = 0; q < c.length; q++) {
                out[q] = java.util.Arrays.copyOf(c[q], n);
            }
            return out;
        }
    }

    private static ParquetTableWriter sampleWriter() {
        StructField[] columns = java.util.Arrays.stream(SAMPLE_SCHEMA.fields())
                .filter(f -> !f.name().equals(Tables.KIND)).toArray(StructField[]::new); // kind: the partition directory
        return writerFor(columns).withoutDictionary("c0", "c1", "c2", "c3", "delta", "dipole_l_deg", "dipole_b_deg")
                .uncompressed();
    }

    /** A table writer with these Spark fields as its columns (string, long, boolean or double; nullable kept). */
    private static ParquetTableWriter writerFor(StructField[] fields) {
        ParquetTableWriter w = new ParquetTableWriter();
        for (StructField f : fields) {
            ParquetTableWriter.Kind k = f.dataType().equals(DataTypes.StringType) ? ParquetTableWriter.Kind.STRING
                    : f.dataType().equals(DataTypes.LongType) ? ParquetTableWriter.Kind.LONG
                    : f.dataType().equals(DataTypes.BooleanType) ? ParquetTableWriter.Kind.BOOLEAN
                    : ParquetTableWriter.Kind.DOUBLE;
            if (f.nullable()) {
                w.nullableColumn(f.name(), k);
            } else {
                w.column(f.name(), k);
            }
        }
        return w;
    }

    /** What a staged chunk was made from: resume only reuses chunks of the same simulation. */
    private static String fingerprint(SimulationSpec spec, long n, long chunkSize) {
        // one field a line, so that a refused resume can name the fields that differ; the events count by
        // their content (count, energies and classes), not by the path they were read from
        return String.join("\n", "seed=" + spec.seed(), "samples=" + n, "chunk=" + chunkSize,
                "n_events=" + spec.events().size(), "nside=" + spec.exposure().nside(),
                "standard=" + java.util.Arrays.toString(spec.standardThresholds()),
                "grid=" + new org.cranisotropy.io.Sha256().add(spec.gridThresholds()).hex(),
                "bins=" + java.util.Arrays.toString(spec.binEdgesGev()), "selection=" + spec.selection(),
                "options=" + spec.options(), "exposure=" + exposureChecksum(spec),
                "energies_classes=" + eventsChecksum(spec));
    }

    /** A fingerprint's key=value lines by key. */
    private static Map<String, String> fields(String fingerprint) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String line : fingerprint.split("\n")) {
            m.put(line.split("=", 2)[0], line);
        }
        return m;
    }

    /** The names of the fingerprint fields (key=value lines) in which two fingerprints differ. */
    private static List<String> differingFields(String a, String b) {
        Map<String, String> x = fields(a);
        Map<String, String> y = fields(b);
        Set<String> keys = new java.util.LinkedHashSet<>(x.keySet());
        keys.addAll(y.keySet());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (!java.util.Objects.equals(x.get(k), y.get(k))) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * The events' energies and classes (what samples with the data's energies reuse), with shuffled times also
     * their times, zenith angles and azimuths, in file order.
     */
    private static String eventsChecksum(SimulationSpec spec) {
        org.cranisotropy.io.Sha256 h = new org.cranisotropy.io.Sha256();
        org.cranisotropy.events.EventSample ev = spec.events();
        boolean shuffled = spec.options().energies() == org.cranisotropy.montecarlo.MonteCarloOptions.Energies.SHUFFLE;
        for (int i = 0; i < ev.size(); i++) {
            h.add(ev.energyGev(i)).add(ev.eventClass(i).ordinal());
            if (shuffled) { // shuffled samples reuse the times and instrument-frame directions too
                h.add(ev.timeMjd(i)).add(ev.zenithDeg(i)).add(ev.azimuthDeg(i));
            }
        }
        return h.hex();
    }

    /** The exposure maps the samples are drawn through (every class and energy bin, their edges). */
    private static String exposureChecksum(SimulationSpec spec) {
        org.cranisotropy.io.Sha256 h = new org.cranisotropy.io.Sha256().add(spec.exposure().binning().edges());
        for (org.cranisotropy.exposure.EventClass c : spec.exposure().classes()) {
            h.add(c.name());
            for (int k = 0; k < spec.exposure().binning().size(); k++) {
                h.add(spec.exposure().map(k, c));
            }
        }
        return h.hex();
    }

    private static void prepareStaging(Path staging, String fingerprint, boolean resume) {
        try {
            Path stamp = staging.resolve("_SIMULATION");
            if (resume && Files.exists(stamp)) {
                String earlier = Files.readString(stamp);
                if (!earlier.equals(fingerprint)) {
                    throw new IllegalArgumentException("--resume: " + staging + " holds chunks of a different simulation "
                            + "(it differs in " + String.join(", ", differingFields(earlier, fingerprint))
                            + "); run without --resume to start afresh");
                }
                // block files a killed task was still writing (ParquetTableWriter's temporary names): made again
                try (var files = Files.walk(staging)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().startsWith(".")
                            && f.getFileName().toString().contains(".tmp-")).toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                return;
            }
            org.cranisotropy.io.DirectoryCommit.delete(staging);
            Files.createDirectories(staging);
            Files.writeString(stamp, fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a finished directory onto its final name, replacing an earlier one. */
    private static void replace(Path from, Path to) {
        try {
            org.cranisotropy.io.DirectoryCommit.replace(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static Set<Integer> parseInts(String csv) {
        Set<Integer> s = new HashSet<>();
        for (String t : csv.split(",")) {
            if (!t.isBlank()) {
                s.add(Integer.parseInt(t.trim()));
            }
        }
        return s;
    }




    /** Schema of the bands table: the selection, n_samples, and q_mean and q_pXXXXX for every quantity. */
    static StructType bandSchema() {
        List<StructField> f = new ArrayList<>(List.of(
                DataTypes.createStructField(Tables.KIND, DataTypes.StringType, false),
                DataTypes.createStructField(Tables.THRESHOLD_GEV, DataTypes.DoubleType, true),
                DataTypes.createStructField(Tables.EMIN_GEV, DataTypes.DoubleType, true),
                DataTypes.createStructField(Tables.EMAX_GEV, DataTypes.DoubleType, true),
                DataTypes.createStructField(Tables.CORRECTED, DataTypes.BooleanType, false),
                DataTypes.createStructField("n_samples", DataTypes.LongType, false)));
        for (String q : BandReduction.QUANTITIES) {
            f.add(DataTypes.createStructField(q + "_mean", DataTypes.DoubleType, false));
            for (String p : PERCENTILE_NAMES) {
                f.add(DataTypes.createStructField(q + "_" + p, DataTypes.DoubleType, false));
            }
        }
        return new StructType(f.toArray(new StructField[0]));
    }

    /** A task's gathered values as key-value pairs for Spark's reduceByKey. */
    private static java.util.Iterator<scala.Tuple2<BandReduction.Key, BandReduction.Values>> pairs(
            BandReduction.Gathering gathered) {
        List<scala.Tuple2<BandReduction.Key, BandReduction.Values>> out = new ArrayList<>(gathered.values().size());
        gathered.values().forEach((k, v) -> out.add(new scala.Tuple2<>(k, v)));
        return out.iterator();
    }

    /**
     * The band rows (in {@link #bandSchema} order, sorted by kind, corrected first, threshold, emin) of
     * gathered values: {@code reduceByKey} merges each selection's values, which are sorted once and
     * reduced to {@link org.cranisotropy.montecarlo.Band}s (mean and exact percentiles). The result does
     * not depend on the partitioning: the values are sorted before anything is summed.
     */
    private static List<BandReduction.Row> bandRows(
            org.apache.spark.api.java.JavaPairRDD<BandReduction.Key, BandReduction.Values> gathered, int partitions) {
        List<BandReduction.Row> rows = new ArrayList<>(gathered.reduceByKey(BandReduction.Values::merge, partitions)
                .map(kv -> kv._2().band(kv._1())).collect());
        rows.sort(BandReduction.ORDER);
        return rows;
    }

    /**
     * The band rows of a finished samples directory, by the same Spark aggregation as {@link #run} (which
     * gathers the values as its tasks make them): the block files are spread over tasks, each reads its
     * files' columns into primitive arrays (no Spark SQL rows).
     */
    public static List<BandReduction.Row> bands(SparkSession spark, Path samplesDir, int partitions) {
        List<String> files;
        try (var walk = Files.walk(samplesDir)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).map(Path::toString).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + samplesDir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no sample files under " + samplesDir);
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int parts = Math.max(1, Math.min(files.size(), partitions));
        HadoopSettings.Shipped hadoop = HadoopSettings.ship();
        return bandRows(sc.parallelize(files, parts).mapPartitionsToPair(it -> {
            hadoop.install();
            BandReduction.Gathering gathered = new BandReduction.Gathering();
            while (it.hasNext()) {
                Path file = StoragePath.of(it.next());
                String kind = file.getParent().getFileName().toString().replaceFirst("^kind=", "");
                gathered.add(kind, org.cranisotropy.io.ParquetColumns.read(file, BandReduction.COLUMNS));
            }
            return pairs(gathered);
        }), parts);
    }

    private static double nanIfNull(Double v) {
        return v == null ? Double.NaN : v;
    }

    /** The bands table: the rows of {@link #bands} under {@link #bandSchema}. */
    static ParquetTableWriter bandsTable(List<BandReduction.Row> rows) {
        ParquetTableWriter w = writerFor(bandSchema().fields());
        for (BandReduction.Row r : rows) {
            w.row(r.tableValues());
        }
        return w;
    }

    /**
     * The corrected deltas of the samples in samples/ [sample][selection] (NaN: no event there), read on
     * the driver from the block files (local paths), in sample order. A selection that is not among the
     * given ones is bad input (samples/ made with other analysis settings).
     */
    public static double[][] sampleDeltas(Path samples, List<org.cranisotropy.validation.ValidationSummary.Selection> selections) {
        return sampleColumns(samples, selections, "delta")[0];
    }

    /**
     * Columns of the corrected sample rows in samples/, [column][sample][selection] in sample order, NaN
     * where a sample has no event in a selection; read as {@link #sampleDeltas}.
     */
    public static double[][][] sampleColumns(Path samples,
            List<org.cranisotropy.validation.ValidationSummary.Selection> selections, String... columns) {
        Map<String, Integer> index = new HashMap<>();
        for (int r = 0; r < selections.size(); r++) {
            index.put(key(selections.get(r)), r);
        }
        Map<Long, double[][]> bySample = new java.util.TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(samples)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] names = new String[5 + columns.length];
        System.arraycopy(new String[] {"sample_id", Tables.THRESHOLD_GEV, Tables.EMIN_GEV, Tables.CORRECTED, Tables.N_EVENTS}, 0, names, 0, 5);
        System.arraycopy(columns, 0, names, 5, columns.length);
        for (Path f : files) {
            String kindDir = f.getParent().getFileName().toString();
            if (!kindDir.startsWith("kind=")) {
                throw new BadInputException(f + ": not in a kind=K directory of samples/");
            }
            String kind = kindDir.substring(5);
            double[][] c = ParquetColumns.read(f, names);
            for (int i = 0; i < c[0].length; i++) {
                if (c[3][i] == 0.0) {
                    continue;
                }
                Integer r = index.get(kind + ":" + (kind.equals(org.cranisotropy.montecarlo.ScanPlan.BIN) ? c[2][i] : c[1][i]));
                if (r == null) {
                    throw new BadInputException(f + ", row " + (i + 1) + ": selection " + kind + " "
                            + (kind.equals(org.cranisotropy.montecarlo.ScanPlan.BIN) ? c[2][i] : c[1][i])
                            + " GeV is not in the run's scan (samples/ made with other analysis settings?)");
                }
                double[][] d = bySample.computeIfAbsent((long) c[0][i], k -> {
                    double[][] v = new double[columns.length][selections.size()];
                    for (double[] x : v) {
                        java.util.Arrays.fill(x, Double.NaN);
                    }
                    return v;
                });
                for (int q = 0; q < columns.length; q++) {
                    d[q][r] = c[4][i] > 0 ? c[5 + q][i] : Double.NaN;
                }
            }
        }
        if (bySample.isEmpty()) {
            throw new BadInputException(samples + ": no samples");
        }
        double[][][] out = new double[columns.length][bySample.size()][];
        int s = 0;
        for (double[][] v : bySample.values()) {
            for (int q = 0; q < columns.length; q++) {
                out[q][s] = v[q];
            }
            s++;
        }
        return out;
    }

    /** The key of a selection: kind and threshold, or "bin" and its lower edge. */
    public static String key(org.cranisotropy.validation.ValidationSummary.Selection s) {
        return s.kind() + ":" + (s.kind().equals(org.cranisotropy.montecarlo.ScanPlan.BIN) ? s.eminGev() : s.thresholdGev());
    }

}
