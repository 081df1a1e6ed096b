package org.cranisotropy.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.exposure.ExposureModel;
import org.cranisotropy.io.ExposureFiles;
import org.cranisotropy.sky.GalacticFrame;
import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.sky.Ordering;
import org.cranisotropy.spark.ExposureJob;
import org.cranisotropy.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cra exposure}: exposure maps of the ISS orbit and detector acceptance, on Spark. */
@Command(
        name = "exposure",
        header = "Exposure maps from the ISS orbit and the detector acceptance (Spark).",
        mixinStandardHelpOptions = true,
        description = {
            "Exposure maps A(E, class, pixel) in m^2 s (HEALPix RING, galactic): the detector acceptance",
            "projected onto the sky along the ISS orbit, weighted by live time. Writes DIR/exposure/",
            "(one FITS map per energy bin and class, manifest.csv, exposure.parquet)."
        })
final class ExposureCommand implements Runnable {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Run configuration (HOCON) whose cra.exposure section is used; keys it does not set keep "
                    + "their defaults (src/main/resources/reference.conf). Default: the defaults alone.")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Output directory; the maps go to DIR/exposure/ (replaced when complete).")
    Path out;

    @Option(names = "--master", paramLabel = "URL", defaultValue = SparkSessions.DEFAULT_MASTER,
            description = "Spark master (default ${DEFAULT-VALUE}).")
    String master;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        OutputDirectory.require(out, "--out");
        Config conf = RunConfig.load(config);
        RunConfig.check(config, () -> SettingsReader.exposure(conf));
        build(conf, out, master, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The observation period [start, end) of a configuration's cra.exposure section, as MJD (UTC). */
    static double[] periodMjd(Config conf) {
        ExposureModel model = SettingsReader.exposure(conf);
        return new double[] {mjd(model.period().start()), mjd(model.period().end())};
    }

    private static double mjd(java.time.Instant t) {
        return 40587.0 + t.getEpochSecond() / 86400.0 + t.getNano() / 86400e9; // MJD 40587 = 1970-01-01
    }

    /** Runs the exposure job of a configuration and writes DIR/exposure/; reports on pw, progress on err. */
    static void build(Config conf, Path out, String master, PrintWriter pw, PrintWriter err) {
        long t0 = System.nanoTime();
        ExposureModel model = SettingsReader.exposure(conf);
        err.printf(Locale.ROOT, "exposure: %d steps of %.0f s (%s .. %s), %d day blocks, dwell Nside %d x %d azimuth bins,"
                + " sky Nside %d, %d energy bins, classes %s%n", model.period().steps(), model.period().stepSeconds(),
                model.period().start(), model.period().end(), model.period().blocks(), model.dwellNside(),
                model.azimuthBins(), model.nside(), model.binning().size(), model.acceptance().classes());
        err.flush();
        ExposureJob.Result r;
        SparkSession spark = SparkSessions.create("cra exposure", master);
        try {
            r = ExposureJob.run(spark, model, 0, err);
        } finally {
            spark.stop();
        }
        long tw = System.nanoTime();
        Path dir = ExposureFiles.write(r.cube(), out);
        double writeSeconds = (System.nanoTime() - tw) / 1e9;
        ExposureCube cube = r.cube();
        pw.printf(Locale.ROOT, "wrote %s: %d maps (Nside %d, %d energy bins %.4g-%.4g GeV, classes %s), %s, %s%n",
                dir, cube.classes().size() * cube.binning().size(), cube.nside(), cube.binning().size(),
                cube.binning().lower(0), cube.binning().upper(cube.binning().size() - 1), cube.classes(),
                ExposureFiles.MANIFEST, ExposureFiles.PARQUET);
        pw.printf(Locale.ROOT, "live time %.4g s of %.4g s (%.2f %%), %d dwell cells%n", r.dwell().liveSeconds(),
                model.period().durationSeconds(), 100 * r.dwell().liveSeconds() / model.period().durationSeconds(),
                r.dwell().nonEmptyCells());
        for (EventClass c : cube.classes()) {
            pw.printf(Locale.ROOT, "geometric factor %s: %.4f m^2 sr at %.4g GeV%n", c,
                    model.acceptance().geometricFactor(c, cube.binning().centre(0)), cube.binning().centre(0));
        }
        double[] total = new double[cube.npix()];
        for (EventClass c : cube.classes()) {
            double[] m = cube.map(0, c);
            for (int p = 0; p < m.length; p++) {
                total[p] += m[p];
            }
            describe(pw, "class " + c, m, cube.nside());
        }
        describe(pw, "all classes", total, cube.nside());
        pw.printf(Locale.ROOT, "time: dwell %.1f s, projection %.1f s, write %.1f s, total %.1f s (%d partitions)%n",
                r.dwellSeconds(), r.projectionSeconds(), writeSeconds, (System.nanoTime() - t0) / 1e9, r.partitions());
        pw.flush();
    }

    /** "label: min/max = r; max X m^2 s at (l, b); min Y at (l, b)" for the first energy bin. */
    private static void describe(PrintWriter out, String label, double[] m, int nside) {
        int imin = 0;
        int imax = 0;
        for (int p = 1; p < m.length; p++) {
            if (m[p] < m[imin]) {
                imin = p;
            }
            if (m[p] > m[imax]) {
                imax = p;
            }
        }
        HealpixGrid g = new HealpixGrid(nside);
        double[] amax = lb(g, imax);
        double[] amin = lb(g, imin);
        out.printf(Locale.ROOT, "exposure %s (bin 0): min/max = %.4f; max %.4g m^2 s at (l, b) = (%.1f, %.1f) deg"
                + " [RA, Dec = %.1f, %.1f]; min %.4g m^2 s at (l, b) = (%.1f, %.1f) deg [RA, Dec = %.1f, %.1f]%n",
                label, m[imin] / m[imax], m[imax], amax[0], amax[1], amax[2], amax[3], m[imin], amin[0], amin[1],
                amin[2], amin[3]);
    }

    private static double[] lb(HealpixGrid g, int p) {
        double[] a = g.pix2ang(p, Ordering.RING);
        double l = Math.toDegrees(a[1]);
        double b = 90 - Math.toDegrees(a[0]);
        double[] eq = GalacticFrame.toIcrs(l, b);
        return new double[] {l, b, eq[0], eq[1]};
    }
}
