package org.cranisotropy.events;

import java.nio.file.Path;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.io.BadInputException;

/**
 * Electron candidates: reconstructed energy (GeV), galactic direction (degrees), geometry class and,
 * when known, time (MJD) and id. Validated on construction from a file; immutable.
 */
public final class EventSample implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] energyGev;
    private final double[] lDeg;
    private final double[] bDeg;
    private final EventClass[] eventClass;

    public EventSample(double[] energyGev, double[] lDeg, double[] bDeg, EventClass[] eventClass) {
        int n = energyGev.length;
        if (lDeg.length != n || bDeg.length != n || eventClass.length != n) {
            throw new IllegalArgumentException("event columns differ in length");
        }
        this.energyGev = energyGev.clone();
        this.lDeg = lDeg.clone();
        this.bDeg = bDeg.clone();
        this.eventClass = eventClass.clone();
    }

    /**
     * Reads and validates an event file (CSV, Parquet file or directory, FITS table) with columns
     * energy_gev, event_class and l_deg,b_deg or ra_deg,dec_deg.
     */
    public static EventSample read(Path file) {
        RawTable t = EventFileReader.readTable(file);
        double[][] lb = EventFileReader.galacticDirections(t);
        double[] e = t.numeric("energy_gev");
        String[] cls = t.text("event_class");
        EventClass[] c = new EventClass[t.rows()];
        for (int i = 0; i < t.rows(); i++) {
            if (!(e[i] > 0) || Double.isInfinite(e[i])) {
                throw BadInputException.atRow(t.file(), i + 1, "energy_gev must be finite and > 0", e[i]);
            }
            try {
                c[i] = EventClass.parse(cls[i]);
            } catch (IllegalArgumentException ex) {
                throw BadInputException.atRow(t.file(), i + 1, "unknown event_class (expected A, B, C or D)", cls[i]);
            }
        }
        return new EventSample(e, lb[0], lb[1], c);
    }

    public int size() {
        return energyGev.length;
    }

    public double energyGev(int i) {
        return energyGev[i];
    }

    public double lDeg(int i) {
        return lDeg[i];
    }

    public double bDeg(int i) {
        return bDeg[i];
    }

    public EventClass eventClass(int i) {
        return eventClass[i];
    }
}
