package io.github.deliverykit.core.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Prints a fuzzer report, keeps it in {@code target/reflection-fuzz.txt} and fails on any finding. */
public final class FuzzReports {

    private FuzzReports() {
    }

    /** Fails when the run found an undocumented exception or a slow call, or an exclusion matched nothing. */
    public static void check(String module, ReflectionFuzzer.Report report) throws IOException {
        String summary = report.summary(module);
        System.out.println(summary);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/reflection-fuzz.txt"), summary);
        if (!report.failures().isEmpty()) {
            throw new AssertionError(report.failures().size() + " members threw undocumented exceptions or ran "
                    + "too long (see target/reflection-fuzz.txt):\n" + summary);
        }
        if (!report.unusedExclusions().isEmpty()) {
            throw new AssertionError("excluded members that no longer exist: " + report.unusedExclusions());
        }
    }
}
