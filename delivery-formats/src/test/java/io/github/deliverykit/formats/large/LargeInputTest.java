package io.github.deliverykit.formats.large;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming, proven in a JVM of its own: a generated Opsgenie incidents response of about 100 MB is
 * read under a 64 MB heap (the profile {@code -Plarge-inputs} makes it 1 GB under 256 MB). Read as one
 * tree the same file needs several times its size in heap.
 */
final class LargeInputTest {

    /** The file size, from {@code -Ddeliverykit.largeInputMegabytes} (the large-inputs profile sets 1024). */
    private static final long MEGABYTES = Long.getLong("deliverykit.largeInputMegabytes", 100);
    /** The child JVM's heap, from {@code -Ddeliverykit.largeInputHeap}. */
    private static final String HEAP = System.getProperty("deliverykit.largeInputHeap", "64m");

    @TempDir
    Path dir;

    @Test
    void opsgenie_largeResponse_readsInASmallHeap() throws Exception {
        Path file = dir.resolve("incidents.json");
        String padding = "x".repeat(3900);
        long incidents = 0;
        long target = MEGABYTES * 1024 * 1024;
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"data\": [\n");
            long written = 12;
            while (written < target) {
                Instant at = start.plusSeconds(incidents * 600);
                String line = (incidents == 0 ? "" : ",\n") + "{\"id\": \"inc-" + incidents + "\", \"tinyId\": \"" + incidents
                        + "\", \"message\": \"generated\", \"description\": \"" + padding + "\", \"status\": \"resolved\","
                        + " \"priority\": \"P" + (1 + incidents % 5) + "\", \"createdAt\": \"" + at + "\", \"impactStartDate\": \""
                        + at + "\", \"impactEndDate\": \"" + at.plusSeconds(300) + "\", \"impactedServices\": [\"svc-"
                        + (incidents % 7) + "\"], \"tags\": [\"generated\", \"large\"]}";
                w.write(line);
                written += line.length();
                incidents++;
            }
            w.write("\n], \"took\": 0.1}\n");
        }
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + HEAP,
                "-XX:TieredStopAtLevel=1", "-cp", classPath(), LargeInputMain.class.getName(), file.toString());
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the reader did not finish in 600 s");
        }
        String stdout = Files.readString(out);
        String stderr = Files.readString(err);
        assertEquals(0, p.exitValue(), stderr);
        assertTrue(Files.size(file) >= target, "generated " + Files.size(file));
        assertEquals(incidents + " incidents; read " + incidents + ", accepted " + incidents + ", rejected 0, skipped 0, merged 0, noted "
                + incidents + "\n", stdout, stderr);
    }

    private static String classPath() {
        String cp = System.getProperty("java.class.path", "");
        String mp = System.getProperty("jdk.module.path", "");
        return mp.isEmpty() ? cp : cp.isEmpty() ? mp : cp + File.pathSeparator + mp;
    }
}
