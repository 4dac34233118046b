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
