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

    @Test
    void theDefaultsLiveInReferenceConfAndMatchThePublishedChoices() {
        org.cranisotropy.analysis.AnalysisSettings d = SettingsReader.analysis(RunConfig.load(null));
        // the selection of CALET JPS 2025 and the five thresholds of ICRC 2019, as the core names them
        org.cranisotropy.analysis.ClassSelection calet = org.cranisotropy.analysis.ClassSelection.calet2025();
        for (double e : new double[] {10, 100, 475.4, 475.5, 476, 1e4, 1e9}) {
            for (org.cranisotropy.exposure.EventClass k : org.cranisotropy.exposure.EventClass.values()) {
                assertEquals(calet.accepts(e, k), d.selection().accepts(e, k), e + " GeV, class " + k);
            }
        }
        assertEquals(0.01, d.selection().exposureFloor());
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                org.cranisotropy.analysis.EnergyScan.standardThresholds(), d.standardThresholds(), 1e-9);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {50, 65, 100, 158, 251, 398, 562, 1000, 5000},
                d.binEdgesGev());
        // optional keys are null in reference.conf, known, and unset unless a configuration sets them
        assertTrue(RunConfig.KNOWN_KEYS.contains("cra.simulation.spectrum.emin-gev"));
        assertTrue(RunConfig.KNOWN_KEYS.contains("cra.exposure.acceptance.classes.*.theta-min-deg"));
        assertTrue(RunConfig.KNOWN_KEYS.stream().noneMatch(k -> k.contains("classes.A")), RunConfig.KNOWN_KEYS.toString());
        assertEquals(null, SimulationSettings.recipe(RunConfig.load(null), null, null, null, null).eminGev());
        // cra.model.vela: the Vela of ICRC 2019 as the model names it (D(E) of its eq. 4.1, the default losses)
        assertEquals(org.cranisotropy.model.VelaParameters.ICRC_2019, SettingsReader.vela(RunConfig.load(null)));
        assertEquals(Path.of("conf/measured/electron-spectrum.csv"),
                SettingsReader.velaMeasuredSpectrum(RunConfig.load(null)));
    }

    @Test
    void aConfigurationSetsOnlyWhatDiffersAndKeepsTheRestAtItsDefault() throws Exception {
        Path f = tmp.resolve("partial.conf");
        Files.writeString(f, "cra.analysis.grid-count = 20\ncra.simulation.spectrum.emin-gev = 60\n");
        var c = RunConfig.load(f);
        org.cranisotropy.analysis.AnalysisSettings a = SettingsReader.analysis(c);
        assertEquals(20, a.gridCount());
        assertEquals(9, a.binEdgesGev().length);
        assertEquals(60.0, SimulationSettings.recipe(c, null, null, null, null).eminGev());
        assertEquals(64, SettingsReader.exposure(c).nside());
        // a value of the wrong type names the user's file and the key
        Path bad = tmp.resolve("bad-type.conf");
        Files.writeString(bad, "cra.analysis.grid-count = many\n");
        var loaded = RunConfig.load(bad);
        BadInputException e = assertThrows(BadInputException.class, () -> RunConfig.analysis(bad, loaded));
        assertTrue(e.getMessage().startsWith(bad.toString()) && e.getMessage().contains("grid-count"), e.getMessage());
    }

    private void assertUnknown(String hocon, String message, String hint) throws Exception {
        Path f = tmp.resolve("bad.conf");
        Files.writeString(f, hocon + "\n");
        BadInputException e = assertThrows(BadInputException.class, () -> RunConfig.load(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains(message)
                && e.getMessage().contains(hint), e.getMessage());
    }
}
