package org.cranisotropy.harmonics;

import java.util.HashMap;
import java.util.Map;

/**
 * Unit vectors of the centres of HEALPix RING pixels from small per-ring tables: a pixel's ring and
 * position j in it (one int a pixel), the ring's z and sin(theta), and cos/sin of phi0 + 2 pi j / n_r
 * shared by all rings with the same n_r and phi0 (the two polar caps, and the equatorial rings of
 * each parity): x = sin(theta) cos(phi), y = sin(theta) sin(phi), z, in about 7 bytes a pixel instead of
 * 24. The pixel vectors of {@code org.cranisotropy.analysis.LowMultipoles}, i.e. of the data step and the
 * Monte Carlo alike; the Monte Carlo looks up random pixels and keeps these tables in the fast caches.
 * Immutable.
 */
public final class RingPixelVectors implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] ringAndIndex; // ring << 16 | j
    private final double[] z;
    private final double[] sinTheta;
    private final int[] phiOffset;
    private final double[] cosPhi;
    private final double[] sinPhi;

    public RingPixelVectors(RingGeometry rings) {
        if (4L * rings.nside() > 65536) {
            throw new IllegalArgumentException("Nside too large for packed ring positions: " + rings.nside());
        }
        int nrings = rings.ringCount();
        this.ringAndIndex = new int[(int) rings.npix()];
        this.z = new double[nrings];
        this.sinTheta = new double[nrings];
        this.phiOffset = new int[nrings];
        Map<String, Integer> shared = new HashMap<>();
        int size = 0;
        for (int r = 0; r < nrings; r++) {
            int nr = rings.pixelCount(r);
            String key = nr + "/" + Double.doubleToLongBits(rings.phi0(r));
            Integer off = shared.get(key);
            if (off == null) {
                off = size;
                shared.put(key, off);
                size += nr;
            }
            phiOffset[r] = off;
        }
        this.cosPhi = new double[size];
        this.sinPhi = new double[size];
        for (int r = 0; r < nrings; r++) {
            int nr = rings.pixelCount(r);
            z[r] = rings.z(r);
            sinTheta[r] = rings.sinTheta(r);
            for (int j = 0; j < nr; j++) {
                double phi = rings.phi0(r) + 2.0 * Math.PI * j / nr;
                cosPhi[phiOffset[r] + j] = Math.cos(phi);
                sinPhi[phiOffset[r] + j] = Math.sin(phi);
                ringAndIndex[(int) rings.startPixel(r) + j] = r << 16 | j;
            }
        }
    }

    public int npix() {
        return ringAndIndex.length;
    }

    /** Writes x, y, z of pixel p's centre to out[at], out[at + 1], out[at + 2]. */
    public void unitVector(int p, double[] out, int at) {
        int rj = ringAndIndex[p];
        int r = rj >>> 16;
        int k = phiOffset[r] + (rj & 0xFFFF);
        double s = sinTheta[r];
        out[at] = s * cosPhi[k];
        out[at + 1] = s * sinPhi[k];
        out[at + 2] = z[r];
    }
}
