package org.cranisotropy.validation;

/**
 * What the analysis measured on one injected sky, per selection r of the scan (thresholds, then bins):
 * delta[r] and the angle between the measured and the injected dipole direction (NaN without events),
 * the local p-value, the limits of every {@link LimitMethod} (limits[method ordinal][r], NaN where a
 * method does not apply), and the sky's trial-corrected p-value; with the injected amplitude and
 * direction. A few numbers per selection: a validation run sends one of these per sky to the driver.
 */
public record SkyOutcome(double amplitude, double lDeg, double bDeg, double[] delta, double[] angleDeg,
        double[] localP, double[][] limits, double globalP) implements java.io.Serializable {}
