package org.cranisotropy.events;

import java.nio.file.Path;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.io.BadInputException;

/**
 * Electron candidates: reconstructed energy (GeV), galactic direction (degrees), geometry class and,
 * when the file has all three columns, the instrument frame: time (MJD, column {@value #TIME}), zenith angle
 * and azimuth from the flight direction (degrees, {@value #ZENITH} and {@value #AZIMUTH};
 * {@link org.cranisotropy.exposure.InstrumentFrame}). Validated on construction from a file; immutable.
 */
public final class EventSample implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] energyGev;
    private final double[] lDeg;
    private final double[] bDeg;
    private final EventClass[] eventClass;
    /** The instrument frame (all null when the file lacks a column: missing names them). */
    private final double[] timeMjd;
    private final double[] zenithDeg;
    private final double[] azimuthDeg;
    private final java.util.List<String> missing;

    /** The instrument-frame columns of an event file. */
    public static final String TIME = "time";
    public static final String ZENITH = "zenith_deg";
    public static final String AZIMUTH = "azimuth_deg";

    private EventSample(EventSample e, double[] timeMjd, double[] zenithDeg, double[] azimuthDeg,
            java.util.List<String> missing) {
        this.energyGev = e.energyGev;
        this.lDeg = e.lDeg;
        this.bDeg = e.bDeg;
        this.eventClass = e.eventClass;
        this.timeMjd = timeMjd;
        this.zenithDeg = zenithDeg;
        this.azimuthDeg = azimuthDeg;
        this.missing = java.util.List.copyOf(missing);
    }

    public EventSample(double[] energyGev, double[] lDeg, double[] bDeg, EventClass[] eventClass) {
        int n = energyGev.length;
        if (lDeg.length != n || bDeg.length != n || eventClass.length != n) {
            throw new IllegalArgumentException("event columns differ in length");
        }
        this.energyGev = energyGev.clone();
        this.lDeg = lDeg.clone();
        this.bDeg = bDeg.clone();
        this.eventClass = eventClass.clone();
        this.timeMjd = null;
        this.zenithDeg = null;
        this.azimuthDeg = null;
        this.missing = java.util.List.of(TIME, ZENITH, AZIMUTH);
    }

    /** These events with instrument-frame columns: time (MJD), zenith angle and azimuth (deg) per event. */
    public EventSample withInstrumentFrame(double[] timeMjd, double[] zenithDeg, double[] azimuthDeg) {
        int n = size();
        if (timeMjd.length != n || zenithDeg.length != n || azimuthDeg.length != n) {
            throw new IllegalArgumentException("instrument-frame columns differ in length from the events");
        }
        return new EventSample(this, timeMjd.clone(), zenithDeg.clone(), azimuthDeg.clone(), java.util.List.of());
    }

    /** Whether every event has its time, zenith angle and azimuth. */
    public boolean hasInstrumentFrame() {
        return missing.isEmpty();
    }

    /**
     * Checks that the events have their instrument-frame columns, which {@code purpose} needs: otherwise a
     * BadInputException naming the file and the missing column(s).
     */
    public void requireInstrumentFrame(String file, String purpose) {
        if (!missing.isEmpty()) {
            throw new BadInputException(file + ": missing column " + String.join(", ", missing) + " (" + purpose
                    + " needs each event's time, zenith_deg and azimuth_deg)");
        }
    }

    /** Time (MJD) of event i; only with {@link #hasInstrumentFrame()}. */
    public double timeMjd(int i) {
        return timeMjd[i];
    }

    /** Zenith angle (deg) of event i in the detector frame; only with {@link #hasInstrumentFrame()}. */
    public double zenithDeg(int i) {
        return zenithDeg[i];
    }

    /** Azimuth (deg) of event i from the flight direction; only with {@link #hasInstrumentFrame()}. */
    public double azimuthDeg(int i) {
        return azimuthDeg[i];
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
        EventSample events = new EventSample(e, lb[0], lb[1], c);
        java.util.List<String> absent = new java.util.ArrayList<>();
        for (String col : new String[] {TIME, ZENITH, AZIMUTH}) {
            if (!t.has(col)) {
                absent.add(col);
            }
        }
        if (!absent.isEmpty()) {
            return new EventSample(events, null, null, null, absent);
        }
        double[] time = t.numeric(TIME);
        double[] zenith = t.numeric(ZENITH);
        double[] azimuth = t.numeric(AZIMUTH);
        for (int i = 0; i < t.rows(); i++) {
            if (!Double.isFinite(time[i])) {
                throw BadInputException.atRow(t.file(), i + 1, TIME + " must be a finite MJD", time[i]);
            }
            if (!(zenith[i] >= 0 && zenith[i] <= 180)) {
                throw BadInputException.atRow(t.file(), i + 1, ZENITH + " must be in [0, 180] degrees", zenith[i]);
            }
            if (!(azimuth[i] >= 0 && azimuth[i] < 360)) {
                throw BadInputException.atRow(t.file(), i + 1, AZIMUTH + " must be in [0, 360) degrees", azimuth[i]);
            }
        }
        return new EventSample(events, time.clone(), zenith.clone(), azimuth.clone(), absent);
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
