package org.cranisotropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cranisotropy.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cra alm / cra map command lines: output contract, exit codes, one-line errors. */
class AlmCommandTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cra.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonOfAHealpyFitsMapHasTheContractKeysAndHealpyValues() throws Exception {
        Run r = run("alm", "--map", Golden.file("dipole16_ring.fits").toString(), "--lmax", "3", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(16, j.get("nside").asInt());
        assertEquals(3, j.get("lmax").asInt());
        assertEquals(0, j.get("iter").asInt());
        assertEquals(4, j.get("cl").size());
        assertEquals(10, j.get("alm").size());
        JsonNode ref = Golden.json("alm_golden.json").get("fixtures").get("ring64");
        for (int l = 0; l <= 3; l++) {
            double c = ref.get("cl").get(l).asDouble();
            assertEquals(c, j.get("cl").get(l).asDouble(), 1e-9 * c);
        }
        double delta = 3 * Math.sqrt(ref.get("cl").get(1).asDouble() / ref.get("cl").get(0).asDouble());
        assertEquals(delta, j.get("delta").asDouble(), 1e-9 * delta);
        // the test map's dipole (amplitude 0.8) points to Vela
        assertEquals(263.9, j.get("dipole").get("l_deg").asDouble(), 0.5);
        assertEquals(-3.3, j.get("dipole").get("b_deg").asDouble(), 0.5);
    }

    @Test
    void eventsInIcrsAndGalacticGiveTheSameAnalysis() throws Exception {
        Path gal = tmp.resolve("gal.csv");
        Path icrs = tmp.resolve("icrs.csv");
        StringBuilder g = new StringBuilder("l_deg,b_deg,weight\n");
        StringBuilder e = new StringBuilder("ra_deg,dec_deg,weight\n");
        for (int k = 0; k < 14; k++) {
            double l = ((37 * k * k + 11 * k) % 360) + 0.5;
            double b = -80.0 + ((53 * k) % 161) + 0.25;
            double[] radec = org.cranisotropy.sky.GalacticFrame.toIcrs(l, b);
            g.append(l).append(',').append(b).append(",1\n");
            e.append(radec[0]).append(',').append(radec[1]).append(",1\n");
        }
        Files.writeString(gal, g);
        Files.writeString(icrs, e);
        Run a = run("alm", "--events", gal.toString(), "--nside", "64", "--lmax", "3", "--json");
        Run b = run("alm", "--events", icrs.toString(), "--nside", "64", "--lmax", "3", "--json");
        assertEquals(0, a.code(), a.err());
        JsonNode ja = new ObjectMapper().readTree(a.out());
        JsonNode jb = new ObjectMapper().readTree(b.out());
        // the 14-event map of golden_maps.py: C_l equal to healpy's anafast of that map
        JsonNode ref = null;
        for (JsonNode c : Golden.json("alm_golden.json").get("cases")) {
            if (c.get("map").asText().equals("sparse14") && c.get("nside").asInt() == 64
                    && c.get("lmax").asInt() == 3 && c.get("iter").asInt() == 0) {
                ref = c;
            }
        }
        for (int l = 0; l <= 3; l++) {
            double c = ref.get("cl").get(l).asDouble();
            assertEquals(c, ja.get("cl").get(l).asDouble(), 1e-9 * c);
            assertEquals(c, jb.get("cl").get(l).asDouble(), 1e-9 * c);
        }
    }

    @Test
    void almThenMapThenAlmRoundTrips() throws Exception {
        Run a = run("alm", "--map", Golden.file("dipole16_ring.fits").toString(), "--lmax", "4", "--iter", "3",
                "--json");
        Path almFile = tmp.resolve("alm.json");
        Files.writeString(almFile, a.out());
        Path mapFile = tmp.resolve("smooth.fits");
        Run m = run("map", "--alm", almFile.toString(), "--nside", "16", "--out", mapFile.toString());
        assertEquals(0, m.code(), m.err());
        Run b = run("alm", "--map", mapFile.toString(), "--lmax", "4", "--iter", "3", "--json");
        JsonNode ja = new ObjectMapper().readTree(a.out());
        JsonNode jb = new ObjectMapper().readTree(b.out());
        // a map band-limited at l = 4 is not exactly band-limited on the HEALPix grid: compare to C_0
        double c0 = ja.get("cl").get(0).asDouble();
        for (int l = 0; l <= 4; l++) {
            assertEquals(ja.get("cl").get(l).asDouble(), jb.get("cl").get(l).asDouble(), 1e-9 * c0);
        }
    }

    @Test
    void badInputExitsWithTwoAndOneLineNamingRowAndValue() throws Exception {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "l_deg,b_deg\n10,20\n30,95.5\n");
        Run r = run("alm", "--events", bad.toString(), "--nside", "16", "--lmax", "3");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("row 2") && r.err().contains("95.5"), r.err());

        r = run("alm", "--map", tmp.resolve("missing.fits").toString(), "--lmax", "3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("missing.fits"), r.err());

        r = run("alm", "--events", bad.toString(), "--lmax", "3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--nside"), r.err());

        // option values picocli cannot convert: also one line, exit 2
        r = run("limit", "--method", "lr", "--c1", "abc", "--cn", "1");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("abc"), r.err());
    }

    @Test
    void helpOnEverySubcommand() {
        for (String sub : new String[] {"alm", "map", "limit"}) {
            Run r = run(sub, "--help");
            assertEquals(0, r.code(), sub);
            assertTrue(r.out().contains("Usage: cra " + sub), r.out());
        }
    }
}
