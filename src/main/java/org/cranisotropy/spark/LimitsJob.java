package org.cranisotropy.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cranisotropy.io.ParquetTableWriter;
import org.cranisotropy.io.ParquetTableWriter.Kind;
import org.cranisotropy.limits.BayesianUpperLimit;
import org.cranisotropy.limits.Fermi2010UpperLimit;
import org.cranisotropy.limits.LikelihoodRatioUpperLimit;
import org.cranisotropy.limits.Prior;

/**
 * The driver step (method.md section 6): joins the measured values with the isotropic bands, computes
 * per threshold the local p-value of the measured delta among the N samples, (1 + #samples with
 * delta &gt;= measured) / (N + 1) (a Spark aggregation over samples/; never 0, as for any Monte Carlo
 * p-value), its trial-corrected counterpart over the whole scan, and the Fermi-LAT 2010 limit, and per bin
 * the Fermi-LAT 2017 likelihood-ratio and Bayesian limits from C1 of the relative-intensity map
 * (4 pi C1 / C0) and the white noise C_N. Exposure-corrected selections only. Writes limits/.
 */
public final class LimitsJob {
    private LimitsJob() {}

    /** One row of the limits table, also printed by the command line. */
    public record LimitRow(String kind, double thresholdGev, double eminGev, double emaxGev, long nEvents,
            double delta, double bandP02275, double bandP15865, double bandP50, double bandP84135, double bandP97725,
            double pValue, double ulDeltaFermi2010, double c1Rel, double cn, double ulDeltaLr, double ulDeltaBayes,
            double ulDeltaBayesFlatDelta, double pValueGlobal) {}

    public static List<LimitRow> run(SparkSession spark, Path results, Map<String, String> metadata) {
        Dataset<Row> measured = spark.read().parquet(results.resolve("measured_thresholds").toString())
                .filter(col("corrected").and(col("kind").isin("standard", "grid")));
        Dataset<Row> measuredBins = spark.read().parquet(results.resolve("measured_bins").toString())
                .filter(col("corrected"));
        Dataset<Row> bands = spark.read().parquet(results.resolve("bands").toString()).filter(col("corrected"));
        // a sample whose selection is empty (possible when its energies or counts fluctuate) has no dipole:
        // it is left out of that selection's comparison, as it is of the band
        Dataset<Row> samples = spark.read().parquet(results.resolve("samples").toString()).filter(col("corrected"))
                .filter(col("n_events").gt(0));

        Dataset<Row> m = measured.select(col("kind"), col("threshold_gev"), col("n_events"), col("delta").alias("delta_meas"));
        Dataset<Row> pvalues = samples.filter(col("kind").isin("standard", "grid"))
                .join(m, seq("kind", "threshold_gev"))
                .groupBy("kind", "threshold_gev")
                .agg(org.apache.spark.sql.functions.sum(when(col("delta").geq(col("delta_meas")), 1.0).otherwise(0.0))
                        .plus(1.0).divide(count("*").plus(1.0)).alias("p_value"));
        List<Row> thresholds = m.join(pvalues, seq("kind", "threshold_gev"))
                .join(bands.drop("emin_gev", "emax_gev", "corrected"), seq("kind", "threshold_gev"))
                .orderBy(col("kind").desc(), col("threshold_gev")).collectAsList();
        List<Row> bins = measuredBins.join(bands.filter(col("kind").equalTo("bin")).drop("threshold_gev", "corrected"),
                seq("emin_gev", "emax_gev")).orderBy(col("emin_gev")).collectAsList();
        double globalP = globalPValue(samples.filter(col("kind").isin("standard", "grid")), m);

        Fermi2010UpperLimit fermi = Fermi2010UpperLimit.at95();
        LikelihoodRatioUpperLimit lr = LikelihoodRatioUpperLimit.at95();
        BayesianUpperLimit bayes = BayesianUpperLimit.at95();
        BayesianUpperLimit bayesFlatDelta = BayesianUpperLimit.of(Prior.FLAT_DELTA, 0.95);
        List<LimitRow> out = new ArrayList<>();
        for (Row r : thresholds) {
            double d = r.getDouble(r.fieldIndex("delta_meas"));
            out.add(new LimitRow(r.getString(r.fieldIndex("kind")), r.getDouble(r.fieldIndex("threshold_gev")), Double.NaN,
                    Double.NaN, r.getLong(r.fieldIndex("n_events")), d, band(r, "p02275"), band(r, "p15865"),
                    band(r, "p50"), band(r, "p84135"), band(r, "p97725"), r.getDouble(r.fieldIndex("p_value")),
                    fermi.ulDelta(d), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, globalP));
        }
        for (Row r : bins) {
            double c1rel = 4 * Math.PI * r.getDouble(r.fieldIndex("c1")) / r.getDouble(r.fieldIndex("c0"));
            double cn = r.getDouble(r.fieldIndex("cn"));
            out.add(new LimitRow("bin", Double.NaN, r.getDouble(r.fieldIndex("emin_gev")),
                    r.getDouble(r.fieldIndex("emax_gev")), r.getLong(r.fieldIndex("n_events")),
                    r.getDouble(r.fieldIndex("delta")), band(r, "p02275"), band(r, "p15865"), band(r, "p50"),
                    band(r, "p84135"), band(r, "p97725"), Double.NaN,
                    fermi.ulDelta(r.getDouble(r.fieldIndex("delta"))), c1rel, cn, lr.limit(c1rel, cn).ulDelta(),
                    bayes.limit(c1rel, cn).ulDelta(), bayesFlatDelta.limit(c1rel, cn).ulDelta(), Double.NaN));
        }
        write(out, results.resolve("limits"), metadata);
        return out;
    }

