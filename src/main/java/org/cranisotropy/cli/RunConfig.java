package org.cranisotropy.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.io.FooterKeys;

/** Loading HOCON run configurations (conf/*.conf) and describing a run in output metadata. */
final class RunConfig {
    private RunConfig() {}

    /**
     * The defaults of every {@code cra.*} key with their meaning: src/main/resources/reference.conf, the one
     * home of the defaults (no Java code repeats them).
     */
    static Config reference() {
        return REFERENCE;
    }

    private static final Config REFERENCE =
            ConfigFactory.parseResources(RunConfig.class.getClassLoader(), "reference.conf").resolve();

    /**
     * Parses a configuration file (includes are relative to it) over the defaults of reference.conf and
     * resolves it; {@code null} gives the defaults alone. A key that reference.conf does not list is bad
     * input naming the file, the key and the nearest known key.
     */
    static Config load(Path file) {
        if (file == null) {
            return REFERENCE;
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such configuration file");
        }
        Config own;
        Config c;
        try {
            own = org.cranisotropy.io.StoragePath.isLocal(file) ? ConfigFactory.parseFile(file.toFile())
                    : parseRemote(file);
            c = own.withFallback(REFERENCE).resolve();
        } catch (com.typesafe.config.ConfigException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
        checkKeys(file, own, c);
        return c;
    }

    /** A configuration on a Hadoop file system (its includes, if any, are not followed there). */
    private static Config parseRemote(Path file) {
        try (java.io.Reader r = Files.newBufferedReader(file)) {
            return ConfigFactory.parseReader(r, com.typesafe.config.ConfigParseOptions.defaults()
                    .setOriginDescription(file.toString()));
        } catch (java.io.IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Maps whose keys are names rather than settings (the event classes of the acceptance): under them any
     * name is allowed, with the settings each name of reference.conf has.
     */
    private static final List<String> NAMED_MAPS = List.of("cra.exposure.acceptance.classes");

    /**
     * Every key a run configuration may set under {@code cra}, derived from reference.conf (null-valued keys
     * included); {@code *} stands for one name of a {@link #NAMED_MAPS named map}.
     */
    static final List<String> KNOWN_KEYS = knownKeys();

    private static List<String> knownKeys() {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        leaves(List.of("cra"), REFERENCE.root().get("cra"), path -> {
            List<String> p = new java.util.ArrayList<>(path);
            for (int i = 1; i < p.size(); i++) {
                if (NAMED_MAPS.contains(String.join(".", p.subList(0, i)))) {
                    p.set(i, "*");
                }
            }
            keys.add(String.join(".", p));
        });
        return List.copyOf(keys);
    }

    /** Keys that have moved (old key, new key): a configuration with an old one is refused, naming the new one. */
    static final Map<String, String> MOVED_KEYS = Map.of("cra.run.measured-spectrum",
            "cra.model.vela.measured-spectrum");

    /** The keys of each rule of cra.analysis.class-selection. */
    static final List<String> CLASS_SELECTION_KEYS = List.of("emin-gev", "emax-gev", "classes");

    /**
     * Rejects a key under {@code cra} that no step reads (a misspelt key would otherwise leave its
     * default in force without a word), naming the file, the key and the nearest known key.
     */
    private static void checkKeys(Path file, Config own, Config c) {
        java.util.TreeSet<String> set = new java.util.TreeSet<>();
        if (own.root().get("cra") != null) {
            leaves(List.of("cra"), own.root().get("cra"), path -> set.add(com.typesafe.config.ConfigUtil.joinPath(path)));
        }
        for (String key : set) {
            if (MOVED_KEYS.containsKey(key)) {
                throw new BadInputException(file + ": " + key + " is now " + MOVED_KEYS.get(key) + "; set that key "
                        + "instead");
            }
            if (KNOWN_KEYS.stream().noneMatch(k -> matches(k, key))) {
                throw new BadInputException(file + ": unknown key " + key + nearest(key, KNOWN_KEYS));
            }
        }
        if (c.hasPath("cra.analysis.class-selection")
                && c.getValue("cra.analysis.class-selection") instanceof com.typesafe.config.ConfigList rules) {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i) instanceof com.typesafe.config.ConfigObject rule) {
                    for (String k : new java.util.TreeSet<>(rule.keySet())) {
                        if (!CLASS_SELECTION_KEYS.contains(k)) {
                            throw new BadInputException(file + ": unknown key " + k + " in rule " + (i + 1)
                                    + " of cra.analysis.class-selection" + nearest(k, CLASS_SELECTION_KEYS));
                        }
                    }
                }
            }
        }
    }

