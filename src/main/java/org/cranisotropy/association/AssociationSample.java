package org.cranisotropy.association;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.cranisotropy.analysis.ClassSelection;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.analysis.SelectionExposure;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.sky.Ordering;

/**
 * The events an association test looks at: those with E &gt;= emin that pass the analysis' class
 * selection (the same events the dipole above emin is measured on; with the JPS 2025 selection every
 * class is kept above 475.5 GeV, so above 5 TeV this is every event, as CALET did), sorted from high
 * to low energy (ties by file row) exactly as {@link PreparedSample} sorts them, with their file rows
 * and directions. Immutable.
 */
public final class AssociationSample {
    private final PreparedSample prepared;
    private final long[] row;
    private final double[] lDeg;
    private final double[] bDeg;
    private final double eminGev;

    private AssociationSample(PreparedSample prepared, long[] row, double[] lDeg, double[] bDeg, double eminGev) {
        this.prepared = prepared;
        this.row = row;
        this.lDeg = lDeg;
        this.bDeg = bDeg;
        this.eminGev = eminGev;
    }

    /**
     * Selects the events; none selected, or an event whose class has no exposure maps or whose direction
     * has zero exposure, is bad input (named by file and row).
     */
    public static AssociationSample of(EventSample events, String file, ExposureCube cube, ClassSelection selection,
            double eminGev) {
        if (!(eminGev > 0) || !Double.isFinite(eminGev)) {
            throw new IllegalArgumentException("--emin must be finite and > 0 GeV, got " + eminGev);
        }
        int[] keep = IntStream.range(0, events.size())
                .filter(i -> events.energyGev(i) >= eminGev && selection.accepts(events.energyGev(i), events.eventClass(i)))
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -events.energyGev(i)).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue)
                .toArray();
        if (keep.length == 0) {
            throw new BadInputException(file + ": no event at or above " + eminGev
                    + " GeV passes the class selection (nothing to associate)");
        }
        SelectionExposure sel = new SelectionExposure(cube, selection);
        HealpixGrid grid = new HealpixGrid(cube.nside());
        int n = keep.length;
        double[] e = new double[n];
        double[] l = new double[n];
        double[] b = new double[n];
        EventClass[] c = new EventClass[n];
        long[] rows = new long[n];
        for (int j = 0; j < n; j++) {
            int i = keep[j];
            e[j] = events.energyGev(i);
            l[j] = events.lDeg(i);
            b[j] = events.bDeg(i);
            c[j] = events.eventClass(i);
            rows[j] = i + 1L;
            if (!cube.hasClass(c[j])) {
                throw BadInputException.atRow(file, rows[j], "no exposure maps for this event class", c[j]);
            }
            int pix = (int) grid.ang2pix(Math.toRadians(90.0 - b[j]), Math.toRadians(l[j]), Ordering.RING);
            double a = sel.exposure(e[j], pix);
            if (!(a > 0)) {
                throw BadInputException.atRow(file, rows[j], "zero exposure at the event's direction (l " + l[j]
                        + ", b " + b[j] + ", pixel " + pix + ")", a);
            }
        }
        PreparedSample prepared = PreparedSample.of(new EventSample(e, l, b, c), file, cube, selection);
        return new AssociationSample(prepared, rows, l, b, eminGev);
    }

    public int size() {
        return row.length;
    }

    public double eminGev() {
        return eminGev;
    }

    /** The selected events in the order of this sample (the isotropic skies keep their energies and classes). */
    public PreparedSample prepared() {
        return prepared;
    }

    /** 1-based data row of event i in the input file. */
    public long row(int i) {
        return row[i];
    }

    public double energyGev(int i) {
        return prepared.energyGev(i);
    }

    public EventClass eventClass(int i) {
        return prepared.eventClass(i);
    }

    public double lDeg(int i) {
        return lDeg[i];
    }

    public double bDeg(int i) {
        return bDeg[i];
    }
}
