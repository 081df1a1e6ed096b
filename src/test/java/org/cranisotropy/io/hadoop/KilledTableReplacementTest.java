package org.cranisotropy.io.hadoop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cranisotropy.io.ParquetTable;
import org.cranisotropy.io.ParquetTableReader;
import org.cranisotropy.io.StoragePath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process replacing a table is killed (SIGKILL, no clean-up) at random moments, on the local disk and on
 * HDFS: afterwards the table's final name holds either nothing or one whole generation (every row of the
 * same generation, its _SUCCESS marker present), never a mixture or a partial table. (Between the two renames
 * of a replacement there is no table under the final name, and the earlier one lies whole under a hidden name.)
 */
class KilledTableReplacementTest {
    private static final int KILLS = 6;

    @TempDir
    Path tmp;

    @Test
    void aKillDuringTableReplacementLeavesAWholeTableOnTheLocalDisk() throws Exception {
        killRepeatedly(tmp.resolve("t").toString());
    }

    @Test
    void aKillDuringTableReplacementLeavesAWholeTableOnHdfs() throws Exception {
        try (MiniHdfs hdfs = new MiniHdfs(tmp.resolve("dfs"))) {
            killRepeatedly(hdfs.uri() + "/kills/t");
        }
    }

    private static void killRepeatedly(String table) throws Exception {
        SplittableRandom rng = new SplittableRandom(20261205);
        long lastSeen = 0;
        for (int k = 0; k < KILLS; k++) {
            Process p = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), ReplaceTableForever.class.getName(), table))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String first = out.readLine(); // one generation in place: the loop is running
                assertTrue(first != null, "the writer ended before its first table");
                Thread.sleep(rng.nextInt(20, 400)); // then killed somewhere in a later replacement
                p.destroyForcibly();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            }
            lastSeen = Math.max(lastSeen, check(StoragePath.of(table)));
        }
        assertTrue(lastSeen > 1, "the kills fell into later generations");
    }

    private static boolean isWhole(Path dir) {
        try {
            check(dir);
            return true;
        } catch (AssertionError | RuntimeException | IOException e) {
            return false;
        }
    }

    /**
     * The table under its final name is one whole generation (returned); or, killed between the two renames,
     * there is none and the earlier generation lies whole beside it under its hidden set-aside name (0).
     */
    private static long check(Path table) throws IOException {
        if (!Files.exists(table)) {
            try (var siblings = Files.list(table.getParent())) {
                // the set-aside one of the killed replacement, whole (a completed write removes earlier ones; one
                // killed while it removed them may leave a part of one beside it)
                List<Path> aside = siblings.filter(q -> q.getFileName().toString().startsWith(".t.old-")).toList();
                long whole = aside.stream().filter(KilledTableReplacementTest::isWhole).count();
                assertTrue(whole >= 1, "no table and no whole set-aside one: " + aside);
            }
            return 0;
        }
        assertTrue(Files.exists(table.resolve("_SUCCESS")), table + " without _SUCCESS");
        ParquetTable t = ParquetTableReader.read(table);
        double[] g = t.numeric("generation");
        assertEquals(2000, g.length);
        for (double v : g) {
            assertEquals(g[0], v, "rows of two generations");
        }
        assertEquals(Long.toString((long) g[0]), t.metadata().get("cra.seed"));
        return (long) g[0];
    }
}
