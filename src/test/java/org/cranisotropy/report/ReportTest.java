package org.cranisotropy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cranisotropy.analysis.AnalysisFixtures;
import org.cranisotropy.cli.Cra;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.io.ExposureFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cra report end to end on a small run made by cra analyze, simulate (local[1], 20 samples) and limits: every
 * figure as a readable PNG and a parseable SVG, index.html with the headings, figures and run metadata,
 * queries.sql; and the refusals of bad input, which leave no output directory.
 */
class ReportTest {
    @TempDir
    static Path tmp;
    static Path results;

    record Run(int code, String out, String err) {}

    static Run cra(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cra.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void smallRun() throws Exception {
        ExposureCube cube = AnalysisFixtures.bandExposure(16);
        Path exposure = ExposureFiles.write(cube, tmp);
        EventSample ev = AnalysisFixtures.events(cube, 10000, 0.0, 5);
        StringBuilder csv = new StringBuilder("event_id,energy_gev,l_deg,b_deg,event_class\n");
        for (int i = 0; i < ev.size(); i++) {
            csv.append(i).append(',').append(ev.energyGev(i)).append(',').append(ev.lDeg(i)).append(',')
                    .append(ev.bDeg(i)).append(',').append(ev.eventClass(i)).append('\n');
        }
        Path events = tmp.resolve("events.csv");
        Files.writeString(events, csv);
        results = tmp.resolve("results");
        Path demo = Path.of(System.getProperty("cra.projectDir", ".")).resolve("conf/demo.conf").toAbsolutePath();
        Path confFile = tmp.resolve("small.conf");
        // the demo configuration with a short grid (the simulation's cost grows with the thresholds)
        Files.writeString(confFile, "include file(\"" + demo + "\")\ncra.analysis.grid-count = 30\n"
                + "cra.model.vela.age-kyr = 11.5\n"
                + "cra.run.events = \"" + events.toString().replace('\\', '/') + "\"\ncra.run.exposure = \""
                + exposure.toString().replace('\\', '/') + "\"\n");
        String conf = confFile.toString();
        Run a = cra("analyze", "--events", events.toString(), "--exposure", exposure.toString(), "--out",
                results.toString(), "--config", conf);
        assertEquals(0, a.code(), a.err());
        Run s = cra("simulate", "--events", events.toString(), "--exposure", exposure.toString(), "--out",
                results.toString(), "--samples", "20", "--seed", "7", "--master", "local[1]", "--config", conf);
        assertEquals(0, s.code(), s.err());
        Run v = cra("validate", "--config", conf, "--results", results.toString(), "--skies", "100", "--amplitudes",
                "0.1,0.3", "--directions", "random", "--master", "local[1]");
        assertEquals(0, v.code(), v.err());
        Run l = cra("limits", "--results", results.toString(), "--master", "local[1]", "--quiet");
        assertEquals(0, l.code(), l.err());
        Run m = cra("model", "vela", "--results", results.toString(), "--quiet", "--config", conf, "--measured",
                Path.of(System.getProperty("cra.projectDir", ".")).resolve("conf/measured/electron-spectrum.csv")
                        .toString());
        assertEquals(0, m.code(), m.err());
    }

    @Test
    void writesEveryFigureAsPngAndSvgWithThePage() throws Exception {
        Path overlay = tmp.resolve("overlay.csv");
        Files.writeString(overlay, "energy_gev,ul,label\n100,0.05,test A\n1000,0.2,test A\n300,0.1,test B\n");
        Path catalog = tmp.resolve("catalog.csv");
        Files.writeString(catalog, "name,l_deg,b_deg\nsrc one,263.9,-3.3\nsrc two,10,20\n");
        Path out = tmp.resolve("report");
        Run r = cra("report", "--results", results.toString(), "--out", out.toString(), "--overlay", overlay.toString(),
                "--catalog", catalog.toString(), "--emin-events", "1000", "--published",
                Path.of(System.getProperty("cra.projectDir", ".")).resolve("conf/published/fermi-lat-2017-dipole-ul.csv")
                        .toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out.resolve("index.html"));
        List<String> stems = List.of("delta_threshold_corrected", "delta_threshold_uncorrected", "upper_limits",
                "binned_limits", "c2_c3_uncorrected", "c2_c3_corrected", "sky_counts", "sky_exposure",
                "sky_relative_intensity", "tev_events", "vela_model", "energy_spectrum", "validation_coverage",
                "validation_recovery", "validation_expected_limits", "validation_calibration", "validation_direction");
        for (String stem : stems) {
            Path png = out.resolve(stem + ".png");
            BufferedImage img = ImageIO.read(png.toFile());
            assertTrue(img != null && img.getWidth() > 100 && img.getHeight() > 100, stem);
            Path svg = out.resolve(stem + ".svg");
            String text = Files.readString(svg);
            assertTrue(text.startsWith("<?xml") || text.startsWith("<svg"), stem);
            assertFalse(text.contains("<!DOCTYPE"), "no external DTD");
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            var doc = xml.newDocumentBuilder().parse(svg.toFile());
            assertEquals("svg", doc.getDocumentElement().getNodeName(), stem);
            assertTrue(html.contains("<img src=\"" + stem + ".png\""), stem);
            assertTrue(html.contains("href=\"" + stem + ".svg\""), stem);
        }
        try (var files = Files.list(out)) {
            assertEquals(2 * stems.size() + 2, files.count(), "only the figures, index.html and queries.sql");
        }
        for (String h : Report.HEADINGS) {
            assertTrue(html.contains(">" + h + "</h2>"), h);
        }
        assertTrue(html.contains("Monte Carlo seed</td><td><code>7<"), "seed from the samples' footer");
        assertTrue(html.contains("Fermi-LAT 2017, 95 % CL (from"), "published limits named in the caption");
        assertTrue(html.contains("Isotropic samples</td><td><code>20<"));
        assertTrue(html.contains("Samples made from</td><td><code>spectrum gamma1 "), "how the samples were made");
        assertTrue(html.contains("Spectrum vs the data&#39;s energies</td><td><code>chi2 ")
                || html.contains("Spectrum vs the data's energies</td><td><code>chi2 "), "fit quality");
        assertTrue(html.contains("Events in the event file</td><td><code>10000<"));
        assertTrue(html.contains("bin-edges-gev"), "configuration");
        assertTrue(html.contains("test A (overlay)") || html.contains("overlay.csv"));
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"),
                "self-contained");
        String sql = Files.readString(out.resolve("queries.sql"));
        assertTrue(sql.contains("FROM parquet.`" + results + "/bands` WHERE kind = 'grid' AND corrected"), sql);
        assertTrue(sql.contains("WHERE kind = 'every_event' AND NOT corrected"), sql);
        assertTrue(html.contains("within 2 deg of a source"), "catalogue association count");
        // the Vela model of model/: its predictions on the figures, the excess over the measured total as a line
        assertTrue(html.contains("<p>Warning: the Vela flux exceeds the measured total ("), "excess line");
        assertTrue(html.contains("the flux-weighted mean of delta(E) over the selection"), "Vela caption");
        // the parameters in force (cra.model.vela of the configuration, D(E) and the losses included)
        assertTrue(html.contains("age 11.5 kyr, D = 1.30e+28 cm^2/s at 4.0 GV with slope 0.6 below and 0.33 above "
                + "300.0 GV (softness 0.2), losses b0 = 1.40e-16 GeV^-1 s^-1"), "Vela parameters in the caption");
        assertTrue(sql.contains("FROM parquet.`" + results + "/model` WHERE kind IN ('threshold', 'bin')"), sql);
    }

