package org.cranisotropy.montecarlo;

import java.util.Locale;

/**
 * Which flux model the isotropic samples' energies are drawn from when the spectrum is fitted
 * (cra.simulation.spectrum.model, --spectrum-model): one smooth break, two, or the choice between
 * them by likelihood ratio ({@link SpectrumChoice}).
 */
public enum SpectrumModel {
    SINGLE, DOUBLE, AUTO;

    /** single, double or auto (any case). */
    public static SpectrumModel parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "single" -> SINGLE;
            case "double" -> DOUBLE;
            case "auto" -> AUTO;
            default -> throw new IllegalArgumentException("the spectrum model must be 'single', 'double' or 'auto', "
                    + "got '" + value + "'");
        };
    }

    /** The name as the configuration spells it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
