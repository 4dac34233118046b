package io.github.deliverykit.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every public member of core's exported packages, called with hostile arguments. */
final class ExportedApiFuzzTest {

    @Test
    void exportedPackages_throwOnlyDocumentedExceptions() throws Exception {
        ReflectionFuzzer.Report report = new ReflectionFuzzer()
                .fuzz(ReflectionFuzzer.exportsOf(Path.of("src/main/java/module-info.java")))
                .exclude(List.of())
                .run();
        FuzzReports.check("delivery-core", report);
    }
}