    @Test
    void everyQueryOfQueriesSqlRunsInSparkSql() throws Exception {
        Path out = tmp.resolve("report-sql");
        Run r = cra("report", "--results", results.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String sql = Files.readString(out.resolve("queries.sql"));
        List<String> statements = new java.util.ArrayList<>();
        for (String s : sql.split(";\n")) {
            String body = s.lines().filter(l -> !l.strip().startsWith("--")).collect(java.util.stream.Collectors.joining("\n"));
            if (!body.isBlank()) {
                statements.add(body.strip());
            }
        }
        assertTrue(statements.size() >= 15, statements.toString());
        var spark = org.cranisotropy.spark.SparkSessions.create("report-sql-test", "local[1]");
        try {
            for (String s : statements) {
                long rows = spark.sql(s).count();
                assertTrue(rows > 0 || s.startsWith("CREATE"), "no rows: " + s);
            }
        } finally {
            spark.stop();
        }
    }

    @Test
    void anEventAtASourceIsCountedAsAssociated() throws Exception {
        EventSample ev = EventSample.read(tmp.resolve("events.csv"));
        int top = 0;
        for (int i = 1; i < ev.size(); i++) {
            top = ev.energyGev(i) > ev.energyGev(top) ? i : top;
        }
        Path catalog = tmp.resolve("at-event.csv");
        // 1.5 deg in latitude from the highest-energy event (inside 2 deg), and one source far away
        double b = ev.bDeg(top) > 0 ? ev.bDeg(top) - 1.5 : ev.bDeg(top) + 1.5;
        double lFar = (ev.lDeg(top) + 180) % 360;
        Files.writeString(catalog, "name,l_deg,b_deg\nnear," + ev.lDeg(top) + "," + b + "\nfar," + lFar + ",0\n");
        Path out = tmp.resolve("report-assoc");
        Run r = cra("report", "--results", results.toString(), "--out", out.toString(), "--catalog", catalog.toString(),
                "--emin-events", Double.toString(ev.energyGev(top)));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out.resolve("index.html")).contains("1 of the 1 events lie within 2 deg"));
    }

    /** cra sql registers every complete table of a run, the Monte Carlo's samples/ included. */
    @Test
    void sqlSeesTheSamplesTable() {
        Run q = cra("sql", "--results", results.toString(),
                "SELECT count(DISTINCT sample_id) AS n, count(DISTINCT chunk) AS chunks FROM samples WHERE kind = 'standard'");
        assertEquals(0, q.code(), q.err());
        // 20 samples in chunks of ceil(20 / 8) = 3: seven chunks
        assertTrue(q.out().matches("(?s).*\\b20\\b.*\\b7\\b.*"), q.out());

        // a query the tables cannot answer is bad input on one line, naming the tables there are
        Run bad = cra("sql", "--results", results.toString(), "SELECT * FROM limitz");
        assertEquals(2, bad.code(), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("TABLE_OR_VIEW_NOT_FOUND") && bad.err().contains("limitz")
                && bad.err().contains("bands"), bad.err());
        Run missing = cra("sql", "--results", results.resolve("no-such-dir").toString(), "SELECT 1");
        assertEquals(2, missing.code(), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("no-such-dir: no such directory"), missing.err());
    }

    @Test
    void seedAndSampleCountAreAlsoInTheFooterOfBands() {
        Map<String, String> meta = org.cranisotropy.io.ParquetTableReader.read(results.resolve("bands")).metadata();
        assertEquals("7", meta.get("cra.seed"));
        assertEquals("20", meta.get("cra.samples"));
    }

    @Test
    void missingResultsDirectoryIsOneLineAndNoOutput() {
        Path out = tmp.resolve("no-report");
        Run r = cra("report", "--results", tmp.resolve("nothing").toString(), "--out", out.toString());
        assertEquals(Cra.EXIT_BAD_INPUT, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("nothing: no such results directory"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void missingTableIsNamedAndTheOldReportStays() throws Exception {
        Path copy = tmp.resolve("copy");
        for (String t : new String[] {"measured_thresholds", "measured_bins", "bands"}) {
            copyTree(results.resolve(t), copy.resolve(t));
        }
        Path out = tmp.resolve("old-report");
        Files.createDirectories(out);
        Files.writeString(out.resolve("index.html"), "old");
        Run r = cra("report", "--results", copy.toString(), "--out", out.toString());
        assertEquals(Cra.EXIT_BAD_INPUT, r.code());
        assertTrue(r.err().contains("limits: missing table (made by cra limits)"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("old", Files.readString(out.resolve("index.html")));
        try (var files = Files.list(tmp)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temporary directory left");
        }
    }

    @Test
    void badOverlayRowIsNamed() throws Exception {
        Path overlay = tmp.resolve("bad-overlay.csv");
        Files.writeString(overlay, "energy_gev,ul,label\n100,0.05,a\n200,-1,a\n");
        Path out = tmp.resolve("bad-overlay-report");
        Run r = cra("report", "--results", results.toString(), "--out", out.toString(), "--overlay", overlay.toString());
        assertEquals(Cra.EXIT_BAD_INPUT, r.code());
        assertTrue(r.err().contains("bad-overlay.csv, row 2: ul must be finite and > 0 (value -1)"), r.err());
        assertFalse(Files.exists(out));
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }
}
