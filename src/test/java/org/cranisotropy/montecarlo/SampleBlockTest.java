package org.cranisotropy.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout of samples/ in blocks: fixed by the number of samples, covering it exactly. */
class SampleBlockTest {
    @Test
    void blocksCoverTheSamplesOnceInAtMostEightChunks() {
        for (long n : new long[] {1, 7, 8, 30, 200, 5000, 20001}) {
            List<SampleBlock> blocks = SampleBlock.layout(n);
            long next = 0;
            for (SampleBlock b : blocks) {
                assertEquals(next, b.first(), "n = " + n);
                assertEquals(b.first() / SampleBlock.chunkSize(n), b.chunk(), "n = " + n);
                next = b.end();
                org.junit.jupiter.api.Assertions.assertTrue(b.size() <= SampleBlock.SIZE);
            }
            assertEquals(n, next);
            org.junit.jupiter.api.Assertions.assertTrue(blocks.get(blocks.size() - 1).chunk() < 8);
        }
        // 5000 samples: 8 chunks of 625, each 25 blocks of 25
        assertEquals(200, SampleBlock.layout(5000).size());
        assertEquals(new SampleBlock(7, 4975, 5000), SampleBlock.layout(5000).get(199));
        assertEquals(Path.of("s", "chunk=7", "kind=grid", "block-000000004975.parquet"),
                new SampleBlock(7, 4975, 5000).file(Path.of("s"), "grid"));
        assertThrows(IllegalArgumentException.class, () -> new SampleBlock(0, 5, 5));
    }
}
