package org.cranisotropy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.cranisotropy.events.BrokenPowerLaw;
import org.cranisotropy.random.RandomStreams;
import org.junit.jupiter.api.Test;

class SelectionDipoleTest {

    /** A source whose J is a fixed fraction f (E/100)^0.5 of J_measured and whose own dipole is constant. */
    private record ToySource(double fraction, double dipole, double maxEnergyGev) implements PointSource {
        static MeasuredSpectrum total() {
            return new MeasuredSpectrum("toy", List.of(new MeasuredSpectrum.Segment(10, 1e5, 200, 100,
                    new BrokenPowerLaw(3.1, 3.1, 100, 1, 10, 1e5))));
        }

        @Override
        public double intensity(double e) {
            return e < maxEnergyGev ? fraction * Math.sqrt(e / 100) * total().intensity(e) : 0.0;
        }

        @Override
        public double dipoleAlone(double e) {
            return e < maxEnergyGev ? dipole : Double.NaN;
        }
    }

    /** int_a^b E^-p dE. */
    private static double powerIntegral(double p, double a, double b) {
        return (Math.pow(b, 1 - p) - Math.pow(a, 1 - p)) / (1 - p);
    }

    /**
     * With power laws the integrals are closed forms and the tabulation (a power law per step) is exact: J ~
     * E^-3.1, J_Vela = 0.01 (E/100)^0.5 J, delta_source = 0.2, so J delta ~ E^-2.6 and delta_pred = 0.2 * 0.01 *
     * int E^-2.6 / 10 / int E^-3.1; with S = E^0.7 below 475.5 GeV and twice that above (a class-selection step),
     * the count weighting is the same with the exponents lowered by 0.7, the integrals split at the step.
     */
    @Test
    void powerLawsGiveTheClosedForm() {
        VelaDipole model = new VelaDipole(new ToySource(0.01, 0.2, 1e9), ToySource.total());
        double step = 475.5;
        DoubleUnaryOperator s = e -> Math.pow(e, 0.7) * (e < step ? 1 : 2);
        SelectionDipole t = SelectionDipole.tabulate(model, 100, 20000, new double[] {150, 1000, step}, s, 8);
        double c = 0.2 * 0.01 / 10;
        double a = 150;
        double b = 20000;
        assertEquals(c * powerIntegral(2.6, a, b) / powerIntegral(3.1, a, b), t.over(a, b).delta(), 1e-12);
        double num = powerIntegral(1.9, a, step) + 2 * powerIntegral(1.9, step, b);
        double den = powerIntegral(2.4, a, step) + 2 * powerIntegral(2.4, step, b);
        assertEquals(c * num / den, t.over(a, b).deltaCounts(), 1e-12);
        // a bin: [150, 1000)
        assertEquals(c * powerIntegral(2.6, 150, 1000) / powerIntegral(3.1, 150, 1000), t.over(150, 1000).delta(),
                1e-12);
        assertEquals(0.01 * powerIntegral(2.6, a, b) / 10 / powerIntegral(3.1, a, b), t.over(a, b).share(), 1e-12);
        assertEquals(0.01 * Math.sqrt(200), t.over(a, b).maxRatio(), 1e-12);
        // the count weighting leans to the high energies, where delta is larger
        assertTrue(t.over(a, b).deltaCounts() > 1.2 * t.over(a, b).delta());
    }

