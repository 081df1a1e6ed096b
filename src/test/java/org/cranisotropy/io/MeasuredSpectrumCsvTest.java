package org.cranisotropy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cranisotropy.Golden;
import org.cranisotropy.model.MeasuredSpectrum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasuredSpectrumCsvTest {
    @TempDir
    Path tmp;

    static final Path FILE = Path.of(System.getProperty("cra.projectDir", "."))
            .resolve("conf/measured/electron-spectrum.csv");

    /**
     * conf/measured/electron-spectrum.csv against H.E.S.S. 2024 table VIII (golden/hess2024_table8.csv). Each point's
     * error is, in quadrature, its printed error band (the side towards the model), half a unit in the flux's
     * last printed digit and the flux change from half a unit in the energy's last printed digit (index 3.25
     * below the 1.17 TeV break, 4.49 above): src/test/python/hess2024_normalisation.py, which fitted the
     * normalisation this way, gives chi2 = 7.1 for the 16 points. Every point lies within 2 errors, 14 within 1;
     * the upper limits at 24.8 and 39.2 TeV are respected. A normalisation 10 % off puts points beyond 2 errors.
     */
    @Test
    void reproducesHessTableEight() throws Exception {
        MeasuredSpectrum s = MeasuredSpectrumCsv.read(FILE);
        assertEquals(10.0, s.eminGev());
        assertEquals(1e5, s.emaxGev());
        List<double[]> points = new ArrayList<>();
        List<double[]> limits = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(Golden.file("hess2024_table8.csv"))) {
            in.lines().filter(l -> !l.startsWith("#") && !l.startsWith("e_tev")).forEach(l -> {
                String[] f = l.split(",", -1);
                int digits = f[0].contains(".") ? f[0].length() - f[0].indexOf('.') - 1 : 0;
                if (f[1].isEmpty()) {
                    limits.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[4])});
                } else {
                    points.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]),
                        Double.parseDouble(f[2]), Double.parseDouble(f[3]), digits});
                }
            });
        }
        assertEquals(16, points.size());
        assertEquals(2, limits.size());
        double[] scales = {1.0, 1.1, 0.9};
        for (double scale : scales) {
            int within1 = 0;
            int within2 = 0;
            double chi2 = 0;
            for (double[] p : points) {
                double r = residual(scale * tevFlux(s, p[0]), p);
                chi2 += r * r;
                within1 += Math.abs(r) <= 1 ? 1 : 0;
                within2 += Math.abs(r) <= 2 ? 1 : 0;
            }
            if (scale == 1.0) {
                assertEquals(7.07, chi2, 0.05);
                assertEquals(16, within2);
                assertEquals(14, within1);
            } else {
                assertTrue(within2 < 16, "a " + scale + " normalisation must fail: " + within2 + " within 2");
            }
        }
        for (double[] ul : limits) {
            assertTrue(tevFlux(s, ul[0]) < ul[1], "below the upper limit at " + ul[0] + " TeV");
        }
    }

    /** J in m^-2 s^-1 sr^-1 TeV^-1, as the table, at E in TeV. */
    private static double tevFlux(MeasuredSpectrum s, double eTev) {
        return s.intensity(1000 * eTev) * 1000;
    }

    /** (model - point) / error with the error of the class comment; p = {E, J, lo, hi, digits of E}. */
    private static double residual(double model, double[] p) {
        double e = p[0];
        double j = p[1];
        double halfFlux = 0.05 * Math.pow(10, Math.floor(Math.log10(j)));
        double halfE = 0.5 * Math.pow(10, -p[4]);
        double index = e < 1.17 ? 3.25 : 4.49;
        double fromE = j * index * halfE / e;
        double band = model > j ? p[3] - j : j - p[2];
        return (model - j) / Math.sqrt(band * band + halfFlux * halfFlux + fromE * fromE);
    }

    /** The two rows meet at 300 GeV, where the low-energy power law of index 3.1 takes over. */
    @Test
    void lowEnergyRowIsAPowerLawJoinedAt300Gev() {
        MeasuredSpectrum s = MeasuredSpectrumCsv.read(FILE);
        assertEquals(2, s.segments().size());
        assertEquals(-3.1, Math.log(s.intensity(200) / s.intensity(20)) / Math.log(10), 1e-12);
        assertEquals(1.0, s.intensity(300 * (1 - 1e-12)) / s.intensity(300), 1e-4);
        assertEquals(212.5, s.e3j(100), 0.1);
        assertEquals(127.41, s.e3j(1000), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> s.intensity(5));
        assertThrows(IllegalArgumentException.class, () -> s.intensity(2e5));
    }

    private static final String HEADER = "# test\nemin_gev,emax_gev,e3j,e_ref_gev,index,index_high,break_gev,sharpness\n";

    private String refused(String rows) throws Exception {
        Path f = tmp.resolve("spectrum.csv");
        Files.writeString(f, HEADER + rows);
        BadInputException e = assertThrows(BadInputException.class, () -> MeasuredSpectrumCsv.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        return e.getMessage();
    }

    /** Each bad value: one message naming the file, the data row and the value. */
    @Test
    void badInputNamesFileRowAndValue() throws Exception {
        String ok = "10,300,190.37,300,3.1,,,\n";
        assertTrue(refused(ok + "300,1e5,abc,1000,3.25,4.49,1170,0.21\n").contains(", row 2: e3j is not a number "
                + "(value abc)"));
        assertTrue(refused(ok + "300,1e5,127.41,1000,3.25,4.49,1170,-0.21\n").contains(", row 2: sharpness must be "
                + "finite and > 0 (value -0.21)"));
        assertTrue(refused("10,5,190.37,300,3.1,,,\n").contains(", row 1: emax_gev must be above emin_gev (10) "
                + "(value 5)"));
        assertTrue(refused(ok + "400,1e5,127.41,1000,3.25,4.49,1170,0.21\n").contains(", row 2: emin_gev must equal "
                + "the previous row's emax_gev (300): the segments must be contiguous (value 400)"));
        String jump = refused(ok + "300,1e5,150,1000,3.25,4.49,1170,0.21\n");
        assertTrue(jump.contains(", row 2: J jumps by +17.73 % at 300 GeV from the previous row") && jump.endsWith(
                "(value 150)"), jump);
        assertTrue(refused(ok + "300,1e5,127.41,1000,3.25,3.0,1170,0.21\n").contains(", row 2: index_high must be "
                + ">= index (3.25) (value 3.0)"));
        assertTrue(refused(ok + "300,1e5,127.41,1000,3.25,4.49,,0.21\n").contains(", row 2: break_gev is not a number "
                + "(value empty)"));
        assertTrue(refused("10,300,190.37,300\n").contains(", row 1: expected 8 fields"));
        assertTrue(refused("").contains("no spectrum segment"));
        Path f = tmp.resolve("header.csv");
        Files.writeString(f, "emin_gev,emax_gev,e3j\n10,300,190\n");
        assertTrue(assertThrows(BadInputException.class, () -> MeasuredSpectrumCsv.read(f)).getMessage()
                .contains("missing e_ref_gev"));
        assertTrue(assertThrows(BadInputException.class, () -> MeasuredSpectrumCsv.read(tmp.resolve("none.csv")))
                .getMessage().contains("no such measured-spectrum file"));
    }
}
