package org.cranisotropy.spark;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.cranisotropy.exposure.DwellHistogram;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.exposure.ExposureModel;
import org.cranisotropy.exposure.ExposureProjection;
import org.cranisotropy.exposure.ProjectedExposure;

/**
 * The exposure calculation on Spark, the two stages of
 * {@link org.cranisotropy.exposure.ExposureProjection}:
 * <ol>
 *   <li>stage (a): the day blocks of the observation period are spread over the partitions; each task
 *   builds the dwell histograms of its days, combined with treeReduce;</li>
 *   <li>stage (b): the non-empty zenith pixels are split into contiguous chunks, one per partition;
 *   each task projects its chunk to partial sky maps, summed with treeReduce.</li>
 * </ol>
 * Both stages add integers (live time in microseconds, exposure in 2^-20 m^2 s), so the cube is
 * bit-identical for any master, partition count and reduction order. Progress (steps and zenith
 * pixels done, rate) goes to the progress writer every few seconds.
 */
public final class ExposureJob {
    private ExposureJob() {}

    /** The cube and the figures the command line reports. */
    public record Result(ExposureCube cube, DwellHistogram dwell, int partitions, double dwellSeconds,
            double projectionSeconds) {}

    /**
     * Runs both stages. partitions: 0 takes the model's setting, and when that is 0 too, 4 x the
     * default parallelism (capped by the number of day blocks for stage a).
     */
    public static Result run(SparkSession spark, ExposureModel model, int partitions, PrintWriter progress) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int n = partitions > 0 ? partitions : model.partitions() > 0 ? model.partitions() : 4 * sc.defaultParallelism();
        long blocks = model.period().blocks();
        List<Long> blockIds = new ArrayList<>();
        for (long b = 0; b < blocks; b++) {
            blockIds.add(b);
        }
        int dwellPartitions = (int) Math.max(1, Math.min(n, blocks));

        // stage (a)
        long t0 = System.nanoTime();
        LongAccumulator stepsDone = sc.sc().longAccumulator("exposure steps");
        DwellHistogram dwell;
        try (ProgressReporter p = new ProgressReporter(progress, "exposure dwell", "steps", model.period().steps(), stepsDone, 5000)) {
            JavaRDD<Long> rdd = sc.parallelize(blockIds, dwellPartitions);
            dwell = rdd.map(b -> {
                DwellHistogram h = model.dwellBlock(b);
                stepsDone.add(h.steps());
                return h;
            }).treeReduce(DwellHistogram::plus, depth(dwellPartitions));
        }
        double dwellSeconds = (System.nanoTime() - t0) / 1e9;

        // stage (b)
        long t1 = System.nanoTime();
        DwellHistogram.ZenithMoments moments = dwell.zenithMoments();
        int zenith = moments.size();
        int chunks = Math.max(1, Math.min(n, zenith));
        List<int[]> ranges = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            ranges.add(new int[] {(int) ((long) zenith * c / chunks), (int) ((long) zenith * (c + 1) / chunks)});
        }
        Broadcast<DwellHistogram.ZenithMoments> bm = sc.broadcast(moments);
        ExposureProjection projection = model.projection();
        LongAccumulator pixelsDone = sc.sc().longAccumulator("exposure zenith pixels");
        ProjectedExposure projected;
        try (ProgressReporter p = new ProgressReporter(progress, "exposure projection", "zenith pixels", zenith, pixelsDone, 5000)) {
            projected = sc.parallelize(ranges, chunks).map(r -> {
                ProjectedExposure e = projection.project(bm.value(), r[0], r[1]);
                pixelsDone.add(r[1] - r[0]);
                return e;
            }).treeReduce(ProjectedExposure::plus, depth(chunks));
        }
        bm.destroy();
        ExposureCube cube = projected.toCube(model.acceptance(), model.binning());
        double projectionSeconds = (System.nanoTime() - t1) / 1e9;
        return new Result(cube, dwell, n, dwellSeconds, projectionSeconds);
    }

    private static int depth(int parts) {
        return parts > 16 ? 3 : 2;
    }

    /** Prints "stage: done/total unit (x %), rate/s" every 5 s from a daemon thread, and a final line. */
}
