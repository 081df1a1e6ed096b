package org.cranisotropy.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The trial-corrected p-value on a case small enough to rank by hand. */
class LimitsJobTest {
    @Test
    void globalPValueRanksTheDataAmongTheSamples() {
        SparkSession spark = SparkSessions.create("limits-test", "local[1]");
        try {
            StructType sampleSchema = new StructType().add("sample_id", DataTypes.LongType)
                    .add("kind", DataTypes.StringType).add("threshold_gev", DataTypes.DoubleType)
                    .add("delta", DataTypes.DoubleType);
            double[][] deltas = {{0.1, 0.2, 0.3, 0.4}, {0.4, 0.3, 0.2, 0.1}}; // [threshold][sample]
            List<Row> rows = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                for (int s = 0; s < 4; s++) {
                    rows.add(RowFactory.create((long) s, "grid", 100.0 * (t + 1), deltas[t][s]));
                }
            }
            Dataset<Row> samples = spark.createDataFrame(rows, sampleSchema);
            StructType measuredSchema = new StructType().add("kind", DataTypes.StringType)
                    .add("threshold_gev", DataTypes.DoubleType).add("delta_meas", DataTypes.DoubleType);
            Dataset<Row> measured = spark.createDataFrame(List.of(RowFactory.create("grid", 100.0, 0.35),
                    RowFactory.create("grid", 200.0, 0.05)), measuredSchema);
            // ranks from the top among the 5 skies: data 2 (t1) and 5 (t2), minimum 2; samples' minima
            // 1, 2, 3, 1 -> three samples as extreme as the data, plus the data: (1 + 3) / 5
            assertEquals(0.8, LimitsJob.globalPValue(samples, measured), 1e-15);
        } finally {
            spark.stop();
        }
    }
}
