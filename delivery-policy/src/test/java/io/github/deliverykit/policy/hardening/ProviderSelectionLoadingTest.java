package io.github.deliverykit.policy.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.spi.ProviderException;
import io.github.deliverykit.policy.canary.CanaryAnalysis;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig;
import io.github.deliverykit.policy.canary.spi.CanaryJudge;
import io.github.deliverykit.policy.incident.IncidentSla;
import io.github.deliverykit.policy.incident.IncidentSlaConfig;
import io.github.deliverykit.policy.incident.spi.SlaTableProvider;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken provider that the config does not select must not break the strict load of an engine. */
final class ProviderSelectionLoadingTest {

    @TempDir
    Path dir;

    /** A class loader whose service file for {@code service} lists a missing class and then {@code good}. */
    private ClassLoader withBrokenProvider(Class<?> service, String good) throws IOException {
        Path file = dir.resolve(service.getName());
        Files.writeString(file, "com.example.MissingProvider\n" + good + "\n");
        URL url = file.toUri().toURL();
        String name = "META-INF/services/" + service.getName();
        return new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String resource) throws IOException {
                return resource.equals(name) ? Collections.enumeration(List.of(url)) : super.getResources(resource);
            }
        };
    }

    @Test
    void canary_brokenUnselectedJudge_doesNotBreakStrictLoad() throws IOException {
        ClassLoader loader = withBrokenProvider(CanaryJudge.class, "io.github.deliverykit.policy.canary.AlwaysPassJudge");
        CanaryAnalysis defaults = CanaryAnalysis.load(CanaryAnalysisConfig.ofDefaults(), loader);
        assertEquals(List.of("threshold", "mann-whitney"), defaults.judgeIds());
        CanaryAnalysisConfig selectsCustom = CanaryAnalysisConfig.custom().judges(List.of("threshold", "always-pass")).build();
        assertEquals(List.of("threshold", "always-pass"), CanaryAnalysis.load(selectsCustom, loader).judgeIds());
    }

    @Test
    void canary_brokenProviderWhileASelectedJudgeIsMissing_failsNamingTheBrokenClass() throws IOException {
        ClassLoader loader = withBrokenProvider(CanaryJudge.class, "io.github.deliverykit.policy.canary.AlwaysPassJudge");
        CanaryAnalysisConfig selectsMissing = CanaryAnalysisConfig.custom().judges(List.of("threshold", "ghost")).build();
        ProviderException e = assertThrows(ProviderException.class, () -> CanaryAnalysis.load(selectsMissing, loader));
        assertTrue(e.getMessage().contains("com.example.MissingProvider"), e.getMessage());
        assertTrue(e.getMessage().contains("[ghost]"), e.getMessage());
    }

    @Test
    void incident_brokenProviderOfAnotherTable_doesNotBreakStrictLoad() throws IOException {
        ClassLoader loader = withBrokenProvider(SlaTableProvider.class,
                "io.github.deliverykit.policy.incident.internal.SeedSlaTableProvider");
        IncidentSla sla = IncidentSla.load(IncidentSlaConfig.ofDefaults(), loader);
        assertEquals(1, sla.tables().problems().size());
        ProviderException e = assertThrows(ProviderException.class,
                () -> IncidentSla.load(IncidentSlaConfig.custom().table("other").build(), loader));
        assertTrue(e.getMessage().contains("com.example.MissingProvider"), e.getMessage());
    }
}
