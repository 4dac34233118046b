package io.github.deliverykit.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the command line in process and reads the sample files and goldens. */
final class CliTestSupport {

    static final String AS_OF = "2024-01-27T08:40:00Z";

    record Result(int code, String out, String err) {}

    private CliTestSupport() {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DeliveryCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The repository's examples directory (tests run in the module directory). */
    static String example(String name) {
        Path p = Path.of("..", "examples", name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("sample not found: " + p);
        }
        return p.toString();
    }

    /**
     * Copies a sample of the examples directory into {@code dir} with one edit, failing when the
     * sample does not hold the text to replace.
     */
    static Path exampleWith(Path dir, String sample, String from, String to) throws IOException {
        String text = Files.readString(Path.of(example(sample)));
        if (!text.contains(from)) {
            throw new AssertionError("sample " + sample + " does not hold " + from);
        }
        Path p = dir.resolve(sample);
        Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
        return p;
    }

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Parses an output that must be exactly one JSON document. */
    static JsonNode json(String text) {
        try {
            return STRICT.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not one JSON document: " + e.getMessage() + "\n" + text, e);
        }
    }

    static String golden(String name) throws IOException {
        try (var in = CliTestSupport.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("golden not found: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
