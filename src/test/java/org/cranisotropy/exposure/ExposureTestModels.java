package org.cranisotropy.exposure;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.cranisotropy.cli.SettingsReader;

/** The default exposure model (reference.conf) with test overrides (HOCON text in the cra.exposure section). */
public final class ExposureTestModels {
    private ExposureTestModels() {}

    public static Path projectDir() {
        return Paths.get(System.getProperty("cra.projectDir", "."));
    }

    public static Config config(String overrides) {
        Config over = ConfigFactory.parseString(overrides.isBlank() ? "" : "cra.exposure { " + overrides + " }");
        return over.withFallback(SettingsReader.defaults()).resolve();
    }

    public static ExposureModel model(String overrides) {
        return SettingsReader.exposure(config(overrides));
    }
}
