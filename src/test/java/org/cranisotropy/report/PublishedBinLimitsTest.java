package org.cranisotropy.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cranisotropy.io.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Published binned limits: the committed Fermi-LAT 2017 file, quoted CSV, and bad rows named. */
class PublishedBinLimitsTest {
    @TempDir
    Path tmp;

    @Test
    void theCommittedFermiLat2017LimitsRead() {
        Path f = Path.of(System.getProperty("cra.projectDir", ".")).resolve("conf/published/fermi-lat-2017-dipole-ul.csv");
        PublishedBinLimits p = PublishedBinLimits.read(f);
        assertEquals("Fermi-LAT 2017, 95 % CL", p.label());
        assertArrayEquals(new double[] {42, 56, 75, 100, 133, 178, 237, 316, 562}, p.eminGev(), 0);
        assertEquals(1998, p.emaxGev()[8], 0);
        assertEquals(0.00287, p.ulDelta()[0], 0);
        assertEquals(0.0233, p.ulDelta()[8], 0);
        assertTrue(p.sameBins(p.eminGev(), p.emaxGev()));
        assertFalse(p.sameBins(new double[] {50, 65}, new double[] {65, 100}));
    }

    @Test
    void quotedFieldsAndCommentsAreCsvAndABadValueIsNamed() throws Exception {
        Path ok = Files.writeString(tmp.resolve("ok.csv"), "# a source\n\"emin_gev\",\"emax_gev\",\"ul_delta\"\n"
                + "\"10\",\"20\",\"0.5\"\n");
        PublishedBinLimits p = PublishedBinLimits.read(ok);
        assertEquals("ok", p.label());
        assertEquals(0.5, p.ulDelta()[0], 0);
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "emin_gev,emax_gev,ul_delta\n10,20,0.5\n20,30,-1\n");
        BadInputException e = assertThrows(BadInputException.class, () -> PublishedBinLimits.read(bad));
        assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains("row 2")
                && e.getMessage().contains("-1"), e.getMessage());
        Path columns = Files.writeString(tmp.resolve("columns.csv"), "energy_gev,ul\n10,0.5\n");
        e = assertThrows(BadInputException.class, () -> PublishedBinLimits.read(columns));
        assertTrue(e.getMessage().contains("emin_gev, emax_gev, ul_delta"), e.getMessage());
    }
}
