package org.cranisotropy.sky;

/** HEALPix pixel numbering schemes, named as in the FITS keyword ORDERING. */
public enum Ordering {
    RING,
    NESTED;

    /** Parses the FITS ORDERING value ("RING", "NESTED" or "NEST", any case). */
    public static Ordering fromFits(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(java.util.Locale.ROOT);
        switch (v) {
            case "RING":
                return RING;
            case "NESTED":
            case "NEST":
                return NESTED;
            default:
                throw new IllegalArgumentException("unknown HEALPix ORDERING '" + value + "'");
        }
    }
}
