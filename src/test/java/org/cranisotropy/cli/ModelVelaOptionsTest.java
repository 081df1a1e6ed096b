package org.cranisotropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cranisotropy.analysis.AnalysisFixtures;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.io.ExposureFiles;
import org.cranisotropy.io.MeasuredSpectrumCsv;
import org.cranisotropy.io.ParquetTable;
import org.cranisotropy.io.ParquetTableReader;
import org.cranisotropy.model.MeasuredSpectrum;
import org.cranisotropy.model.VelaDipole;
import org.cranisotropy.model.VelaParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cra model vela: its JSON contract, the source options, the warning where Vela exceeds the measured total, bad
 * input, and the predictions for a run's thresholds and bins (--results). delta = delta_source * share with
 * share = min(1, J_Vela / J_measured): W scales J_Vela and nothing else, so where the share is below 1 doubling
 * W doubles it; delta_source = 3 D/c |grad f|/f depends on D, r, the ages and not on W.
 */
class ModelVelaOptionsTest {
    @TempDir
    static Path tmp;
    static Path results;

    static String projectFile(String name) {
        return Path.of(System.getProperty("cra.projectDir", ".")).resolve(name).toString();
    }

    /** A small analysed data set (cra analyze, demo configuration), for --results. */
    @BeforeAll
    static void analysed() throws Exception {
        ExposureCube cube = AnalysisFixtures.bandExposure(16);
        Path exposure = ExposureFiles.write(cube, tmp);
        EventSample ev = AnalysisFixtures.events(cube, 20000, 0.0, 3);
        StringBuilder csv = new StringBuilder("energy_gev,l_deg,b_deg,event_class\n");
        for (int i = 0; i < ev.size(); i++) {
            csv.append(ev.energyGev(i)).append(',').append(ev.lDeg(i)).append(',').append(ev.bDeg(i)).append(',')
                    .append(ev.eventClass(i)).append('\n');
        }
        Path events = tmp.resolve("events.csv");
        Files.writeString(events, csv);
        results = tmp.resolve("results");
        AlmCommandTest.Run r = AlmCommandTest.run("analyze", "--events", events.toString(), "--exposure",
                exposure.toString(), "--out", results.toString(), "--config", projectFile("conf/demo.conf"));
        assertEquals(0, r.code(), r.err());
    }

    private static AlmCommandTest.Run model(String... extra) {
        String[] base = {"model", "vela", "--emin", "100", "--emax", "10000", "--points", "9", "--json", "--measured",
            projectFile("conf/measured/electron-spectrum.csv")};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return AlmCommandTest.run(args);
    }

