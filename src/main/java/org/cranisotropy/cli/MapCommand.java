package org.cranisotropy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cranisotropy.harmonics.Alm;
import org.cranisotropy.harmonics.SphericalHarmonicTransform;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.io.MapFiles;
import org.cranisotropy.sky.HealpixGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cra map}: synthesis a_lm to map (healpy alm2map), the inverse of {@code cra alm}. */
@Command(
        name = "map",
        mixinStandardHelpOptions = true,
        description = "Synthesise a RING HEALPix map from a_lm (healpy alm2map), e.g. to look at a fitted dipole.")
final class MapCommand implements Runnable {
    @Option(names = "--alm", paramLabel = "FILE", required = true,
            description = "a_lm as JSON, the output of 'cra alm --json' (keys lmax and alm[{l,m,re,im}]).")
    Path almFile;

    @Option(names = "--nside", paramLabel = "N", required = true, description = "Nside of the map to write.")
    int nside;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Output map: .fits (healpy-readable, RING) or .csv (pix,value).")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (!HealpixGrid.isValidNside(nside)) {
            throw new IllegalArgumentException("--nside must be a power of two, got " + nside);
        }
        Alm alm = readAlm(almFile);
        MapFiles.write(new SphericalHarmonicTransform(nside, alm.lmax()).synthesiseMap(alm), out);
        spec.commandLine().getOut().println("wrote " + out);
    }

    static Alm readAlm(Path file) {
        JsonNode root;
        try {
            try (var in = Files.newInputStream(file)) {
                root = Json.mapper().readTree(in);
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read as JSON (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.path("lmax").canConvertToInt() || !root.path("alm").isArray()) {
            throw new BadInputException(file + ": expected the JSON of 'cra alm --json' (lmax, alm)");
        }
        int lmax = root.get("lmax").asInt();
        if (lmax < 0) {
            throw new BadInputException(file + ": lmax must be >= 0 (value " + lmax + ")");
        }
        double[] re = new double[Alm.size(lmax)];
        double[] im = new double[Alm.size(lmax)];
        int row = 0;
        for (JsonNode a : root.get("alm")) {
            row++;
            int l = a.path("l").asInt(-1);
            int m = a.path("m").asInt(-1);
            if (l < 0 || l > lmax || m < 0 || m > l) {
                throw new BadInputException(file + ", alm entry " + row + ": (l, m) outside 0 <= m <= l <= lmax"
                        + " (value l=" + a.path("l") + ", m=" + a.path("m") + ")");
            }
            int k = Alm.index(lmax, l, m);
            re[k] = a.path("re").asDouble();
            im[k] = a.path("im").asDouble();
        }
        return Alm.of(lmax, re, im);
    }
}
