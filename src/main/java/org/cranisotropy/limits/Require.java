package org.cranisotropy.limits;

/** Argument checks of the limits package: IllegalArgumentException naming the argument and value. */
final class Require {
    private Require() {}

    /** A finite value >= 0. */
    static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
        return value;
    }

    /** A finite value > 0. */
    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** A confidence / credibility level strictly inside (0, 1). */
    static double level(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), got " + value);
        }
        return value;
    }
}
