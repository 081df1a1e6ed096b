package org.cranisotropy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one digest of the tool's resume fingerprints. */
class Sha256Test {
    @TempDir
    Path tmp;

    @Test
    void aFileDigestIsTheStandardOne() throws Exception {
        Path f = tmp.resolve("abc");
        Files.writeString(f, "abc");
        // FIPS 180-2, appendix B.1: SHA-256("abc")
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.ofFile(f));
    }

    @Test
    void valuesAreFedUnambiguously() {
        // texts carry their length: ("ab", "c") and ("a", "bc") differ
        assertNotEquals(new Sha256().add("ab").add("c").hex(), new Sha256().add("a").add("bc").hex());
        // doubles by their bits: 0.0 and -0.0 differ, the same array gives the same digest
        assertNotEquals(new Sha256().add(0.0).hex(), new Sha256().add(-0.0).hex());
        assertEquals(new Sha256().add(new double[] {1, 2}).hex(), new Sha256().add(new double[] {1, 2}).hex());
        assertNotEquals(new Sha256().add(new double[] {1, 2}).hex(), new Sha256().add(new double[] {2, 1}).hex());
    }
}
