package org.cranisotropy.report;

import healpix.essentials.HealpixBase;
import healpix.essentials.RangeSet;
import healpix.essentials.Scheme;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.analysis.SelectionExposure;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.sky.HealpixMap;
import org.cranisotropy.sky.Ordering;

/**
 * The maps of the sky figures, for the selected events at or above one energy threshold (RING, galactic):
 *
 * <ul>
 *   <li>{@code counts}: events per pixel at Nside {@value #COUNT_NSIDE} (coarser than the analysis' pixels so
 *       that a pixel holds several events);
 *   <li>{@code exposure}: the selection exposure averaged over the events, (1/N) sum_i A_sel(E_i, p) in m^2 s, at
 *       the exposure's Nside (the "average exposure map" of ICRC 2019 section 3);
 *   <li>{@code relativeIntensity}: counts over the isotropic expectation mu_p = sum_i A_sel(E_i, p) / sum_q A_sel(E_i, q)
 *       (the same exposure weighting as the analysis), both summed over a top-hat disc of radius
 *       {@code smoothingDeg} around each pixel centre (healpix-java queryDisc), at the exposure's Nside:
 *       RI_p = sum_disc n / sum_disc mu. 1 = isotropic.
 * </ul>
 */
public record SkyMaps(double thresholdGev, int events, HealpixMap counts, HealpixMap exposure,
        HealpixMap relativeIntensity, double smoothingDeg) {
    public static final int COUNT_NSIDE = 16;

    /** The maps of the selected events with E &gt;= threshold. */
    public static SkyMaps of(PreparedSample data, double thresholdGev, double smoothingDeg) {
        ExposureCube cube = data.exposure();
        SelectionExposure sel = data.selectionExposure();
        int npix = cube.npix();
        int bins = cube.binning().size();
        double[][] expoWeight = new double[sel.rules()][bins];
        double[][] muWeight = new double[sel.rules()][bins];
        HealpixGrid countGrid = new HealpixGrid(COUNT_NSIDE);
        HealpixGrid fine = new HealpixGrid(cube.nside());
        double[] counts = new double[(int) countGrid.npix()];
        double[] nFine = new double[npix];
        int n = 0;
        for (int i = 0; i < data.size() && data.energyGev(i) >= thresholdGev; i++, n++) {
            double e = data.energyGev(i);
            int rule = sel.rule(e);
            ExposureCube.InterpolationPoint ip = cube.interpolation(e);
            double muScale = 1.0 / (npix * data.meanExposure(i));
            expoWeight[rule][ip.bin()] += 1 - ip.upperWeight();
            muWeight[rule][ip.bin()] += (1 - ip.upperWeight()) * muScale;
            if (ip.upperWeight() != 0) {
                expoWeight[rule][ip.bin() + 1] += ip.upperWeight();
                muWeight[rule][ip.bin() + 1] += ip.upperWeight() * muScale;
            }
            double[] ang = fine.pix2ang(data.pixel(i), Ordering.RING);
            counts[(int) countGrid.ang2pix(ang[0], ang[1], Ordering.RING)] += 1;
            nFine[data.pixel(i)] += 1;
        }
        if (n == 0) {
            throw new IllegalArgumentException("no selected event at or above " + thresholdGev + " GeV");
        }
        double[] expo = new double[npix];
        double[] mu = new double[npix];
        for (int r = 0; r < sel.rules(); r++) {
            for (int k = 0; k < bins; k++) {
                if (expoWeight[r][k] != 0) {
                    sel.addScaled(r, k, expoWeight[r][k] / n, expo);
                    sel.addScaled(r, k, muWeight[r][k], mu);
                }
            }
        }
        return new SkyMaps(thresholdGev, n, HealpixMap.adoptRing(COUNT_NSIDE, counts), HealpixMap.adoptRing(cube.nside(), expo),
                HealpixMap.adoptRing(cube.nside(), topHatRatio(nFine, mu, cube.nside(), smoothingDeg)), smoothingDeg);
    }

    /** sum over the disc of radius r around each pixel centre of num, over the same sum of den (NaN if 0). */
    static double[] topHatRatio(double[] num, double[] den, int nside, double radiusDeg) {
        double[] out = new double[num.length];
        ThreadLocal<HealpixBase> bases = ThreadLocal.withInitial(() -> {
            try {
                return new HealpixBase(nside, Scheme.RING);
            } catch (Exception e) {
                throw new IllegalStateException("healpix-java rejects Nside " + nside, e);
            }
        });
        java.util.stream.IntStream.range(0, num.length).parallel().forEach(p -> {
            try {
                HealpixBase base = bases.get();
                RangeSet disc = base.queryDisc(base.pix2ang(p), Math.toRadians(radiusDeg));
                double a = 0;
                double b = 0;
                for (int k = 0; k < disc.nranges(); k++) {
                    for (long q = disc.ivbegin(k); q < disc.ivend(k); q++) {
                        a += num[(int) q];
                        b += den[(int) q];
                    }
                }
                out[p] = b > 0 ? a / b : Double.NaN;
            } catch (Exception e) {
                throw new IllegalStateException("healpix-java queryDisc failed: " + e.getMessage(), e);
            }
        });
        return out;
    }

    /** The value of a RING map at a direction (degrees). */
    static double at(HealpixMap m, HealpixGrid grid, double lDeg, double bDeg) {
        return m.get((int) grid.ang2pix(Math.toRadians(90 - bDeg), Math.toRadians(lDeg), Ordering.RING));
    }
}
