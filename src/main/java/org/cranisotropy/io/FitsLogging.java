package org.cranisotropy.io;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * nom-tam-fits reports a truncated file twice: as the exception this package turns into one line naming
 * the file, and as a java.util.logging warning with a stack trace. The logger of the library is kept
 * quiet below SEVERE (and held here: java.util.logging forgets the level of a logger nobody references).
 */
final class FitsLogging {
    private static final Logger NOM_TAM = Logger.getLogger("nom.tam");

    static {
        NOM_TAM.setLevel(Level.SEVERE);
    }

    private FitsLogging() {}

    /** Makes sure the level is set (class initialisation). */
    static void quiet() {
        // the static initialiser does the work
    }
}
