package org.cranisotropy.analysis;

import java.util.ArrayList;
import java.util.List;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.exposure.ExposureCube;

/**
 * The exposure of the selection, A_sel(E, pixel) = sum of A(E, c, pixel) over the classes c the
 * class selection allows at energy E: the "A(E, pixel)" of ICRC 2019 eq. 3.1. Weighting each event
 * by its own class's exposure instead would leave holes wherever a class does not see (class A never
 * sees the celestial pole from the ISS) and bias the corrected map; the summed exposure makes the
 * expected corrected map uniform wherever the selection sees. One summed map set per selection rule,
 * interpolated in log E like the cube. The pixels below the selection's exposure floor
 * ({@link ClassSelection#exposureFloor}) are 0 in every map. Immutable.
 */
public final class SelectionExposure implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final ExposureCube cube;
    private final ClassSelection selection;
    /** [rule][bin][pixel] summed maps; [rule][bin] sky means. */
    private final double[][][] maps;
    private final double[][] means;
    private final boolean[] masked;
    private final int maskedPixels;

    public SelectionExposure(ExposureCube cube, ClassSelection selection) {
        this.cube = cube;
        this.selection = selection;
        int rules = selection.rules().size();
        int bins = cube.binning().size();
        this.maps = new double[rules][bins][];
        this.means = new double[rules][bins];
        for (int r = 0; r < rules; r++) {
            List<EventClass> classes = new ArrayList<>(selection.rules().get(r).classes());
            classes.retainAll(cube.classes());
            for (int k = 0; k < bins; k++) {
                double[] sum = new double[cube.npix()];
                for (EventClass c : classes) {
                    double[] m = cube.map(k, c);
                    for (int p = 0; p < sum.length; p++) {
                        sum[p] += m[p];
                    }
                }
                maps[r][k] = sum;
            }
        }
        // the exposure floor: a pixel below floor x the map's maximum in any rule and bin leaves the sky
        this.masked = new boolean[cube.npix()];
        int count = 0;
        for (double[][] rule : maps) {
            for (double[] m : rule) {
                double max = 0;
                for (double v : m) {
                    max = Math.max(max, v);
                }
                double bar = selection.exposureFloor() * max;
                for (int p = 0; p < m.length; p++) {
                    if (m[p] < bar && !masked[p]) {
                        masked[p] = true;
                        count++;
                    }
                }
            }
        }
        this.maskedPixels = count;
        for (int r = 0; r < rules; r++) {
            for (int k = 0; k < bins; k++) {
                double[] m = maps[r][k];
                double total = 0;
                for (int p = 0; p < m.length; p++) {
                    if (masked[p]) {
                        m[p] = 0;
                    }
                    total += m[p];
                }
                means[r][k] = total / m.length;
            }
        }
    }

    /**
     * A_sel(E, pixel) before the exposure floor: the sum of the classes' exposures, 0 only where the
     * selection really sees nothing (an event there contradicts the maps).
     */
    public double exposureBeforeFloor(double energyGev, int pixel) {
        int r = requireRule(energyGev);
        double sum = 0;
        for (EventClass c : selection.rules().get(r).classes()) {
            if (cube.hasClass(c)) {
                sum += cube.exposure(c, energyGev, pixel);
            }
        }
        return sum;
    }

    /** Whether the exposure floor leaves pixel p out of the analysis. */
    public boolean isMasked(int pixel) {
        return masked[pixel];
    }

    /** The number of pixels the exposure floor leaves out. */
    public int maskedPixels() {
        return maskedPixels;
    }

    /** The fraction of the sky the analysis keeps. */
    public double skyFraction() {
        return 1.0 - (double) maskedPixels / masked.length;
    }

    /** A copy of a per-pixel map with the pixels the floor leaves out set to 0 (a class's exposure, say). */
    public double[] masked(double[] map) {
        double[] out = map.clone();
        for (int p = 0; p < out.length; p++) {
            if (masked[p]) {
                out[p] = 0;
            }
        }
        return out;
    }

    public ExposureCube cube() {
        return cube;
    }

    public ClassSelection selection() {
        return selection;
    }

    /** Index of the selection rule for an energy (-1 when no rule covers it). */
    public int rule(double energyGev) {
        List<ClassSelection.Rule> rules = selection.rules();
        for (int r = 0; r < rules.size(); r++) {
            if (energyGev >= rules.get(r).eminGev() && energyGev < rules.get(r).emaxGev()) {
                return r;
            }
        }
        return -1;
    }

    /** A_sel(E, pixel). */
    public double exposure(double energyGev, int pixel) {
        return cube.interpolation(energyGev).of(maps[requireRule(energyGev)], pixel);
    }

    /** Sky mean of A_sel(E, .). */
    public double mean(double energyGev) {
        return cube.interpolation(energyGev).of(means[requireRule(energyGev)]);
    }

    /** target[p] += weight * (summed map of a rule and bin)[p], without copying the map. */
    public void addScaled(int rule, int bin, double weight, double[] target) {
        double[] m = maps[rule][bin];
        for (int p = 0; p < m.length; p++) {
            target[p] += weight * m[p];
        }
    }

    /** The summed map of a rule and bin (a copy). */
    public double[] map(int rule, int bin) {
        return maps[rule][bin].clone();
    }

    public int rules() {
        return maps.length;
    }

    private int requireRule(double energyGev) {
        int r = rule(energyGev);
        if (r < 0) {
            throw new IllegalArgumentException("no class-selection rule covers " + energyGev + " GeV");
        }
        return r;
    }
}
