package org.cranisotropy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Loads the golden files of src/test/resources/golden (made by the scripts in src/test/python). */
public final class Golden {
    private Golden() {}

    public static JsonNode json(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + name);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path file(String name) {
        try {
            return Paths.get(Golden.class.getResource("/golden/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("missing golden file " + name, e);
        }
    }
}