    private static JsonNode json(String... extra) throws Exception {
        AlmCommandTest.Run r = model(extra);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    /** The contract: parameters (ICRC 2019 by default) and points with the documented keys. */
    @Test
    void jsonHasTheContractKeysAndTheIcrc2019Defaults() throws Exception {
        JsonNode o = json();
        JsonNode p = o.get("parameters");
        assertEquals(2.32, p.get("index").asDouble());
        assertEquals(1e5, p.get("cutoff_gev").asDouble());
        assertEquals(5.0, p.get("emission_kyr").asDouble());
        assertEquals(2.5e47, p.get("energy_erg").asDouble());
        assertEquals(0.29, p.get("distance_kpc").asDouble());
        assertEquals(11.0, p.get("age_kyr").asDouble());
        JsonNode points = o.get("points");
        assertEquals(9, points.size());
        for (JsonNode q : points) {
            for (String k : new String[] {"e_gev", "delta_source", "share", "delta", "e3j_vela", "e3j_measured"}) {
                assertTrue(q.has(k), k + " in " + q);
            }
            assertEquals(q.get("delta_source").asDouble() * q.get("share").asDouble(), q.get("delta").asDouble(), 1e-15);
            assertEquals(Math.min(1, q.get("e3j_vela").asDouble() / q.get("e3j_measured").asDouble()),
                    q.get("share").asDouble(), 1e-12);
        }
        // 1 TeV (the 5th point of 100 .. 10000 GeV): E^3 J of H.E.S.S.'s row, 127.41
        assertEquals(1000.0, points.get(4).get("e_gev").asDouble(), 1e-9);
        assertEquals(127.41, points.get(4).get("e3j_measured").asDouble(), 1e-9);
        // explicit defaults = no options; --emission-kyr 0 is the burst
        JsonNode explicit = json("--index", "2.32", "--cutoff-gev", "1e5", "--emission-kyr", "5", "--energy-erg",
                "2.5e47", "--distance-kpc", "0.29", "--age-kyr", "11");
        assertEquals(o.get("points").toString(), explicit.get("points").toString());
        JsonNode burst = json("--emission-kyr", "0");
        assertEquals(0.0, burst.get("parameters").get("emission_kyr").asDouble());
        MeasuredSpectrum m = MeasuredSpectrumCsv.read(Path.of(projectFile("conf/measured/electron-spectrum.csv")));
        VelaDipole.Point b = new VelaDipole(VelaParameters.ICRC_2019.burst().source(), m).at(1000);
        assertEquals(b.delta(), burst.get("points").get(4).get("delta").asDouble(), 1e-15);
    }

    @Test
    void doublingWDoublesTheShareWhereItIsBelowOne() throws Exception {
        JsonNode a = json("--energy-erg", "1e45");
        JsonNode b = json("--energy-erg", "2e45");
        for (int i = 0; i < a.get("points").size(); i++) {
            JsonNode p = a.get("points").get(i);
            JsonNode q = b.get("points").get(i);
            assertTrue(p.get("share").asDouble() < 0.5);
            assertEquals(2 * p.get("share").asDouble(), q.get("share").asDouble(), 1e-9 * q.get("share").asDouble());
            assertEquals(p.get("delta_source").asDouble(), q.get("delta_source").asDouble(),
                    1e-12 * p.get("delta_source").asDouble());
        }
        // a softer injection with the same W above 1 GeV puts fewer particles at TeV energies
        JsonNode soft = json("--index", "2.7", "--energy-erg", "1e45");
        int last = a.get("points").size() - 1;
        assertTrue(soft.get("points").get(last).get("share").asDouble() < a.get("points").get(last).get("share")
                .asDouble());
    }

    /**
     * ICRC 2019's Vela exceeds the measured total above ~3.4 TeV: a warning on stderr says where and by how much,
     * the JSON carries it; a 100 times weaker source gives none.
     */
    @Test
    void warnsWhereVelaExceedsTheMeasuredTotal() throws Exception {
        AlmCommandTest.Run r = model();
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("cra model vela: warning: the Vela flux exceeds the measured total ("), r.err());
        assertTrue(r.err().contains("electron-spectrum.csv) from 3.43 TeV to ") && r.err().contains("by up to a factor 15"),
                r.err());
        JsonNode x = new ObjectMapper().readTree(r.out()).get("excess");
        assertEquals(3427, x.get("from_gev").asDouble(), 5, x.toString());
        assertEquals(15.0, x.get("max_ratio").asDouble(), 0.5);
        AlmCommandTest.Run weak = model("--energy-erg", "2.5e45");
        assertEquals(0, weak.code(), weak.err());
        assertEquals("", weak.err());
        assertTrue(new ObjectMapper().readTree(weak.out()).get("excess").isNull());
    }

    @Test
    void badValuesExitWithTwo() throws Exception {
        for (String[] a : new String[][] {{"--energy-erg", "-1"}, {"--cutoff-gev", "0.5"}, {"--index", "NaN"},
            {"--b-deg", "95"}, {"--emission-kyr", "12"}, {"--emission-kyr", "-1"}, {"--emax", "2e5"}}) {
            AlmCommandTest.Run r = AlmCommandTest.run("model", "vela", "--measured",
                    projectFile("conf/measured/electron-spectrum.csv"), a[0], a[1]);
            assertEquals(2, r.code(), a[0]);
            assertTrue(r.err().contains(a[0]), r.err());
        }
        // a bad measured-spectrum file: one line naming the file, the row and the value
        Path bad = tmp.resolve("bad-spectrum.csv");
        Files.writeString(bad, "emin_gev,emax_gev,e3j,e_ref_gev,index,index_high,break_gev,sharpness\n"
                + "10,300,190.37,300,3.1,,,\n300,1e5,127.41,1000,3.25,4.49,1170,zero\n");
        AlmCommandTest.Run r = AlmCommandTest.run("model", "vela", "--measured", bad.toString());
        assertEquals(2, r.code());
        assertEquals("cra vela: error: " + bad + ", row 2: sharpness is not a number (value zero)", r.err().strip());
        assertEquals("", r.out());
    }

