package io.github.deliverykit.formats;

import java.nio.file.Files;
import java.nio.file.Path;

/** The sample files under the repository's {@code examples/formats}. */
public final class Samples {

    private Samples() {}

    /**
     * A sample file.
     *
     * @param name the path under examples/formats
     * @return the file
     */
    public static Path path(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("examples").resolve("formats").resolve(name);
            if (Files.exists(f)) {
                return f;
            }
        }
        throw new IllegalStateException("examples/formats/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * A sample file's text.
     *
     * @param name the path under examples/formats
     * @return the text
     */
    public static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
