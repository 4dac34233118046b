package io.github.deliverykit.cli;

import static io.github.deliverykit.cli.CliTestSupport.AS_OF;
import static io.github.deliverykit.cli.CliTestSupport.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line in a JVM of its own with a small heap, on a generated incidents file of about
 * 25 MB: read as a tree it needed about 400 MB, so these heaps ended in an {@code OutOfMemoryError}
 * stack trace with exit 1.
 */
final class LargeInputTest {

    private static final int INCIDENTS = 100_000;

    @TempDir
    static Path dir;

    static Path incidents;

    @BeforeAll
    static void generate() throws IOException {
        incidents = dir.resolve("incidents.json");
        Instant start = Instant.parse("2023-01-01T00:00:00Z");
        try (BufferedWriter w = Files.newBufferedWriter(incidents, StandardCharsets.UTF_8)) {
            w.write("{\"incidents\": [\n");
            for (int i = 0; i < INCIDENTS; i++) {
                Instant s = start.plusSeconds(300L * i);
                w.write((i == 0 ? "" : ",\n") + "{\"id\": \"INC-" + i + "\", \"service\": \"portal\", \"severity\": \"SEV-"
                        + (1 + i % 4) + "\", \"title\": \"generated incident number " + i + " for the heap test\", "
                        + "\"started\": \"" + s + "\", \"acknowledged\": \"" + s.plusSeconds(60) + "\", \"mitigated\": \""
                        + s.plusSeconds(120) + "\", \"resolved\": \"" + s.plusSeconds(240) + "\"}");
            }
            w.write("\n]}\n");
        }
    }

    private static CliTestSupport.Result java(String heap, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-cp", classPath(), DeliveryCli.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the command line did not finish in 120 s");
        }
        return new CliTestSupport.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String classPath() {
        String cp = System.getProperty("java.class.path", "");
        String mp = System.getProperty("jdk.module.path", "");
        return mp.isEmpty() ? cp : cp.isEmpty() ? mp : cp + File.pathSeparator + mp;
    }

    @Test
    void largeFile_smallHeap_isStreamed() throws IOException, InterruptedException {
        // one incident of 100,000 is reported: memory holds one element at a time, not the file
        CliTestSupport.Result r = java("48m", "incident-report", "--id", "INC-" + (INCIDENTS - 1), "--incidents",
                incidents.toString(), "--as-of", "2024-06-01T00:00:00Z");
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("Incident report: INC-" + (INCIDENTS - 1)), r.out());
    }

    @Test
    void outOfMemory_isOneLine_exit3() throws IOException, InterruptedException {
        // every incident is kept for the DORA dataset: too much for this heap
        CliTestSupport.Result r = java("20m", "dora", "--deployments", example("deployments.json"), "--incidents",
                incidents.toString(), "--as-of", AS_OF);
        assertEquals(ExitCode.INTERNAL_ERROR, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("delivery: out of memory ("), r.err());
    }
}
