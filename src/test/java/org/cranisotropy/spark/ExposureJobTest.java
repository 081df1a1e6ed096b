package org.cranisotropy.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.SparkSession;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.exposure.ExposureModel;
import org.cranisotropy.exposure.ExposureTestModels;
import org.junit.jupiter.api.Test;

/** (iii) The Spark job gives bit-identical cubes on local[1] and local[2] with different partition counts. */
class ExposureJobTest {
    private static final ExposureModel MODEL = ExposureTestModels.model("""
            period { end = "2015-10-16T00:00:00Z", step-s = 60 }
            nside = 16
            dwell { nside = 16, azimuth-bins = 6 }
            energy.bins = 8
            """);

    @Test
    void cubesAreBitIdenticalAcrossMastersAndPartitionCounts() {
        ExposureJob.Result one = run("local[1]", 1);
        ExposureJob.Result two = run("local[2]", 5);
        assertEquals(one.dwell(), two.dwell());
        ExposureCube local = MODEL.computeLocally();
        for (EventClass c : MODEL.acceptance().classes()) {
            for (int k = 0; k < MODEL.binning().size(); k++) {
                assertArrayEquals(one.cube().map(k, c), two.cube().map(k, c), 0.0, c + " bin " + k);
                assertArrayEquals(local.map(k, c), two.cube().map(k, c), 0.0, c + " bin " + k + " (no Spark)");
            }
        }
        double max = 0;
        for (double v : one.cube().map(0, EventClass.D)) {
            max = Math.max(max, v);
        }
        assertTrue(max > 0);
    }

    private static ExposureJob.Result run(String master, int partitions) {
        SparkSession spark = SparkSessions.create("ExposureJobTest", master);
        try {
            assertEquals(master, spark.sparkContext().master(), "a session of another master is still active");
            return ExposureJob.run(spark, MODEL, partitions, null);
        } finally {
            spark.stop();
        }
    }
}
