package org.cranisotropy.exposure;

import java.util.Locale;

/**
 * The geometry classes of CALET electron candidates (ICRC 2019, supplemental material of CALET PRL
 * 2018): A to D cover successively larger incidence angles, each with its own acceptance.
 */
public enum EventClass {
    A,
    B,
    C,
    D;

    /** Parses "A".."D" (any case, surrounding blanks ignored); IllegalArgumentException otherwise. */
    public static EventClass parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (EventClass c : values()) {
            if (c.name().equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown event class '" + text + "' (expected A, B, C or D)");
    }
}
