package org.cranisotropy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cranisotropy.events.EventFileReader;
import org.cranisotropy.harmonics.Alm;
import org.cranisotropy.harmonics.DipoleEstimate;
import org.cranisotropy.harmonics.HarmonicAnalysis;
import org.cranisotropy.harmonics.PowerSpectrum;
import org.cranisotropy.io.MapFiles;
import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.sky.HealpixMap;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cra alm}: the anafast equivalent on a map file or an event file. */
@Command(
        name = "alm",
        header = "anafast: a_lm, C_l and the dipole of a HEALPix map or events.",
        mixinStandardHelpOptions = true,
        description = {
            "Spherical-harmonic analysis of a HEALPix map (healpy map2alm/anafast conventions):",
            "a_lm, C_l, the dipole amplitude delta = 3 sqrt(C1/C0) and the dipole direction."
        })
final class AlmCommand implements Runnable {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--map", paramLabel = "FILE", required = true,
                description = "HEALPix map: FITS as healpy write_map (ORDERING/NSIDE from the header; "
                        + "NESTED is reordered to RING) or CSV with header pix,value (RING).")
        Path map;

        @Option(names = "--events", paramLabel = "FILE", required = true,
                description = "Events as CSV or Parquet with l_deg,b_deg (galactic) or ra_deg,dec_deg "
                        + "(ICRS J2000) and an optional weight column; binned into a RING map.")
        Path events;
    }

    @Option(names = "--nside", paramLabel = "N", description = "Nside of the event map (with --events).")
    Integer nside;

    @Option(names = "--lmax", paramLabel = "L", required = true, description = "Largest multipole l.")
    int lmax;

    @Option(names = "--iter", paramLabel = "N", defaultValue = "0",
            description = "Jacobi iterations as healpy map2alm(iter=N). Default ${DEFAULT-VALUE}: the plain "
                    + "quadrature at pixel centres of the CALET/Fermi-LAT method (healpy's own default is 3).")
    int iter;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        HealpixMap map = loadMap();
        if (lmax < 0 || lmax > 3 * map.nside() - 1 + 4 * map.nside()) {
            throw new IllegalArgumentException("--lmax must be in [0, " + (7 * map.nside() - 1) + "], got " + lmax);
        }
        if (iter < 0) {
            throw new IllegalArgumentException("--iter must be >= 0, got " + iter);
        }
        long t0 = System.nanoTime();
        Alm alm = HarmonicAnalysis.alm(map, lmax, iter);
        double millis = (System.nanoTime() - t0) / 1e6;
        PowerSpectrum cl = alm.powerSpectrum();
        DipoleEstimate dipole = lmax >= 1 ? DipoleEstimate.of(alm) : null;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(toJson(map.nside(), alm, cl, dipole)));
        } else {
            printTable(out, map.nside(), alm, cl, dipole, millis);
        }
        out.flush();
    }

    private HealpixMap loadMap() {
        if (input.map != null) {
            if (nside != null) {
                throw new IllegalArgumentException("--nside goes with --events; a map file carries its own Nside");
            }
            return MapFiles.read(input.map);
        }
        if (nside == null || !HealpixGrid.isValidNside(nside)) {
            throw new IllegalArgumentException("--events needs --nside, a power of two (got " + nside + ")");
        }
        return EventFileReader.readDirections(input.events).weightMap(nside);
    }

    private Map<String, Object> toJson(int mapNside, Alm alm, PowerSpectrum cl, DipoleEstimate dipole) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("nside", mapNside);
        o.put("lmax", lmax);
        o.put("iter", iter);
        o.put("cl", cl.toArray());
        List<Map<String, Object>> coefficients = new ArrayList<>();
        for (int l = 0; l <= lmax; l++) {
            for (int m = 0; m <= l; m++) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("l", l);
                a.put("m", m);
                a.put("re", alm.re(l, m));
                a.put("im", alm.im(l, m));
                coefficients.add(a);
            }
        }
        o.put("alm", coefficients);
        if (dipole != null) {
            o.put("delta", dipole.delta());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("l_deg", dipole.lDeg());
            d.put("b_deg", dipole.bDeg());
            o.put("dipole", d);
        }
        return o;
    }

    private void printTable(PrintWriter out, int mapNside, Alm alm, PowerSpectrum cl, DipoleEstimate dipole,
            double millis) {
        out.printf("Nside %d, lmax %d, iter %d (%.1f ms)%n", mapNside, lmax, iter, millis);
        out.printf("%5s  %-24s%n", "l", "C_l");
        for (int l = 0; l <= lmax; l++) {
            out.printf("%5d  %-24.17g%n", l, cl.cl(l));
        }
        if (dipole != null) {
            out.printf("delta = 3 sqrt(C1/C0) = %.10g%n", dipole.delta());
            out.printf("dipole direction: l = %.4f deg, b = %.4f deg%n", dipole.lDeg(), dipole.bDeg());
        }
        if (lmax <= 3) {
            out.printf("%3s %3s  %-24s %-24s%n", "l", "m", "Re a_lm", "Im a_lm");
            for (int l = 0; l <= lmax; l++) {
                for (int m = 0; m <= l; m++) {
                    out.printf("%3d %3d  %-24.17g %-24.17g%n", l, m, alm.re(l, m), alm.im(l, m));
                }
            }
        }
    }
}
