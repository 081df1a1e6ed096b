package org.cranisotropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.cranisotropy.Golden;
import org.junit.jupiter.api.Test;

/** The cra limit command line: JSON contract, text output, exit codes, one-line errors. */
class LimitCommandTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cra.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static JsonNode json(Run r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    static List<String> keys(JsonNode j) {
        List<String> k = new ArrayList<>();
        j.fieldNames().forEachRemaining(k::add);
        return k;
    }

    static JsonNode golden(String section, String field, Object... values) {
        for (JsonNode c : Golden.json("limits_golden.json").get(section)) {
            boolean match = true;
            for (int i = 0; i < values.length; i += 2) {
                JsonNode v = c.get((String) values[i]);
                match &= values[i + 1] instanceof String s ? v.asText().equals(s)
                        : v.asDouble() == ((Number) values[i + 1]).doubleValue();
            }
            if (match) {
                return c.get(field);
            }
        }
        throw new IllegalStateException("no golden case " + List.of(values));
    }

    @Test
    void helpIsFormattedWithoutWarnings() {
        // picocli reports a description it cannot format on System.err, not on the command's streams
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        Run r;
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            r = run("limit", "--help");
        } finally {
            System.setErr(stderr);
        }
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("399 C_N at 95 % CL"), r.out());
        assertEquals("", captured.toString() + r.err());
    }

    @Test
    void fermi2010Json() throws Exception {
        JsonNode g = Golden.json("limits_golden.json").get("fermi2010").get(5);
        double dm = g.get("delta_meas").asDouble();
        JsonNode j = json(run("limit", "--method", "fermi2010", "--delta-meas", Double.toString(dm), "--json"));
        assertEquals(List.of("method", "delta_meas", "cl", "ul_delta"), keys(j));
        assertEquals("fermi2010", j.get("method").asText());
        assertEquals(0.95, j.get("cl").asDouble());
        double ul = g.get("ul_delta").asDouble();
        assertEquals(ul, j.get("ul_delta").asDouble(), 1e-12 * ul);

        j = json(run("limit", "--method", "fermi2010", "--delta-meas", "0.01", "--cl", "0.99", "--json"));
        double ul99 = golden("fermi2010", "ul_delta", "cl", 0.99).asDouble()
                / golden("fermi2010", "delta_meas", "cl", 0.99).asDouble() * 0.01;
        assertEquals(ul99, j.get("ul_delta").asDouble(), 1e-12 * ul99);
    }

    @Test
    void lrJson() throws Exception {
        double cn = 3.0;
        double c1 = 5.0 * cn;
        JsonNode j = json(run("limit", "--method", "lr", "--c1", Double.toString(c1), "--cn", "3.0", "--json"));
        assertEquals(List.of("method", "c1", "cn", "threshold", "ul_c1ani", "ul_delta"), keys(j));
        assertEquals("lr", j.get("method").asText());
        assertEquals(3.841, j.get("threshold").asDouble());
        double ul = golden("lr", "ul_c1ani", "c1", c1, "cn", cn, "threshold", 3.841).asDouble();
        double ud = golden("lr", "ul_delta", "c1", c1, "cn", cn, "threshold", 3.841).asDouble();
        assertEquals(ul, j.get("ul_c1ani").asDouble(), 1e-12 * ul);
        assertEquals(ud, j.get("ul_delta").asDouble(), 1e-12 * ud);

        j = json(run("limit", "--method", "LR", "--c1", Double.toString(c1), "--cn", "3", "--threshold", "2.706",
                "--json"));
        ul = golden("lr", "ul_c1ani", "c1", c1, "cn", cn, "threshold", 2.706).asDouble();
        assertEquals(ul, j.get("ul_c1ani").asDouble(), 1e-12 * ul);
    }

    @Test
    void bayesJsonWithBothPriors() throws Exception {
        double cn = 1e-4;
        double c1 = 0.5 * cn;
        for (String prior : new String[] {"flat-c1", "flat-delta"}) {
            List<String> args = new ArrayList<>(List.of("limit", "--method", "bayes", "--c1", Double.toString(c1),
                    "--cn", "1e-4", "--json"));
            if (prior.equals("flat-delta")) {
                args.add("--prior=flat-delta");
            }
            JsonNode j = json(run(args.toArray(String[]::new)));
            assertEquals(List.of("method", "prior", "c1", "cn", "cl", "ul_c1ani", "ul_delta"), keys(j));
            assertEquals("bayes", j.get("method").asText());
            assertEquals(prior, j.get("prior").asText());
            double ul = golden("bayes", "ul_c1ani", "c1", c1, "cn", cn, "prior", prior).asDouble();
            double ud = golden("bayes", "ul_delta", "c1", c1, "cn", cn, "prior", prior).asDouble();
            assertEquals(ul, j.get("ul_c1ani").asDouble(), 1e-10 * ul, prior);
            assertEquals(ud, j.get("ul_delta").asDouble(), 1e-10 * ud, prior);
        }
    }

    @Test
    void textOutputIsOneReadableLine() {
        Run r = run("limit", "--method", "fermi2010", "--delta-meas", "0.01");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        assertTrue(r.out().contains("delta < 0.0292000854") && r.out().contains("95 % CL"), r.out());
        r = run("limit", "--method", "bayes", "--c1", "2", "--cn", "1", "--prior", "flat-delta", "--cl", "0.9");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("flat-delta") && r.out().contains("90 % credible"), r.out());
        r = run("limit", "--method", "lr", "--c1", "2", "--cn", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("lr: C1 = 2") && r.out().contains("C1ani <"), r.out());
    }

    private static void assertBadInput(Run r, String... fragments) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("cra limit: error: "), r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), f + " not in " + r.err());
        }
        assertFalse(r.out().contains("ul_"), r.out());
    }

    @Test
    void badValuesExitWithTwoAndOneLine() {
        assertBadInput(run("limit", "--method", "fermi2010", "--delta-meas", "-1"), "delta_meas", "-1");
        assertBadInput(run("limit", "--method", "maxwell", "--delta-meas", "0.1"), "maxwell", "fermi2010");
        assertBadInput(run("limit", "--method", "fermi2010", "--delta-meas", "0.1", "--cl", "1.5"), "CL", "1.5");
        assertBadInput(run("limit", "--method", "fermi2010"), "--delta-meas");
        assertBadInput(run("limit", "--method", "lr", "--c1", "1"), "--cn");
        assertBadInput(run("limit", "--method", "lr", "--c1", "1", "--cn", "0"), "C_N", "0");
        assertBadInput(run("limit", "--method", "lr", "--c1", "NaN", "--cn", "1"), "C1", "NaN");
        assertBadInput(run("limit", "--method", "lr", "--c1", "1", "--cn", "1", "--threshold", "-2"), "threshold");
        assertBadInput(run("limit", "--method", "lr", "--c1", "1", "--cn", "1", "--prior", "flat-c1"), "--prior");
        assertBadInput(run("limit", "--method", "bayes", "--c1", "1", "--cn", "1", "--prior", "jeffreys"),
                "jeffreys", "flat-c1", "flat-delta");
        assertBadInput(run("limit", "--method", "bayes", "--c1", "0", "--cn", "1"), "C1");
        assertBadInput(run("limit", "--method", "bayes", "--c1", "1", "--cn", "1", "--threshold", "3"), "--threshold");
    }

    @Test
    void helpDescribesEveryOptionAndThePriors() {
        Run r = run("limit", "--help");
        assertEquals(0, r.code(), r.err());
        for (String s : new String[] {"--method", "--delta-meas", "--c1", "--cn", "--cl", "--threshold", "--prior",
            "--json", "flat-c1", "flat-delta", "uniform in C1ani", "C1ani^(-1/2)", "3.841", "(95 % CL,", "90 %)."}) {
            assertTrue(r.out().contains(s), s + " not in help:\n" + r.out());
        }
    }
}
