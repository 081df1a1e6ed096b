package org.cranisotropy.cli;

import java.nio.file.Path;
import java.util.Map;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.io.ExposureFiles;
import org.cranisotropy.io.FooterKeys;
import picocli.CommandLine.Option;

/**
 * The data a command works on, {@code --events} and {@code --exposure}, declared once for the
 * commands that read both (analyze, simulate, associate; a picocli mixin).
 */
final class DataInputs {
    @Option(names = "--events", required = true, paramLabel = "PATH",
            description = "Events: Parquet (file or directory), CSV or FITS table with energy_gev, event_class, "
                    + "l_deg,b_deg or ra_deg,dec_deg.")
    Path events;

    @Option(names = "--exposure", required = true, paramLabel = "PATH",
            description = "Exposure maps: a directory with manifest.csv (as cra exposure writes) or the manifest itself.")
    Path exposure;

    /** The events file as it was named (the data's name in tables and messages). */
    String eventsName() {
        return events.toString();
    }

    EventSample readEvents() {
        return EventSample.read(events);
    }

    ExposureCube readExposure() {
        return ExposureFiles.read(exposure);
    }

    /** The inputs as table metadata: cra.events and cra.exposure. */
    Map<String, String> metadata() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put(FooterKeys.EVENTS, events.toString());
        m.put(FooterKeys.EXPOSURE, exposure.toString());
        return m;
    }
}
