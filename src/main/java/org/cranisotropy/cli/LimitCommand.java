package org.cranisotropy.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.cranisotropy.limits.BayesianUpperLimit;
import org.cranisotropy.limits.Fermi2010UpperLimit;
import org.cranisotropy.limits.LikelihoodRatioUpperLimit;
import org.cranisotropy.limits.Prior;
import org.cranisotropy.limits.UpperLimit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cra limit}: upper limits on the dipole amplitude (method.md section 6). */
@Command(
        name = "limit",
        mixinStandardHelpOptions = true,
        description = {
            "Upper limit on the dipole anisotropy (method.md section 6).",
            "  fermi2010: from a measured amplitude delta_meas (Fermi-LAT 2010 / CALET eq. 2.3, Maxwell CDF).",
            "  lr:        Fermi-LAT 2017 likelihood ratio on C1ani from C1 and the white noise C_N.",
            "  bayes:     a Bayesian credible bound on C1ani from C1 and C_N under a",
            "             prior you choose. No source we have gives the prior of",
            "             Fermi-LAT 2017: this is not their limit, and cra limits",
            "             does not report it. Flat in C1ani gives limits of at least",
            "             399 C_N at 95 %% CL.", // %% : picocli formats the description
            "The limit on delta is 3 sqrt(C1ani / (4 pi))."
        })
final class LimitCommand implements Runnable {
    @Option(names = "--method", paramLabel = "METHOD", required = true,
            description = "fermi2010 (needs --delta-meas), lr or bayes (need --c1 and --cn).")
    String method;

    @Option(names = "--delta-meas", paramLabel = "X",
            description = "fermi2010: measured dipole amplitude delta_meas >= 0.")
    Double deltaMeas;

    @Option(names = "--c1", paramLabel = "X",
            description = "lr, bayes: measured dipole power C1 of the relative-intensity map (lr >= 0, bayes > 0).")
    Double c1;

    @Option(names = "--cn", paramLabel = "Y",
            description = "lr, bayes: white-noise level C_N (> 0; the cn column of measured_bins).")
    Double cn;

    @Option(names = "--cl", paramLabel = "P",
            description = "fermi2010, bayes: confidence / credibility level in (0, 1); default 0.95.")
    Double cl;

    @Option(names = "--threshold", paramLabel = "T",
            description = "lr: value of -2 ln lambda at the limit; default 3.841 (95 %% CL, chi^2 with 1 d.o.f.; "
                    + "2.706 gives 90 %%).")
    Double threshold;

    @Option(names = "--prior", paramLabel = "PRIOR",
            description = "bayes: flat-c1 (default) = prior uniform in C1ani; flat-delta = prior uniform in the "
                    + "amplitude delta, i.e. density ~ C1ani^(-1/2).")
    String prior;

    @Option(names = "--json", description = "Print JSON instead of a line of text.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        String m = method.trim().toLowerCase(Locale.ROOT);
        Map<String, Object> o = new LinkedHashMap<>();
        String text;
        switch (m) {
            case "fermi2010" -> {
                refuse(m, "--c1", c1, "--cn", cn, "--threshold", threshold, "--prior", prior);
                double dm = required("--delta-meas", deltaMeas, m);
                Fermi2010UpperLimit f = Fermi2010UpperLimit.atCl(cl == null ? Fermi2010UpperLimit.DEFAULT_CL : cl);
                double ul = f.ulDelta(dm);
                o.put("method", m);
                o.put("delta_meas", dm);
                o.put("cl", f.cl());
                o.put("ul_delta", ul);
                text = String.format(Locale.ROOT, "fermi2010: delta_meas = %.10g -> delta < %.10g (%s %% CL)",
                        dm, ul, percent(f.cl()));
            }
            case "lr" -> {
                refuse(m, "--delta-meas", deltaMeas, "--cl", cl, "--prior", prior);
                double c = required("--c1", c1, m);
                double n = required("--cn", cn, m);
                LikelihoodRatioUpperLimit lr = LikelihoodRatioUpperLimit.withThreshold(
                        threshold == null ? LikelihoodRatioUpperLimit.DEFAULT_THRESHOLD : threshold);
                UpperLimit ul = lr.limit(c, n);
                o.put("method", m);
                o.put("c1", c);
                o.put("cn", n);
                o.put("threshold", lr.threshold());
                o.put("ul_c1ani", ul.ulC1ani());
                o.put("ul_delta", ul.ulDelta());
                text = String.format(Locale.ROOT, "lr: C1 = %.10g, C_N = %.10g, -2 ln lambda = %s -> C1ani < %.10g, "
                        + "delta < %.10g", c, n, lr.threshold(), ul.ulC1ani(), ul.ulDelta());
            }
            case "bayes" -> {
                refuse(m, "--delta-meas", deltaMeas, "--threshold", threshold);
                double c = required("--c1", c1, m);
                double n = required("--cn", cn, m);
                Prior p = prior == null ? Prior.FLAT_C1 : Prior.parse(prior);
                BayesianUpperLimit b = BayesianUpperLimit.of(p, cl == null ? BayesianUpperLimit.DEFAULT_CL : cl);
                UpperLimit ul = b.limit(c, n);
                o.put("method", m);
                o.put("prior", p.cliName());
                o.put("c1", c);
                o.put("cn", n);
                o.put("cl", b.cl());
                o.put("ul_c1ani", ul.ulC1ani());
                o.put("ul_delta", ul.ulDelta());
                text = String.format(Locale.ROOT, "bayes (%s prior): C1 = %.10g, C_N = %.10g -> C1ani < %.10g, "
                        + "delta < %.10g (%s %% credible)", p.cliName(), c, n, ul.ulC1ani(), ul.ulDelta(),
                        percent(b.cl()));
            }
            default -> throw new IllegalArgumentException(
                    "unknown --method '" + method + "', expected fermi2010, lr or bayes");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.write(o) : text);
        out.flush();
    }

    private static double required(String option, Double value, String method) {
        if (value == null) {
            throw new IllegalArgumentException("--method " + method + " needs " + option);
        }
        return value;
    }

    /** Options that mean nothing for the method: an error rather than silently ignored. */
    private static void refuse(String method, Object... optionValuePairs) {
        for (int i = 0; i < optionValuePairs.length; i += 2) {
            if (optionValuePairs[i + 1] != null) {
                throw new IllegalArgumentException(optionValuePairs[i] + " does not apply to --method " + method);
            }
        }
    }

    private static String percent(double level) {
        return new java.math.BigDecimal(Double.toString(level)).movePointRight(2).stripTrailingZeros()
                .toPlainString();
    }
}