    /**
     * The brute-force check: events drawn from the ICRC 2019 Vela sky with a strongly energy- and
     * direction-dependent exposure A(E, n) = S(E) (1 + c(E) n.u), S = (E / 1 TeV)^1.5, c rising from 0 to 0.6:
     * energies from J(E) S(E), directions from A(E, n) (1 + delta(E) n.d) by rejection, each weighted by
     * 1/A(E, n) as the analysis does. The weighted dipole estimator along Vela, 3 sum w n.d / sum w, must equal
     * delta_pred within 4 standard errors (delta method for the ratio, from the sample of 600 000 events); the
     * event-count weighting (deltaCounts) must lie more than 5 standard errors away. For the threshold 1 TeV and
     * the bin 2 - 5 TeV the sample gives 0.0257 +- 0.0025 and 0.0886 +- 0.0024 against delta_pred 0.0263 and
     * 0.0895 (deltaCounts 0.0464 and 0.1033).
     */
    @Test
    void equalsABruteForceMonteCarloOfTheWeightedEstimator() {
        VelaDipole model = VelaDipoleTest.icrc2019();
        double lo = 1000;
        double hi = 20000;
        DoubleUnaryOperator s = e -> Math.pow(e / 1000, 1.5);
        SelectionDipole t = SelectionDipole.tabulate(model, lo, hi, new double[] {lo, 2000, 5000, hi}, s, 64);
        // the sky, tabulated densely in ln E for drawing
        int nodes = 241;
        double[] u = new double[nodes];
        double[] delta = new double[nodes];
        double[] cdf = new double[nodes];
        double[] weight = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            u[i] = Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (nodes - 1);
            double e = Math.exp(u[i]);
            VelaDipole.Point p = model.at(e);
            delta[i] = p.delta();
            weight[i] = p.measuredIntensity() * s.applyAsDouble(e) * e; // per unit ln E
        }
        double[] d = unit(263.9, -3.3);
        double[] axis = unit(30, 60);
        for (double[] range : new double[][] {{lo, hi}, {2000, 5000}}) {
            int a = (int) Math.round((Math.log(range[0]) - u[0]) / (u[1] - u[0]));
            int b = (int) Math.round((Math.log(range[1]) - u[0]) / (u[1] - u[0]));
            cdf[a] = 0;
            for (int i = a + 1; i <= b; i++) {
                cdf[i] = cdf[i - 1] + SelectionDipole.step(Math.exp(u[i - 1]), Math.exp(u[i]),
                        weight[i - 1] / Math.exp(u[i - 1]), weight[i] / Math.exp(u[i]));
            }
            UniformRandomProvider rng = RandomStreams.stream(20190724L, (long) range[0]);
            int n = 600_000;
            double sumW = 0;
            double sumX = 0;
            double[] x = new double[n];
            double[] w = new double[n];
            for (int k = 0; k < n; k++) {
                // energy: invert the tabulated cumulative distribution, linear in ln E within a step
                double target = rng.nextDouble() * cdf[b];
                int j = a + 1;
                while (cdf[j] < target) {
                    j++;
                }
                double f = (target - cdf[j - 1]) / (cdf[j] - cdf[j - 1]);
                double lnE = u[j - 1] + f * (u[j] - u[j - 1]);
                double e = Math.exp(lnE);
                double dE = delta[j - 1] + f * (delta[j] - delta[j - 1]);
                double c = 0.6 * (lnE - u[0]) / (u[nodes - 1] - u[0]);
                double[] nv;
                double expo;
                do {
                    nv = isotropic(rng);
                    expo = 1 + c * dot(nv, axis);
                } while (rng.nextDouble() * (1 + c) * (1 + dE) > expo * (1 + dE * dot(nv, d)));
                w[k] = 1 / (s.applyAsDouble(e) * expo);
                x[k] = 3 * w[k] * dot(nv, d);
                sumW += w[k];
                sumX += x[k];
            }
            double r = sumX / sumW;
            double var = 0;
            double meanW = sumW / n;
            for (int k = 0; k < n; k++) {
                double z = x[k] - r * w[k];
                var += z * z;
            }
            double se = Math.sqrt(var / n) / meanW / Math.sqrt(n);
            SelectionDipole.Prediction p = t.over(range[0], range[1]);
            String what = String.format("[%s, %s]: MC %.5f +- %.5f, predicted %.5f, counts %.5f", range[0], range[1], r,
                    se, p.delta(), p.deltaCounts());
            assertEquals(p.delta(), r, 4 * se, what);
            // the estimator does not measure the mean over its events: that weighting is > 5 standard errors off
            // (8 for the threshold, 6 for the bin with this seed)
            assertTrue(Math.abs(p.deltaCounts() - r) > 5 * se, what);
        }
    }

    private static double[] unit(double lDeg, double bDeg) {
        double l = Math.toRadians(lDeg);
        double b = Math.toRadians(bDeg);
        return new double[] {Math.cos(b) * Math.cos(l), Math.cos(b) * Math.sin(l), Math.sin(b)};
    }

    private static double[] isotropic(UniformRandomProvider rng) {
        double z = 2 * rng.nextDouble() - 1;
        double phi = 2 * Math.PI * rng.nextDouble();
        double r = Math.sqrt(1 - z * z);
        return new double[] {r * Math.cos(phi), r * Math.sin(phi), z};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
