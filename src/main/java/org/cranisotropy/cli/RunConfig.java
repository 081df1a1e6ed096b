package org.cranisotropy.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cranisotropy.io.BadInputException;

/** Loading HOCON run configurations (conf/*.conf) and describing a run in output metadata. */
final class RunConfig {
    private RunConfig() {}

    /** Parses and resolves a configuration file (includes are relative to it). */
    static Config load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such configuration file");
        }
        try {
            return ConfigFactory.parseFile(file.toFile()).resolve();
        } catch (com.typesafe.config.ConfigException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }

    /** Footer metadata: tool version, command, configuration (JSON) and any extra entries. */
    static Map<String, String> metadata(String command, Config config, Map<String, String> extra) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cra.version", Version.get());
        m.put("cra.command", command);
        m.put("cra.created", java.time.Instant.now().toString());
        if (config != null) {
            m.put("cra.config", config.root().render(ConfigRenderOptions.concise()));
        }
        m.putAll(extra);
        return m;
    }
}
