package org.cranisotropy.exposure;

import java.io.Serializable;

/**
 * Everything the exposure calculation needs (the {@code cra.exposure} section of a run configuration;
 * src/main/resources/reference.conf documents every key): the orbit, the live-time model, the
 * detector acceptance, the observation period and step, the energy bins, the sky Nside and the
 * dwell grid (Nside_d, flight-azimuth bins). Immutable and serializable (shipped to Spark tasks).
 *
 * <p>{@link #computeLocally()} runs both stages in this JVM; the Spark job
 * (org.cranisotropy.spark.ExposureJob) splits stage (a) by day blocks and stage (b) by zenith pixels
 * and gives a bit-identical result.
 */
public final class ExposureModel implements Serializable {
    private static final long serialVersionUID = 1L;

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
