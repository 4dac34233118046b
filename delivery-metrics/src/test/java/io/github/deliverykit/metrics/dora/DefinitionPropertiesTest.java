package io.github.deliverykit.metrics.dora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.dora.DefinitionComparison.Figures;
import io.github.deliverykit.metrics.dora.DoraConfig.LeadTimeStart;
import io.github.deliverykit.metrics.dora.DoraReport.ChangeFailureRate;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.DeploymentScope;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.Duplicates;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.FailureCount;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.RecoveryEnd;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.RecoveryStart;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.RecoveryWindow;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.Rules;
import io.github.deliverykit.metrics.stats.Quantiles.QuantileDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The definitions over random histories (the generator of {@link DoraPropertiesTest}). */
final class DefinitionPropertiesTest {

    private static final DoraConfig CONFIG = DoraConfig.custom()
            .productionEnvironments(List.of("production", "production-eu")).build();
    private static final Interval WINDOW = Interval.of(Events.T0.plus(Duration.ofDays(3)),
            Events.T0.plus(Duration.ofDays(17)));

    /** DevLake's dashboard before devlake#8890: the devlake rules, counting incidents. */
    private record PerIncident() implements DoraDefinition {
        @Override
        public String id() {
            return "per-incident";
        }

        @Override
        public String title() {
            return "per incident";
        }

        @Override
        public String source() {
            return "test";
        }

        @Override
        public Rules rules() {
            return new Rules(DeploymentScope.SUCCESSFUL, Duplicates.ONE_PER_VERSION_AND_DAY,
                    FailureCount.ATTRIBUTED_INCIDENTS, RecoveryStart.CAUSE_DEPLOYMENT_FINISHED, RecoveryEnd.RESOLVED,
                    RecoveryWindow.END, LeadTimeStart.AUTHORED, QuantileDefinition.LOWER);
        }
    }

    private static final DoraDefinitions ALL;

    static {
        List<DoraDefinition> all = new ArrayList<>(DoraDefinition.load().all());
        all.add(new PerIncident());
        ALL = DoraDefinitions.of(all);
    }

    @Provide
    Arbitrary<DoraEvents> events() {
        return Arbitraries.longs().map(DoraPropertiesTest::randomEvents);
    }

    private static DoraEvents shuffled(DoraEvents e, long seed) {
        Random r = new Random(seed);
        List<io.github.deliverykit.core.event.Deployment> d = new ArrayList<>(e.deployments());
        List<io.github.deliverykit.core.event.Incident> i = new ArrayList<>(e.incidents());
        Collections.shuffle(d, r);
        Collections.shuffle(i, r);
        return new DoraEvents(d, i, e.commits(), e.histories());
    }

    @Property(tries = 100)
    void comparison_invariantUnderInputOrder(@ForAll("events") DoraEvents events, @ForAll long seed) {
        assertEquals(ALL.compare(events, CONFIG, WINDOW), ALL.compare(shuffled(events, seed), CONFIG, WINDOW));
    }

    @Property(tries = 100)
    void dora2024_isTheDatasetsOwnChangeFailureRateAndRecovery(@ForAll("events") DoraEvents any) {
        // the definitions read production incidents only; the dataset also lets a non-production incident
        // that names a production deployment as its cause fail that deployment
        DoraEvents events = new DoraEvents(any.deployments(), any.incidents().stream()
                .filter(i -> CONFIG.productionEnvironments().contains(i.environment())).toList(), any.commits(),
                any.histories());
        Figures f = ALL.compare(events, CONFIG, WINDOW).figuresOf("dora-2024").orElseThrow();
        DoraReport report = DoraDataset.of(events, CONFIG).report(WINDOW);
        ChangeFailureRate cfr = report.changeFailureRate();
        assertEquals(cfr.deployments(), f.deployments());
        assertEquals(cfr.failed(), f.changeFailureRate().failures());
        assertEquals(cfr.value(), f.changeFailureRate().value());
        assertEquals(report.recoveryTime().summary(), f.recovery().summary());
    }

    @Property(tries = 100)
    void failedDeployments_atMostIncidents_andRatesBounded(@ForAll("events") DoraEvents events) {
        DefinitionComparison c = ALL.compare(events, CONFIG, WINDOW);
        Figures devlake = c.figuresOf("devlake").orElseThrow();
        Figures perIncident = c.figuresOf("per-incident").orElseThrow();
        assertEquals(devlake.deployments(), perIncident.deployments());
        assertTrue(devlake.changeFailureRate().failures() <= perIncident.changeFailureRate().failures());
        for (Figures f : c.figures()) {
            assertTrue(f.deploymentDays() <= f.deployments(), f.definition());
            if (f.rules().failures() == FailureCount.FAILED_DEPLOYMENTS) {
                f.changeFailureRate().value().ifPresent(v -> assertTrue(v >= 0 && v <= 1, f.definition() + " " + v));
            }
            // a definition's own findings come first, with its id as the code's namespace
            assertTrue(c.findings().find(f.definition() + ".change-failure-rate").isPresent(), f.definition());
        }
        Map<String, Long> successfulInWindow = Map.of("four-keys", c.figuresOf("four-keys").orElseThrow().deployments(),
                "gitlab", c.figuresOf("gitlab").orElseThrow().deployments());
        assertEquals(successfulInWindow.get("four-keys"), successfulInWindow.get("gitlab"));
        assertEquals(c.figuresOf("four-keys").orElseThrow().deployments() + c.figuresOf("four-keys").orElseThrow()
                .failedExcluded(), c.figuresOf("dora-2024").orElseThrow().deployments());
    }
}