    /**
     * The path (as its elements) of every leaf (a value that is not an object, null included) of an unresolved
     * configuration tree: the keys a file sets, and the keys reference.conf knows.
     */
    private static void leaves(List<String> path, com.typesafe.config.ConfigValue value,
            java.util.function.Consumer<List<String>> out) {
        if (value instanceof com.typesafe.config.ConfigObject object) {
            for (Map.Entry<String, com.typesafe.config.ConfigValue> e : object.entrySet()) {
                List<String> child = new java.util.ArrayList<>(path);
                child.add(e.getKey());
                leaves(child, e.getValue(), out);
            }
        } else {
            out.accept(path);
        }
    }

    private static boolean matches(String pattern, String key) {
        String[] p = pattern.split("\\.");
        String[] k = com.typesafe.config.ConfigUtil.splitPath(key).toArray(new String[0]);
        if (p.length != k.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (!p[i].equals("*") && !p[i].equals(k[i])) {
                return false;
            }
        }
        return true;
    }

    /** " (did you mean K?)" for the known key nearest in edit distance, if it is near enough. */
    private static String nearest(String key, List<String> known) {
        org.apache.commons.text.similarity.LevenshteinDistance d =
                org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int x = d.apply(key, k);
            if (x < bestDistance) {
                best = k;
                bestDistance = x;
            }
        }
        return best != null && bestDistance <= 3 ? " (did you mean " + best + "?)" : "";
    }

    /**
     * cra.analysis of a loaded configuration as typed settings; a bad value is bad input naming the file
     * (the core's message names the key and value).
     */
    static org.cranisotropy.analysis.AnalysisSettings analysis(Path file, Config c) {
        org.cranisotropy.analysis.AnalysisSettings[] out = new org.cranisotropy.analysis.AnalysisSettings[1];
        check(file, () -> out[0] = SettingsReader.analysis(c));
        return out[0];
    }

    /**
     * The analysis settings a run recorded (its cra.config metadata, JSON, over reference.conf; null: none
     * recorded, the defaults).
     */
    static org.cranisotropy.analysis.AnalysisSettings recordedAnalysis(String json) {
        if (json == null) {
            return SettingsReader.analysis(REFERENCE);
        }
        try {
            return SettingsReader.analysis(ConfigFactory.parseString(json).withFallback(REFERENCE).resolve());
        } catch (com.typesafe.config.ConfigException | IllegalArgumentException e) {
            throw new BadInputException("the run's recorded configuration cannot be read: " + e.getMessage(), e);
        }
    }

    /** cra.model.vela of a loaded configuration as the model's parameters; a bad value is bad input naming the file. */
    static org.cranisotropy.model.VelaParameters vela(Path file, Config c) {
        org.cranisotropy.model.VelaParameters[] out = new org.cranisotropy.model.VelaParameters[1];
        check(file, () -> out[0] = SettingsReader.vela(c));
        return out[0];
    }

    /** Runs a check of a loaded configuration; a bad value is bad input naming the file. */
    static void check(Path file, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            String name = file == null ? "reference.conf (the defaults)" : file.toString();
            throw new BadInputException(m != null && m.startsWith(name) ? m : name + ": " + m, e);
        }
    }

    /** Footer metadata: tool version, command, configuration (JSON) and any extra entries. */
    static Map<String, String> metadata(String command, Config config, Map<String, String> extra) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(FooterKeys.VERSION, Version.get());
        m.put(FooterKeys.COMMAND, command);
        m.put(FooterKeys.CREATED, java.time.Instant.now().toString());
        if (config != null) {
            m.put(FooterKeys.CONFIG, config.root().render(ConfigRenderOptions.concise()));
        }
        m.putAll(extra);
        return m;
    }
}
