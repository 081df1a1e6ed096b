package org.cranisotropy.harmonics;

import java.util.HashMap;
import java.util.Map;

/**
 * Unit vectors of the centres of HEALPix RING pixels from small per-ring tables: the ring's z and
 * sin(theta), and cos/sin of phi0 + 2 pi j / n_r (side by side, one cache line) shared by all rings
 * with the same n_r and phi0 (the two polar caps, and the equatorial rings of each parity): x =
 * sin(theta) cos(phi), y = sin(theta) sin(phi), z. The pixel vectors of
 * {@code org.cranisotropy.analysis.LowMultipoles}, i.e. of the data step and the Monte Carlo alike.
 *
 * <p>A pixel is found in the tables by its <em>ring code</em> {@code r << s | j} (ring r, position j in
 * the ring, s = ceil(log2(4 Nside)) bits for j): the codes of the 12 Nside^2 pixels lie in [0, 2^2s),
 * 16 Nside^2 for a power-of-two Nside, the rest unused. The Monte Carlo draws ring codes directly (its alias tables are indexed
 * by code, unused codes with weight 0), so a drawn direction costs no per-pixel table lookup: ring and
 * position come from the code's bits, and the pixel number, for the exposure, from the ring's first
 * pixel plus j ({@link #decode}). The data step looks a pixel's code up in a per-pixel table. Immutable.
 */
public final class RingPixelVectors implements java.io.Serializable {
    private static final long serialVersionUID = 2L;

    private final int shift;
    private final int positionMask;
    private final int[] code; // per RING pixel
    private final int[] ringStart;
    private final double[] z;
    private final double[] sinTheta;
    private final int[] phiOffset;
    private final double[] cosSinPhi; // cos at 2k, sin at 2k + 1

    public RingPixelVectors(RingGeometry rings) {
        if (rings.nside() > (1 << 13)) {
            throw new IllegalArgumentException("Nside too large for ring codes: " + rings.nside());
        }
        int nrings = rings.ringCount();
        this.shift = 32 - Integer.numberOfLeadingZeros(4 * rings.nside() - 1); // bits for j < 4 Nside and r < 4 Nside - 1
        this.positionMask = (1 << shift) - 1;
        this.code = new int[(int) rings.npix()];
        this.ringStart = new int[nrings];
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
        this.cosSinPhi = new double[2 * size];
        for (int r = 0; r < nrings; r++) {
            int nr = rings.pixelCount(r);
            z[r] = rings.z(r);
            sinTheta[r] = rings.sinTheta(r);
            ringStart[r] = (int) rings.startPixel(r);
            for (int j = 0; j < nr; j++) {
                double phi = rings.phi0(r) + 2.0 * Math.PI * j / nr;
                cosSinPhi[2 * (phiOffset[r] + j)] = Math.cos(phi);
                cosSinPhi[2 * (phiOffset[r] + j) + 1] = Math.sin(phi);
                code[ringStart[r] + j] = r << shift | j;
            }
        }
    }

    public int npix() {
        return code.length;
    }

    /** The number of ring codes, 2^2s (16 Nside^2 for a power-of-two Nside): every code lies in [0, codes()). */
    public int codes() {
        return 1 << (2 * shift);
    }

    /** The ring code of RING pixel p. */
    public int code(int p) {
        return code[p];
    }

    /** A per-pixel map laid out by ring code: out[code(p)] = map[p], 0 at unused codes. */
    public double[] byCode(double[] map) {
        if (map.length != code.length) {
            throw new IllegalArgumentException("map of " + map.length + " pixels, expected " + code.length);
        }
        double[] out = new double[codes()];
        for (int p = 0; p < map.length; p++) {
            out[code[p]] = map[p];
        }
        return out;
    }

    /** The number of rings, 4 Nside - 1. */
    public int rings() {
        return z.length;
    }

    /** z = cos(theta) of ring r's pixel centres. */
    public double z(int r) {
        return z[r];
    }

    /** sin(theta) of ring r's pixel centres. */
    public double sinTheta(int r) {
        return sinTheta[r];
    }

    /**
     * Decodes {@code count} ring codes: the RING pixel number, the ring, and cos and sin of the
     * pixel centre's phi (what the a_lm sums of {@code LowMultipoles} need besides the ring's theta).
     */
    public void decode(int[] codes, int count, int[] pixels, int[] rings, double[] cosPhi, double[] sinPhi) {
        int sh = shift;
        int mask = positionMask;
        int[] start = ringStart;
        int[] offset = phiOffset;
        double[] cs = cosSinPhi;
        for (int i = 0; i < count; i++) {
            int c = codes[i];
            int r = c >>> sh;
            int j = c & mask;
            int k = 2 * (offset[r] + j);
            pixels[i] = start[r] + j;
            rings[i] = r;
            cosPhi[i] = cs[k];
            sinPhi[i] = cs[k + 1];
        }
    }

    /** Writes x, y, z of pixel p's centre to out[at], out[at + 1], out[at + 2]. */
    public void unitVector(int p, double[] out, int at) {
        int ringCode = code[p];
        int r = ringCode >>> shift;
        int k = 2 * (phiOffset[r] + (ringCode & positionMask));
        double s = sinTheta[r];
        out[at] = s * cosSinPhi[k];
        out[at + 1] = s * cosSinPhi[k + 1];
        out[at + 2] = z[r];
    }
}
