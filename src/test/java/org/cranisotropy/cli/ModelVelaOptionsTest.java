package org.cranisotropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * cra model vela's source options. delta = delta_source * share with share = x / (1 + x), x = J_Vela / J_bg:
 * W scales J_Vela (x) and nothing else, so doubling W turns share into 2x / (1 + 2x): delta doubles where the
 * background dominates (x &lt;&lt; 1) and stays put where the source does (x &gt;&gt; 1). delta_source = 3 D/c 2r/r_diff^2
 * depends on D, r and t only, not on W, gamma or Ecut.
 */
class ModelVelaOptionsTest {
    private static JsonNode run(String... extra) throws Exception {
        String[] base = {"model", "vela", "--emin", "100", "--emax", "10000", "--points", "9", "--json"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        AlmCommandTest.Run r = AlmCommandTest.run(args);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void doublingWScalesTheShareAsTheSourceFluxDoubles() throws Exception {
        for (String w : new String[] {"1e45", "2.5e47", "1e51"}) {
            JsonNode a = run("--energy-erg", w);
            JsonNode b = run("--energy-erg", Double.toString(2 * Double.parseDouble(w)));
            for (int i = 0; i < a.size(); i++) {
                double s1 = a.get(i).get("share").asDouble();
                double x = s1 / (1 - s1);
                double want = 2 * x / (1 + 2 * x);
                assertEquals(want, b.get(i).get("share").asDouble(), 1e-9 * want + 1e-300, "W " + w + " point " + i);
                assertEquals(a.get(i).get("delta_source").asDouble(), b.get(i).get("delta_source").asDouble(),
                        1e-12 * a.get(i).get("delta_source").asDouble());
            }
        }
        // regimes: background-dominated (W = 1e43): delta doubles; source-dominated (W = 1e51): delta unchanged
        JsonNode lo1 = run("--energy-erg", "1e43");
        JsonNode lo2 = run("--energy-erg", "2e43");
        JsonNode hi1 = run("--energy-erg", "1e51");
        JsonNode hi2 = run("--energy-erg", "2e51");
        int tev = 6; // 100 * 10^(6/4) GeV = 3.16 TeV
        assertEquals(2.0, lo2.get(tev).get("delta").asDouble() / lo1.get(tev).get("delta").asDouble(), 2e-3);
        assertTrue(hi1.get(tev).get("share").asDouble() > 0.99, hi1.get(tev).toString());
        assertEquals(1.0, hi2.get(tev).get("delta").asDouble() / hi1.get(tev).get("delta").asDouble(), 1e-2);
    }

    @Test
    void indexAndCutOffChangeTheShareNotTheSourceDipole() throws Exception {
        JsonNode ref = run();
        JsonNode soft = run("--gamma", "2.5");
        JsonNode lowCut = run("--ecut-gev", "1000");
        int last = ref.size() - 1; // 10 TeV
        for (int i = 0; i <= last; i++) {
            assertEquals(ref.get(i).get("delta_source").asDouble(), soft.get(i).get("delta_source").asDouble(),
                    1e-12 * ref.get(i).get("delta_source").asDouble());
        }
        // a softer spectrum with the same W above 1 GeV puts fewer particles at TeV energies
        assertTrue(soft.get(last).get("share").asDouble() < ref.get(last).get("share").asDouble());
        // a 1 TeV cut-off removes most of the 10 TeV particles (E0 > E: more than exp(-10))
        assertTrue(lowCut.get(last).get("share").asDouble() < 1e-3 * ref.get(last).get("share").asDouble());
        // and the defaults are those of the seeds: no options = the documented defaults
        JsonNode explicit = run("--energy-erg", "2.5e47", "--gamma", "2", "--ecut-gev", "10000", "--distance-kpc", "0.29",
                "--age-kyr", "11");
        assertEquals(ref.toString(), explicit.toString());
    }

    @Test
    void badValuesExitWithTwo() {
        for (String[] a : new String[][] {{"--energy-erg", "-1"}, {"--ecut-gev", "0.5"}, {"--gamma", "NaN"},
            {"--b-deg", "95"}}) {
            AlmCommandTest.Run r = AlmCommandTest.run("model", "vela", a[0], a[1]);
            assertEquals(2, r.code(), a[0]);
            assertTrue(r.err().contains(a[0]), r.err());
        }
    }
}
