package org.cranisotropy.analysis;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.sky.Ordering;

/**
 * The selected events of a data set, ready for the harmonic analysis: sorted by energy from high to
 * low, each with its RING pixel at the exposure's Nside, the exposure of the selection at its energy
 * and direction A_i = A_sel(E_i, pixel_i) ({@link SelectionExposure}, log-E interpolated) and the
 * sky mean Abar_i = sum_p A_sel(E_i, p) / N_pix. Immutable (arrays are not exposed).
 *
 * <p>The weight of CALET ICRC 2019 eq. 3.1 for a selection S is w_i = Abar_S / A_i with
 * Abar_S = (1/N_S) sum_{i in S} Abar_i; since Abar_S is one number per selection the scans add
 * 1/A_i per event and scale the C_l by Abar_S^2 at the end.
 */
public final class PreparedSample {
    private final SelectionExposure exposure;
    private final double[] energy;
    private final int[] pixel;
    private final EventClass[] eventClass;
    private final double[] exposureAtEvent;
    private final double[] meanExposure;

    private PreparedSample(SelectionExposure exposure, double[] energy, int[] pixel, EventClass[] eventClass,
            double[] exposureAtEvent, double[] meanExposure) {
        this.exposure = exposure;
        this.energy = energy;
        this.pixel = pixel;
        this.eventClass = eventClass;
        this.exposureAtEvent = exposureAtEvent;
        this.meanExposure = meanExposure;
    }

    /**
     * Applies the class selection and the exposure floor (events in pixels it leaves out are not
     * selected) and looks up the exposure of every event. An event whose class has no exposure maps or
     * whose pixel has zero exposure is bad input (named by file and row).
     */
    public static PreparedSample of(EventSample events, String file, ExposureCube exposure, ClassSelection selection) {
        HealpixGrid grid = new HealpixGrid(exposure.nside());
        SelectionExposure selected = new SelectionExposure(exposure, selection);
        int n = events.size();
        int[] allPixels = new int[n];
        for (int i = 0; i < n; i++) {
            allPixels[i] = (int) grid.ang2pix(Math.toRadians(90.0 - events.bDeg(i)), Math.toRadians(events.lDeg(i)),
                    Ordering.RING);
        }
        for (int i = 0; i < n; i++) {
            // an event where the selection sees nothing contradicts the maps, floor or not
            if (selection.accepts(events.energyGev(i), events.eventClass(i)) && exposure.hasClass(events.eventClass(i))
                    && !(selected.exposureBeforeFloor(events.energyGev(i), allPixels[i]) > 0)) {
                throw BadInputException.atRow(file, i + 1, "zero exposure at the event's direction (l "
                        + events.lDeg(i) + ", b " + events.bDeg(i) + ", pixel " + allPixels[i] + ")", 0.0);
            }
        }
        int[] keep = IntStream.range(0, n)
                .filter(i -> selection.accepts(events.energyGev(i), events.eventClass(i))
                        && !selected.isMasked(allPixels[i]))
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -events.energyGev(i)).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue)
                .toArray();
        if (keep.length == 0) {
            throw new BadInputException(file + ": no event passes the class selection (empty selection)");
        }
        double[] e = new double[keep.length];
        int[] pix = new int[keep.length];
        EventClass[] cls = new EventClass[keep.length];
        double[] a = new double[keep.length];
        double[] mean = new double[keep.length];
        for (int j = 0; j < keep.length; j++) {
            int i = keep[j];
            e[j] = events.energyGev(i);
            cls[j] = events.eventClass(i);
            if (!exposure.hasClass(cls[j])) {
                throw BadInputException.atRow(file, i + 1, "no exposure maps for this event class", cls[j]);
            }
            pix[j] = allPixels[i];
            a[j] = selected.exposure(e[j], pix[j]);
            if (!(a[j] > 0)) {
                throw BadInputException.atRow(file, i + 1, "zero exposure at the event's direction (l "
                        + events.lDeg(i) + ", b " + events.bDeg(i) + ", pixel " + pix[j] + ")", a[j]);
            }
            mean[j] = selected.mean(e[j]);
        }
        return new PreparedSample(selected, e, pix, cls, a, mean);
    }

    public int size() {
        return energy.length;
    }

    public ExposureCube exposure() {
        return exposure.cube();
    }

    /** The exposure of the class selection, which the weights use. */
    public SelectionExposure selectionExposure() {
        return exposure;
    }

    /** Energy of the i-th event, i = 0 the highest. */
    public double energyGev(int i) {
        return energy[i];
    }

    public int pixel(int i) {
        return pixel[i];
    }

    public EventClass eventClass(int i) {
        return eventClass[i];
    }

    /** A_sel(E_i, pixel_i). */
    public double exposureAtEvent(int i) {
        return exposureAtEvent[i];
    }

    /** sum_p A_sel(E_i, p) / N_pix. */
    public double meanExposure(int i) {
        return meanExposure[i];
    }
}
