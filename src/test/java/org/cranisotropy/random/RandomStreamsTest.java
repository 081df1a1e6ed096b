package org.cranisotropy.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {
    /** The same (seed, index) gives the same numbers, plain or jumped; a sample's two sequences differ. */
    @Test
    void streamsAreReproducibleAndTheJumpedOneIsAnotherSequence() {
        UniformRandomProvider a = RandomStreams.stream(7, 3);
        UniformRandomProvider b = RandomStreams.stream(7, 3);
        UniformRandomProvider j1 = RandomStreams.jumped(7, 3);
        UniformRandomProvider j2 = RandomStreams.jumped(7, 3);
        Set<Long> plain = new HashSet<>();
        Set<Long> jumped = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            long x = a.nextLong();
            long y = j1.nextLong();
            assertEquals(x, b.nextLong());
            assertEquals(y, j2.nextLong());
            plain.add(x);
            jumped.add(y);
        }
        plain.retainAll(jumped);
        assertTrue(plain.isEmpty(), "the first 1e5 numbers of the plain and the jumped stream overlap");
        assertNotEquals(RandomStreams.stream(7, 3).nextLong(), RandomStreams.stream(7, 4).nextLong());
        assertNotEquals(RandomStreams.stream(7, 3).nextLong(), RandomStreams.stream(8, 3).nextLong());
    }
}
