package org.cranisotropy.exposure;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The shipped conf/exposure.conf with test overrides (HOCON text in the cra.exposure section). */
public final class ExposureTestModels {
    private ExposureTestModels() {}

    public static Path projectDir() {
        return Paths.get(System.getProperty("cra.projectDir", "."));
    }

    public static Config config(String overrides) {
        Config base = ConfigFactory.parseFile(new File(projectDir().toFile(), "conf/exposure.conf"));
        Config over = ConfigFactory.parseString(overrides.isBlank() ? "" : "cra.exposure { " + overrides + " }");
        return over.withFallback(base).resolve();
    }

    public static ExposureModel model(String overrides) {
        return ExposureModel.fromConfig(config(overrides));
    }
}
