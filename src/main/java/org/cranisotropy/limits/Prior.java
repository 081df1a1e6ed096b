package org.cranisotropy.limits;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prior on the anisotropic dipole power C1ani &gt;= 0 of the {@link BayesianUpperLimit}. */
public enum Prior {
    /**
     * Uniform in C1ani over [0, inf) (the default). An assumption, not verified: the only source here for the
     * Fermi-LAT 2017 formulas (the CALET JPS 2025 slide, "copy-pasted from Fermi-LAT (2017)
     * supplemental material") gives the likelihood but names no prior; a posterior equal to the normalised
     * likelihood is flat in C1ani. The supplement itself (arXiv:1703.01073, ancillary files) was not
     * available. Unbounded, this prior never gives a limit below C_N ((1 - CL)^-2 - 1) (399 C_N at 95 %),
     * about ten times the likelihood-ratio limit in delta; if the supplement turns out to bound the range or
     * to use another prior, this default must change.
     */
    FLAT_C1("flat-c1", "uniform in C1ani"),
    /**
     * Uniform in the amplitude delta = 3 sqrt(C1ani / 4 pi): density in C1ani proportional to
     * {@code d delta / d C1ani ~ C1ani^(-1/2)}.
     */
    FLAT_DELTA("flat-delta", "uniform in delta, i.e. density ~ C1ani^(-1/2)");

    private final String cliName;
    private final String meaning;

    Prior(String cliName, String meaning) {
        this.cliName = cliName;
        this.meaning = meaning;
    }

    /** The command-line / JSON name: {@code flat-c1} or {@code flat-delta}. */
    public String cliName() {
        return cliName;
    }

    /** One-line meaning for help texts. */
    public String meaning() {
        return meaning;
    }

    /** The prior of a command-line name (case-insensitive; '_' accepted for '-'). */
    public static Prior parse(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Prior p : values()) {
                if (p.cliName.equals(n)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("unknown prior '" + name + "', expected one of "
                + Arrays.stream(values()).map(Prior::cliName).collect(Collectors.joining(", ")));
    }
}
