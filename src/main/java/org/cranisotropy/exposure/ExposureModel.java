package org.cranisotropy.exposure;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything the exposure calculation needs, read from the {@code cra.exposure} section of a
 * HOCON configuration (conf/exposure.conf documents every key): the orbit, the live-time model, the
 * detector acceptance, the observation period and step, the energy bins, the sky Nside and the
 * dwell grid (Nside_d, flight-azimuth bins). Immutable and serializable (shipped to Spark tasks).
 *
 * <p>{@link #computeLocally()} runs both stages in this JVM; the Spark job
 * (org.cranisotropy.spark.ExposureJob) splits stage (a) by day blocks and stage (b) by zenith pixels
 * and gives a bit-identical result.
 */
public final class ExposureModel implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Path of the section in the configuration. */
    public static final String SECTION = "cra.exposure";

    private final IssOrbit orbit;
    private final LiveTimeModel liveTime;
    private final DetectorAcceptance acceptance;
    private final ObservationPeriod period;
    private final double[] energyEdges;
    private final int nside;
    private final int dwellNside;
    private final int azimuthBins;
    private final int partitions;

    public ExposureModel(IssOrbit orbit, LiveTimeModel liveTime, DetectorAcceptance acceptance,
            ObservationPeriod period, EnergyBinning binning, int nside, int dwellNside, int azimuthBins,
            int partitions) {
        DwellHistogram.check(dwellNside, azimuthBins);
        if (nside < 1 || Integer.bitCount(nside) != 1 || nside > 1024) {
            throw new IllegalArgumentException("nside must be a power of two in [1, 1024], got " + nside);
        }
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions must be >= 0 (0 = automatic), got " + partitions);
        }
        for (EventClass c : acceptance.classes()) {
            for (int k = 0; k < binning.size(); k++) {
                acceptance.energyFactor(c, binning.centre(k)); // throws when not positive
            }
        }
        this.orbit = orbit;
        this.liveTime = liveTime;
        this.acceptance = acceptance;
        this.period = period;
        this.energyEdges = binning.edges();
        this.nside = nside;
        this.dwellNside = dwellNside;
        this.azimuthBins = azimuthBins;
        this.partitions = partitions;
    }

    /**
     * Reads the {@code cra.exposure} section of a resolved configuration. Missing or mistyped keys and
     * bad values raise IllegalArgumentException naming the key (and, from Typesafe Config, the file and
     * line).
     */
    public static ExposureModel fromConfig(Config root) {
        try {
            Config c = root.getConfig(SECTION);
            Config o = c.getConfig("orbit");
            IssOrbit orbit = new IssOrbit(instant(o, "epoch"), o.getDouble("inclination-deg"),
                    o.getDouble("period-min"), o.getDouble("raan-at-epoch-deg"), o.getDouble("raan-rate-deg-per-day"),
                    o.getDouble("argument-of-latitude-at-epoch-deg"));
            Config l = c.getConfig("live-time");
            Config saa = l.getConfig("saa");
            LiveTimeModel live = new LiveTimeModel(l.getDouble("dead-time-fraction"), saa.getBoolean("enabled"),
                    saa.getDouble("lat-min-deg"), saa.getDouble("lat-max-deg"), saa.getDouble("lon-min-deg"),
                    saa.getDouble("lon-max-deg"));
            Config a = c.getConfig("acceptance");
            Map<EventClass, DetectorAcceptance.ClassAcceptance> classes = new EnumMap<>(EventClass.class);
            Config cl = a.getConfig("classes");
            for (String key : cl.root().keySet()) {
                EventClass ec = EventClass.parse(key);
                Config k = cl.getConfig(key);
                classes.put(ec, new DetectorAcceptance.ClassAcceptance(k.getDouble("peak-area-m2"),
                        k.getDouble("theta-min-deg"), k.getDouble("theta-max-deg"),
                        k.getDouble("energy-slope-per-decade")));
            }
            DetectorAcceptance acc = new DetectorAcceptance(classes, a.getDouble("edge-width-deg"),
                    a.getDouble("azimuth-4fold"), a.getDouble("energy-pivot-gev"));
            Config p = c.getConfig("period");
            ObservationPeriod period = new ObservationPeriod(instant(p, "start"), instant(p, "end"),
                    p.getDouble("step-s"));
            Config e = c.getConfig("energy");
            EnergyBinning binning = EnergyBinning.logarithmic(e.getDouble("min-gev"), e.getDouble("max-gev"),
                    e.getInt("bins"));
            Config d = c.getConfig("dwell");
            return new ExposureModel(orbit, live, acc, period, binning, c.getInt("nside"), d.getInt("nside"),
                    d.getInt("azimuth-bins"), c.getInt("partitions"));
        } catch (ConfigException e) {
            throw new IllegalArgumentException("configuration: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration " + SECTION + ": " + e.getMessage(), e);
        }
    }

    private static Instant instant(Config c, String key) {
        String text = c.getString(key);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigException.BadValue(c.origin(), key,
                    "expected an ISO-8601 UTC instant like 2015-10-13T00:00:00Z, got '" + text + "'");
        }
    }

    /** A copy with another period (tests, short runs). */
    public ExposureModel withPeriod(ObservationPeriod p) {
        return new ExposureModel(orbit, liveTime, acceptance, p, binning(), nside, dwellNside, azimuthBins, partitions);
    }

    /** A copy with other grids. */
    public ExposureModel withGrids(int skyNside, int dwellNsideNew, int azimuthBinsNew) {
        return new ExposureModel(orbit, liveTime, acceptance, period, binning(), skyNside, dwellNsideNew,
                azimuthBinsNew, partitions);
    }

    public IssOrbit orbit() {
        return orbit;
    }

    public LiveTimeModel liveTime() {
        return liveTime;
    }

    public DetectorAcceptance acceptance() {
        return acceptance;
    }

    public ObservationPeriod period() {
        return period;
    }

    public EnergyBinning binning() {
        return new EnergyBinning(energyEdges);
    }

    public int nside() {
        return nside;
    }

    public int dwellNside() {
        return dwellNside;
    }

    public int azimuthBins() {
        return azimuthBins;
    }

    /** Spark partitions requested (0 = automatic). */
    public int partitions() {
        return partitions;
    }

    /** Stage (a) for steps [from, to). */
    public DwellHistogram dwell(long fromStep, long toStep) {
        return DwellHistogram.accumulate(orbit, liveTime, period, dwellNside, azimuthBins, fromStep, toStep);
    }

    /** Stage (a) for one day block of the period. */
    public DwellHistogram dwellBlock(long block) {
        return dwell(period.blockStart(block), period.blockEnd(block));
    }

    public ExposureProjection projection() {
        return new ExposureProjection(acceptance, nside);
    }

    /** Both stages in this JVM, single-threaded. */
    public ExposureCube computeLocally() {
        return projection().project(dwellBlocks(0, period.blocks())).toCube(acceptance, binning());
    }

    /** Stage (a) over blocks [from, to), merged pairwise (a balanced tree keeps merging linear-log). */
    public DwellHistogram dwellBlocks(long from, long to) {
        if (to - from <= 0) {
            return DwellHistogram.empty(dwellNside, azimuthBins);
        }
        if (to - from == 1) {
            return dwellBlock(from);
        }
        long mid = (from + to) >>> 1;
        return dwellBlocks(from, mid).plus(dwellBlocks(mid, to));
    }
}
