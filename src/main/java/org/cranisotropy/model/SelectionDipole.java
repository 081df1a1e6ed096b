package org.cranisotropy.model;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The dipole a model sky ({@link VelaDipole}: intensity J(E) (1 + delta(E) d.n), J = J_measured) gives to the
 * analysis' estimator for a selection of events, all events above a threshold or in an energy bin [E1, E2).
 *
 * <p>The analysis weights event i by 1/A_sel(E_i, p_i), the selection's exposure at its energy and pixel (times
 * a constant that cancels). Events of energy E arrive in pixel p at the rate J(E) (1 + delta(E) d.n_p)
 * A_sel(E, p), so the weighted map's expectation is
 *
 * <pre>
 *   m_p  =  int_E1^E2 J(E) (1 + delta(E) d.n_p) dE       on every pixel the selection sees
 * </pre>
 *
 * in which the exposure has cancelled, direction and energy dependence alike. Its dipole is the flux-weighted
 * mean
 *
 * <pre>
 *   delta_pred = int J delta dE / int J dE  =  int min(J_Vela, J_measured) delta_source dE / int J_measured dE.
 * </pre>
 *
 * The mean of delta(E) over the selected events themselves, whose energies follow J(E) S(E) with S the
 * sky-integrated selection exposure, is {@code deltaCounts}:
 * int J S delta dE / int J S dE; it is what an estimator normalising each energy's exposure separately would
 * give, and it differs from delta_pred where S changes inside the selection (e.g. where the class selection adds
 * classes). Both are the amplitude of the sky's dipole; the measured delta = 3 sqrt(C1/C0) of a finite sample
 * scatters about it with the isotropic noise on top.
 *
 * <p>The integrals are tabulated once on a grid in ln E ({@code perDecade} nodes per decade plus every selection
 * edge, so that a selection's integral is a sum of whole steps) with each step integrated as a power law between
 * its nodes (exact for power-law integrands). Immutable.
 */
public final class SelectionDipole {
    private static final double SIDE = 1e-9;

    /**
     * The prediction for one selection.
     *
     * @param delta the flux-weighted mean of delta(E): what the exposure-corrected estimator measures
     * @param deltaCounts the mean of delta(E) over the expected events (J S weighting); NaN without S
     * @param share the flux-weighted mean of Vela's share min(1, J_Vela / J_measured)
     * @param maxRatio the largest J_Vela / J_measured (uncapped) at the grid's energies in the selection
     */
    public record Prediction(double delta, double deltaCounts, double share, double maxRatio) {}

    private final double[] nodes;
    /** prefix[q][k]: the integral from nodes[0] to nodes[k] of quantity q (J, J delta, J S, J S delta, J share). */
    private final double[][] prefix;
    private final double[] ratio;

    private SelectionDipole(double[] nodes, double[][] prefix, double[] ratio) {
        this.nodes = nodes;
        this.prefix = prefix;
        this.ratio = ratio;
    }

    /**
     * Tabulates the model from emin to emax.
     *
     * @param model the sky model
     * @param eminGev lowest energy of any selection
     * @param emaxGev highest energy (the top of a threshold's selection)
     * @param edges the selections' edges (thresholds, bin edges) and energies where S steps or bends: grid nodes
     * @param exposure S(E), the sky-integrated selection exposure, or null (deltaCounts is then NaN); evaluated
     *     just inside each step so that a jump at a node is taken from the correct side
     * @param perDecade grid nodes per decade of energy
     */
    public static SelectionDipole tabulate(VelaDipole model, double eminGev, double emaxGev, double[] edges,
            DoubleUnaryOperator exposure, int perDecade) {
        if (!(eminGev > 0) || !(emaxGev > eminGev) || !Double.isFinite(emaxGev)) {
            throw new IllegalArgumentException("prediction range needs 0 < emin < emax, got " + eminGev + " .. "
                    + emaxGev);
        }
        if (perDecade < 2) {
            throw new IllegalArgumentException("perDecade must be >= 2, got " + perDecade);
        }
        int n = (int) Math.ceil(Math.log10(emaxGev / eminGev) * perDecade);
        double[] grid = VelaDipole.logGrid(eminGev, emaxGev, Math.max(2, n + 1));
        double[] all = Arrays.copyOf(grid, grid.length + edges.length + 1);
        int k = grid.length;
        for (double e : edges) {
            all[k++] = e;
        }
        all[k++] = model.source().maxEnergyGev();
        double[] nodes = Arrays.stream(all, 0, k).filter(e -> e >= eminGev && e <= emaxGev).sorted().distinct()
                .toArray();
        int m = nodes.length;
        double[] j = new double[m];
        double[] jd = new double[m];
        double[] js = new double[m];
        double[] ratio = new double[m];
        for (int i = 0; i < m; i++) {
            VelaDipole.Point p = model.at(nodes[i]);
            j[i] = p.measuredIntensity();
            jd[i] = p.measuredIntensity() * p.delta();
            js[i] = p.measuredIntensity() * p.share();
            ratio[i] = p.ratio();
        }
        double[][] prefix = new double[5][m];
        for (int i = 1; i < m; i++) {
            double a = nodes[i - 1];
            double b = nodes[i];
            double sa = exposure == null ? Double.NaN : exposure.applyAsDouble(a * (1 + SIDE));
            double sb = exposure == null ? Double.NaN : exposure.applyAsDouble(b * (1 - SIDE));
            prefix[0][i] = prefix[0][i - 1] + step(a, b, j[i - 1], j[i]);
            prefix[1][i] = prefix[1][i - 1] + step(a, b, jd[i - 1], jd[i]);
            prefix[2][i] = prefix[2][i - 1] + step(a, b, j[i - 1] * sa, j[i] * sb);
            prefix[3][i] = prefix[3][i - 1] + step(a, b, jd[i - 1] * sa, jd[i] * sb);
            prefix[4][i] = prefix[4][i - 1] + step(a, b, js[i - 1], js[i]);
        }
        return new SelectionDipole(nodes, prefix, ratio);
    }

    /**
     * int_a^b f(E) dE with ln f linear in ln E between the nodes (a power law, exact for one), from f(a), f(b);
     * the trapezoid in ln E where an end is 0 (above a source's highest energy).
     */
    static double step(double a, double b, double fa, double fb) {
        double h = Math.log(b / a);
        double ya = fa * a;
        double yb = fb * b;
        if (!(ya > 0) || !(yb > 0)) {
            return 0.5 * h * (ya + yb);
        }
        double l = Math.log(yb / ya);
        return Math.abs(l) < 1e-9 ? 0.5 * h * (ya + yb) : h * (yb - ya) / l;
    }

    /** The prediction for the events with energies in [lo, hi]; lo and hi must be nodes (edges given). */
    public Prediction over(double lo, double hi) {
        int a = node(lo);
        int b = node(hi);
        if (!(b > a)) {
            throw new IllegalArgumentException("selection needs lo < hi, got " + lo + " .. " + hi);
        }
        double[] v = new double[5];
        for (int q = 0; q < 5; q++) {
            v[q] = prefix[q][b] - prefix[q][a];
        }
        double max = 0;
        for (int i = a; i <= b; i++) {
            max = Math.max(max, ratio[i]);
        }
        return new Prediction(v[1] / v[0], v[3] / v[2], v[4] / v[0], max);
    }

    private int node(double e) {
        int i = Arrays.binarySearch(nodes, e);
        if (i < 0) {
            throw new IllegalArgumentException(e + " GeV is not an edge of the tabulated selections (range "
                    + nodes[0] + " .. " + nodes[nodes.length - 1] + " GeV)");
        }
        return i;
    }

    /** The lowest and highest tabulated energies. */
    public double eminGev() {
        return nodes[0];
    }

    public double emaxGev() {
        return nodes[nodes.length - 1];
    }
}