    /**
     * The trial-corrected p-value of the threshold scan ("how often does an isotropic sky give an
     * excess as significant as the data's somewhere among the ~200 correlated thresholds"). The data
     * and the N samples are N + 1 exchangeable skies under isotropy: at each threshold a sky's local
     * p-value is its rank from the top among them, divided by N + 1 (for the data this is the local
     * p_value above); each sky's minimum over the standard and grid thresholds is compared with the
     * data's, and the global p-value is the fraction of the N + 1 skies whose minimum is as small.
     */
    static double globalPValue(Dataset<Row> samples, Dataset<Row> measured) {
        long n = samples.select("sample_id").distinct().count();
        org.apache.spark.sql.expressions.WindowSpec w = org.apache.spark.sql.expressions.Window
                .partitionBy("kind", "threshold_gev").orderBy(col("delta").desc());
        Dataset<Row> ranked = samples.join(measured, seq("kind", "threshold_gev"))
                .withColumn("rank_from_top", count("*").over(w)
                        .plus(when(col("delta_meas").geq(col("delta")), 1).otherwise(0)));
        Dataset<Row> dataRank = measured.join(samples, seq("kind", "threshold_gev"))
                .groupBy("kind", "threshold_gev")
                .agg(org.apache.spark.sql.functions.sum(when(col("delta").geq(col("delta_meas")), 1).otherwise(0))
                        .plus(1).alias("rank_from_top"));
        double dataMin = dataRank.agg(org.apache.spark.sql.functions.min("rank_from_top")).first().getLong(0);
        long asSmall = ranked.groupBy("sample_id").agg(org.apache.spark.sql.functions.min("rank_from_top").alias("r"))
                .filter(col("r").leq(dataMin)).count();
        return (1.0 + asSmall) / (n + 1.0);
    }

    private static double band(Row r, String p) {
        return r.getDouble(r.fieldIndex("delta_" + p));
    }

    private static scala.collection.immutable.Seq<String> seq(String a, String b) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(a, b)).toList();
    }

    private static void write(List<LimitRow> rows, Path dir, Map<String, String> metadata) {
        ParquetTableWriter w = new ParquetTableWriter()
                .column("kind", Kind.STRING).column("threshold_gev", Kind.DOUBLE).column("emin_gev", Kind.DOUBLE)
                .column("emax_gev", Kind.DOUBLE).column("n_events", Kind.LONG).column("delta", Kind.DOUBLE)
                .column("band_p02275", Kind.DOUBLE).column("band_p15865", Kind.DOUBLE).column("band_p50", Kind.DOUBLE)
                .column("band_p84135", Kind.DOUBLE).column("band_p97725", Kind.DOUBLE).column("p_value", Kind.DOUBLE)
                .column("ul_delta_fermi2010", Kind.DOUBLE).column("c1_rel", Kind.DOUBLE).column("cn", Kind.DOUBLE)
                .column("ul_delta_lr", Kind.DOUBLE).column("ul_delta_bayes", Kind.DOUBLE)
                .column("ul_delta_bayes_flat_delta", Kind.DOUBLE).column("p_value_global", Kind.DOUBLE);
        for (LimitRow r : rows) {
            w.row(r.kind(), r.thresholdGev(), r.eminGev(), r.emaxGev(), r.nEvents(), r.delta(), r.bandP02275(),
                    r.bandP15865(), r.bandP50(), r.bandP84135(), r.bandP97725(), r.pValue(), r.ulDeltaFermi2010(),
                    r.c1Rel(), r.cn(), r.ulDeltaLr(), r.ulDeltaBayes(), r.ulDeltaBayesFlatDelta(), r.pValueGlobal());
        }
        w.write(dir, metadata);
    }
}
