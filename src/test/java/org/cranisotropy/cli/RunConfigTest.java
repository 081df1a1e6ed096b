package org.cranisotropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cranisotropy.io.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run configurations: the project's own load, and a misspelt key is refused instead of ignored. */
class RunConfigTest {
    @TempDir
    Path tmp;

    @Test
    void everyConfigurationOfTheProjectLoads() throws Exception {
        try (var s = Files.list(Path.of(AnalyzeCommandTest.projectFile("conf")))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".conf") && !p.getFileName().toString().startsWith("spark-"))
                    .toList()) {
                assertTrue(RunConfig.load(f).hasPath("cra"), f.toString());
            }
        }
    }

    @Test
    void misspeltKeysAreRefusedWithTheFileTheKeyAndTheNearestKnownKey() throws Exception {
        assertUnknown("cra.analysis { grid-cuont = 20 }", "unknown key cra.analysis.grid-cuont",
                "did you mean cra.analysis.grid-count?");
        assertUnknown("cra.analysis.every-evnt = false", "unknown key cra.analysis.every-evnt",
                "did you mean cra.analysis.every-event?");
        assertUnknown("cra.exposure.acceptance.classes.A.peak-area = 1", "unknown key cra.exposure.acceptance.classes.A.peak-area", "");
        assertUnknown("cra.analysis.class-selection = [{ emin-gev = 0, emax-gev = 10, clases = [A] }]",
                "unknown key clases in rule 1 of cra.analysis.class-selection", "did you mean classes?");
        // outside cra, keys are the user's own (e.g. values for substitutions)
        Path ok = tmp.resolve("ok.conf");
        Files.writeString(ok, "mine { e = 100 }\ncra.analysis.grid-count = ${mine.e}\n"
                + "cra.exposure.acceptance.classes.B.peak-area-m2 = 0.1\n");
        assertEquals(100, RunConfig.load(ok).getInt("cra.analysis.grid-count"));
    }

    private void assertUnknown(String hocon, String message, String hint) throws Exception {
        Path f = tmp.resolve("bad.conf");
        Files.writeString(f, hocon + "\n");
        BadInputException e = assertThrows(BadInputException.class, () -> RunConfig.load(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains(message)
                && e.getMessage().contains(hint), e.getMessage());
    }
}