    /**
     * --results: model/ holds a prediction for every corrected standard and grid threshold and bin of the run, the
     * per-energy curve, and its footer the parameters; delta_pred equals the flux-weighted mean of delta(E) of the
     * model computed here by a plain trapezoid in ln E over the run's range (threshold to the exposure's top, 20 TeV).
     */
    @Test
    void writesThePredictionsForTheRunsThresholdsAndBins() throws Exception {
        AlmCommandTest.Run r = model("--results", results.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode pred = new ObjectMapper().readTree(r.out()).get("predictions");
        ParquetTable m = ParquetTableReader.read(results.resolve("model"));
        ParquetTable measured = ParquetTableReader.read(results.resolve("measured_thresholds"));
        for (String c : new String[] {"kind", "scan", "threshold_gev", "emin_gev", "emax_gev", "delta_pred",
            "delta_pred_counts", "share", "vela_over_measured_max", "delta_source", "e3j_vela", "e3j_measured"}) {
            assertTrue(m.has(c), c);
        }
        String[] kind = m.text("kind");
        String[] scan = m.text("scan");
        long standard = java.util.Arrays.stream(scan).filter("standard"::equals).count();
        long grid = java.util.Arrays.stream(scan).filter("grid"::equals).count();
        long bins = java.util.Arrays.stream(kind).filter("bin"::equals).count();
        assertEquals(5, standard);
        assertEquals(java.util.Arrays.stream(measured.text("kind")).filter("grid"::equals).count() / 2, grid);
        assertEquals(8, bins);
        assertEquals(standard + grid + bins, pred.size());
        assertEquals(VelaPredictions.CURVE_POINTS, java.util.Arrays.stream(kind).filter("energy"::equals).count());
        assertTrue(m.metadata().get("cra.model").contains("\"emission_kyr\":5.0"), m.metadata().toString());
        assertTrue(m.metadata().get("cra.model_excess").startsWith("the Vela flux exceeds"));
        assertEquals(results.toString(), m.metadata().get("cra.results"));

        MeasuredSpectrum total = MeasuredSpectrumCsv.read(Path.of(projectFile("conf/measured/electron-spectrum.csv")));
        VelaDipole v = new VelaDipole(VelaParameters.ICRC_2019.source(), total);
        double[] th = m.numeric("threshold_gev");
        double[] lo = m.numeric("emin_gev");
        double[] hi = m.numeric("emax_gev");
        double[] d = m.numeric("delta_pred");
        double[] counts = m.numeric("delta_pred_counts");
        int checked = 0;
        for (int i = 0; i < m.rows(); i++) {
            if (scan[i].equals("standard") || kind[i].equals("bin")) {
                assertEquals(kind[i].equals("bin") ? Double.NaN : lo[i], th[i]);
                assertEquals(kind[i].equals("bin") ? hi[i] : 20000.0, hi[i], 1e-9);
                assertEquals(trapezoid(v, lo[i], hi[i]), d[i], 2e-3 * d[i], scan[i] + " " + lo[i]);
                // the class selection adds classes C, D at 475.5 GeV: the count weighting leans above it
                if (lo[i] < 400 && hi[i] > 600) {
                    assertTrue(counts[i] > 1.05 * d[i], "counts " + counts[i] + " vs " + d[i]);
                }
                checked++;
            }
        }
        assertEquals(13, checked);
        // the standard thresholds: rising from ~8e-4 at 125 GeV to ~0.09 at 2 TeV
        for (JsonNode p : pred) {
            if (p.get("scan").asText().equals("standard") && p.get("threshold_gev").asDouble() == 125.0) {
                assertEquals(8.0e-4, p.get("delta_pred").asDouble(), 0.5e-4);
            }
        }
        // the report's energy curve
        for (int i = 0; i < m.rows(); i++) {
            if (kind[i].equals("energy")) {
                assertEquals(v.at(lo[i]).delta(), d[i], 1e-12);
            }
        }
        assertFalse(r.err().contains("error"), r.err());
    }

    /**
     * cra.model.vela of --config gives the parameters (also those no option sets: D(E)) of the JSON, the points and
     * model/ with its footer; an option given overrides its key and leaves the others as configured.
     */
    @Test
    void theConfigurationSetsTheParametersAndAnOptionOverridesIt() throws Exception {
        Path conf = tmp.resolve("vela.conf");
        Files.writeString(conf, "cra.model.vela { index = 2.5, emission-kyr = 0, diffusion.d0-cm2-per-s = 2.6e28 }\n");
        MeasuredSpectrum total = MeasuredSpectrumCsv.read(Path.of(projectFile("conf/measured/electron-spectrum.csv")));
        VelaParameters configured = new VelaParameters(2.5, 1e5, 0, 2.5e47, 0.29, 11, 263.9, -3.3,
                new org.cranisotropy.model.DiffusionCoefficient(2.6e28, 4, 300, 0.6, 0.33, 0.2),
                org.cranisotropy.model.EnergyLoss.DEFAULT);
        VelaDipole v = new VelaDipole(configured.source(), total);
        VelaDipole icrc = new VelaDipole(VelaParameters.ICRC_2019.source(), total);

        JsonNode c = json("--config", conf.toString());
        JsonNode p = c.get("parameters");
        assertEquals(2.5, p.get("index").asDouble());
        assertEquals(0.0, p.get("emission_kyr").asDouble());
        assertEquals(11.0, p.get("age_kyr").asDouble());
        assertEquals(2.6e28, p.get("diffusion").get("d0_cm2_per_s").asDouble());
        assertEquals(0.33, p.get("diffusion").get("delta_high").asDouble());
        JsonNode at1TeV = c.get("points").get(4);
        assertEquals(v.at(1000).delta(), at1TeV.get("delta").asDouble(), 1e-15);
        assertTrue(Math.abs(at1TeV.get("delta").asDouble() - icrc.at(1000).delta()) > 0.1 * icrc.at(1000).delta());

        // an option overrides its key; the other keys stay as configured
        JsonNode o = json("--config", conf.toString(), "--index", "2.4");
        assertEquals(2.4, o.get("parameters").get("index").asDouble());
        assertEquals(0.0, o.get("parameters").get("emission_kyr").asDouble());
        assertEquals(2.6e28, o.get("parameters").get("diffusion").get("d0_cm2_per_s").asDouble());
        VelaParameters overridden = new VelaParameters(2.4, 1e5, 0, 2.5e47, 0.29, 11, 263.9, -3.3,
                configured.diffusion(), configured.loss());
        assertEquals(new VelaDipole(overridden.source(), total).at(1000).delta(),
                o.get("points").get(4).get("delta").asDouble(), 1e-15);

        // model/: the configured model's predictions, and the parameters in force in the footer
        AlmCommandTest.Run r = model("--config", conf.toString(), "--results", results.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        ParquetTable m = ParquetTableReader.read(results.resolve("model"));
        String recorded = m.metadata().get("cra.model");
        assertTrue(recorded.contains("\"index\":2.5") && recorded.contains("\"emission_kyr\":0.0")
                && recorded.contains("\"d0_cm2_per_s\":2.6E28"), recorded);
        assertTrue(m.metadata().get("cra.config").contains("2.6e+28") || m.metadata().get("cra.config")
                .contains("2.6E28"), m.metadata().get("cra.config"));
        String[] scan = m.text("scan");
        double[] lo = m.numeric("emin_gev");
        double[] hi = m.numeric("emax_gev");
        double[] d = m.numeric("delta_pred");
        int checked = 0;
        int differ = 0;
        for (int i = 0; i < m.rows(); i++) {
            if (scan[i].equals("standard")) {
                assertEquals(trapezoid(v, lo[i], hi[i]), d[i], 2e-3 * d[i], "standard " + lo[i]);
                double defaults = trapezoid(icrc, lo[i], hi[i]);
                differ += Math.abs(d[i] - defaults) > 0.05 * defaults ? 1 : 0;
                checked++;
            }
        }
        assertEquals(5, checked);
        assertTrue(differ >= 3, differ + " of the standard thresholds differ from ICRC 2019's by more than 5 %");
    }

    /** An unknown key under cra.model.vela, the old key of the spectrum and a bad value: one line, exit 2. */
    @Test
    void badModelConfigurationsAreOneLineErrors() throws Exception {
        String[][] cases = {
            {"cra.model.vela.indx = 2.5", "unknown key cra.model.vela.indx (did you mean cra.model.vela.index?)"},
            {"cra.model.vela.diffusion.d0 = 1e28", "unknown key cra.model.vela.diffusion.d0"},
            {"cra.run.measured-spectrum = \"x.csv\"", "cra.run.measured-spectrum is now "
                    + "cra.model.vela.measured-spectrum"},
            {"cra.model.vela.emission-kyr = 12", "configuration cra.model.vela: emission time must be in [0, age"},
            {"cra.model.vela.diffusion.softness = 0", "configuration cra.model.vela: diffusion: "}};
        for (int k = 0; k < cases.length; k++) {
            Path f = tmp.resolve("bad-vela-" + k + ".conf");
            Files.writeString(f, cases[k][0] + "\n");
            AlmCommandTest.Run r = AlmCommandTest.run("model", "vela", "--config", f.toString(), "--json");
            assertEquals(2, r.code(), cases[k][0] + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("cra vela: error: " + f + ": ") && r.err().contains(cases[k][1]), r.err());
            assertEquals("", r.out());
        }
        // a command-line value that contradicts the configuration names both where they come from
        Path f = tmp.resolve("short.conf");
        Files.writeString(f, "cra.model.vela.emission-kyr = 4\n");
        AlmCommandTest.Run r = AlmCommandTest.run("model", "vela", "--config", f.toString(), "--age-kyr", "3");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("cra.model.vela.emission-kyr must be in [0, --age-kyr = 3.0], got 4.0"), r.err());
    }

    /** int J delta / int J over [a, b], trapezoid on 300 steps in ln E (J E delta and J E as integrands). */
    private static double trapezoid(VelaDipole v, double a, double b) {
        int n = 300;
        double num = 0;
        double den = 0;
        for (int k = 0; k <= n; k++) {
            double e = Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * k / n);
            VelaDipole.Point p = v.at(e);
            double w = (k == 0 || k == n ? 0.5 : 1.0) * p.measuredIntensity() * e;
            num += w * p.delta();
            den += w;
        }
        return num / den;
    }
}
