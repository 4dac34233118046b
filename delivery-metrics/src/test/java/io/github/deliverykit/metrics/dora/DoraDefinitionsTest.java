package io.github.deliverykit.metrics.dora;

import static io.github.deliverykit.metrics.dora.Events.T0;
import static io.github.deliverykit.metrics.dora.Events.day;
import static io.github.deliverykit.metrics.dora.Events.days;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.dora.DefinitionComparison.FailureRate;
import io.github.deliverykit.metrics.dora.DefinitionComparison.Figures;
import io.github.deliverykit.metrics.dora.DoraConfig.LeadTimeStart;
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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class DoraDefinitionsTest {

    private static final Interval MONTH = days(0, 30);
    private static final int[] CAUSES = {3, 3, 7, 7, 11, 15}; // 6 incidents on 4 of 23 deployments

    /** A definition made of rules, as a third party would write one. */
    private record Custom(String id, Rules rules) implements DoraDefinition {
        @Override
        public String title() {
            return "custom " + id;
        }

        @Override
        public String source() {
            return "test";
        }
    }

    /** DevLake's dashboard before devlake#8890: incidents summed per deployment. */
    private static final Custom PER_INCIDENT = new Custom("devlake-before-8890", new Rules(DeploymentScope.SUCCESSFUL,
            Duplicates.ONE_PER_VERSION_AND_DAY, FailureCount.ATTRIBUTED_INCIDENTS, RecoveryStart.CAUSE_DEPLOYMENT_FINISHED,
            RecoveryEnd.RESOLVED, RecoveryWindow.END, LeadTimeStart.AUTHORED, QuantileDefinition.LOWER));

    /** 23 successful production deployments at 10:00 on days 0..22, and incidents caused by some of them. */
    private static List<Deployment> deployments() {
        List<Deployment> out = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            out.add(Deployment.builder(String.format("d%02d", i), "checkout").version("v" + i)
                    .at(day(i, 9.5), day(i, 10)).build());
        }
        return out;
    }

    /** Caused by deployment d: impact at +1 h, created at +1.5 h, mitigated at +2 h, resolved at +4 h. */
    private static Incident incident(String id, int cause) {
        return Incident.builder(id, "checkout", Severity.SEV2).started(day(cause, 11)).detected(day(cause, 11.5))
                .mitigated(day(cause, 12)).resolved(day(cause, 14)).causedBy(String.format("d%02d", cause)).build();
    }

    private static List<Incident> incidents() {
        List<Incident> out = new ArrayList<>();
        for (int i = 0; i < CAUSES.length; i++) {
            out.add(incident("i" + (i + 1), CAUSES[i]));
        }
        return out;
    }

    private static DoraEvents history() {
        return DoraEvents.builder().deployments(deployments()).incidents(incidents()).build();
    }

    private static DefinitionComparison compare(DoraDefinitions defs, DoraEvents events) {
        return defs.compare(events, DoraConfig.ofDefaults(), MONTH);
    }

    private static double rate(DefinitionComparison c, String id) {
        return c.figuresOf(id).orElseThrow().changeFailureRate().value().orElseThrow();
    }

    @Test
    void devLakeTestVector_sixIncidentsOnFourOfTwentyThree_perIncidentAndPerDeployment() {
        DoraDefinitions defs = DoraDefinitions.of(List.of(PER_INCIDENT, new io.github.deliverykit.metrics.dora.internal
                .BuiltInDefinitions.DevLake()));
        DefinitionComparison c = compare(defs, history());
        FailureRate before = c.figuresOf("devlake-before-8890").orElseThrow().changeFailureRate();
        FailureRate after = c.figuresOf("devlake").orElseThrow().changeFailureRate();
        assertEquals(6, before.failures());
        assertEquals(23, before.deployments());
        assertEquals(4, after.failures());
        assertEquals(23, after.deployments());
        assertEquals("26.1 %", DoraDefinitions.percent(before.value().orElseThrow()));
        assertEquals("17.4 %", DoraDefinitions.percent(after.value().orElseThrow()));
        Finding differs = c.findings().find("definitions.change-failure-rate.differs").orElseThrow();
        assertTrue(differs.message().contains("devlake-before-8890 counts 6 incident(s) attributed to deployments over 23 deployment(s): 26.1 %"),
                differs.message());
        assertTrue(differs.message().contains("devlake counts 4 failed deployment(s) over 23 deployment(s): 17.4 %"),
                differs.message());
        assertTrue(differs.message().contains("per deployment or per incident"), differs.message());
        assertFalse(differs.message().contains("merged or not"), differs.message()); // nothing was merged
        assertFalse(differs.message().contains("count as deployments or not"), differs.message()); // none failed
        assertEquals(6L, differs.fact("devlake-before-8890.failures"));
        assertEquals(4L, differs.fact("devlake.failures"));
    }

    @Test
    void builtIns_sameHistory_figuresPerDefinition() {
        List<Deployment> deployments = new ArrayList<>(deployments());
        // two failed deployments, and d20 deployed again the same day (a second job of one pipeline)
        deployments.add(Deployment.builder("f1", "checkout").version("v5b").at(day(5, 15), day(5, 16))
                .outcome(DeploymentOutcome.FAILED).build());
        deployments.add(Deployment.builder("f2", "checkout").version("v9b").at(day(9, 15), day(9, 16))
                .outcome(DeploymentOutcome.ROLLED_BACK).build());
        deployments.add(Deployment.builder("d20b", "checkout").version("v20").at(day(20, 10), day(20, 10.5)).build());
        DoraEvents events = DoraEvents.builder().deployments(deployments).incidents(incidents()).build();
        DefinitionComparison c = compare(DoraDefinitions.builtIns(), events);
        assertEquals(List.of("four-keys", "devlake", "gitlab", "dora-2024"),
                c.figures().stream().map(Figures::definition).toList());

        Figures fourKeys = c.figuresOf("four-keys").orElseThrow();
        assertEquals(24, fourKeys.deployments());
        assertEquals(2, fourKeys.failedExcluded());
        assertEquals(0, fourKeys.mergedDuplicates());
        assertEquals(23, fourKeys.deploymentDays());
        assertEquals(4.0 / 24, rate(c, "four-keys"), 1e-12);

        Figures devlake = c.figuresOf("devlake").orElseThrow();
        assertEquals(23, devlake.deployments()); // d20 and d20b are one deployment
        assertEquals(1, devlake.mergedDuplicates());
        assertEquals(4.0 / 23, rate(c, "devlake"), 1e-12);

        Figures gitlab = c.figuresOf("gitlab").orElseThrow();
        assertEquals(24, gitlab.deployments());
        assertEquals(6.0 / 24, rate(c, "gitlab"), 1e-12); // incidents created in the window / deployments
        assertEquals(24 / 30.0, gitlab.perDay(), 1e-12);

        Figures dora = c.figuresOf("dora-2024").orElseThrow();
        assertEquals(26, dora.deployments()); // failed deployments are deployments
        assertEquals(0, dora.failedExcluded());
        assertEquals(6.0 / 26, rate(c, "dora-2024"), 1e-12); // 4 with incidents + 2 failed by outcome

        // recovery: where it starts and ends
        assertEquals(Optional.of(Duration.ofHours(4)), fourKeys.recovery().summary().median()); // deploy -> resolved
        assertEquals(6, fourKeys.recovery().summary().sampleSize());
        assertEquals(Optional.of(Duration.ofHours(4)), devlake.recovery().summary().median());
        assertEquals(Optional.of(Duration.ofMinutes(150)), gitlab.recovery().summary().median()); // created -> closed
        // failed deployment -> next successful one: d03/d07/d11/d15 -> next day 24 h, f1 -> d06 and f2 -> d10 18 h
        assertEquals(6, dora.recovery().summary().sampleSize());
        assertEquals(Optional.of(Duration.ofHours(24)), dora.recovery().summary().median());

        Finding deploymentsDiffer = c.findings().find("definitions.deployments.differs").orElseThrow();
        assertTrue(deploymentsDiffer.message().startsWith("deployments differs: four-keys counts 24 deployment(s); "
                + "devlake counts 23 deployment(s); gitlab counts 24 deployment(s); dora-2024 counts 26 deployment(s) (because "),
                deploymentsDiffer.message());
        assertEquals("failed deployments count as deployments or not (ALL_FINISHED: dora-2024, SUCCESSFUL: four-keys, "
                + "devlake, gitlab); repeated deployments of a version and day are merged or not (KEEP: four-keys, gitlab, "
                + "dora-2024, ONE_PER_VERSION_AND_DAY: devlake)", deploymentsDiffer.fact("reasons"));
        String recoveryDiffers = c.findings().find("definitions.recovery.differs").orElseThrow().message();
        assertTrue(recoveryDiffers.contains("recovery starts and ends at other instants")
                && recoveryDiffers.contains("placed in the window by its start or its end")
                && recoveryDiffers.contains("interpolates or takes the lower value"), recoveryDiffers);
        String fourKeysRecovery = c.findings().find("four-keys.recovery").orElseThrow().message();
        assertFalse(fourKeysRecovery.contains("open") || fourKeysRecovery.contains("without")
                || fourKeysRecovery.contains("dropped"), fourKeysRecovery);
        assertTrue(fourKeysRecovery.contains("linear median PT4H over 6"), fourKeysRecovery);
        assertFalse(c.findings().find("dora-2024.deployments").orElseThrow().message().contains("not counted"));
        assertFalse(c.findings().find("four-keys.deployments").orElseThrow().message().contains("merged"));
        assertTrue(deploymentsDiffer.message().contains("failed deployments count as deployments or not"),
                deploymentsDiffer.message());
        assertTrue(deploymentsDiffer.message().contains("merged or not"), deploymentsDiffer.message());
        assertTrue(c.findings().find("definitions.recovery.differs").isPresent());
        assertTrue(c.findings().find("four-keys.deployments").orElseThrow().message()
                .contains("2 failed deployment(s) not counted as deployments"));
        assertTrue(c.findings().find("devlake.deployments").orElseThrow().message()
                .contains("1 repeated deployment(s) of one version and day merged"));
        assertEquals(Level.INFO, c.findings().worst());
    }

    @Test
    void gitlab_moreIncidentsThanDeployments_rateAboveOneIsWarned() {
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            incidents.add(Incident.builder("x" + i, "checkout", Severity.SEV3).started(day(1, i)).resolved(day(1, i + 1))
                    .build());
        }
        DoraEvents events = DoraEvents.builder()
                .deployments(Deployment.builder("d1", "checkout").at(day(0, 9), day(0, 10)).build())
                .incidents(incidents).build();
        DefinitionComparison c = compare(DoraDefinitions.builtIns().select(List.of("gitlab", "four-keys")), events);
        assertEquals(3.0, rate(c, "gitlab"), 1e-12);
        assertEquals(1.0, rate(c, "four-keys"), 1e-12); // the three are attributed to d1: one failed deployment
        Finding warn = c.findings().find("gitlab.change-failure-rate").orElseThrow();
        assertEquals(Level.WARN, warn.level());
        assertTrue(warn.message().contains("300.0 %"), warn.message());
        assertEquals(List.of("gitlab", "four-keys"), c.figures().stream().map(Figures::definition).toList());
        assertEquals(Level.INFO, c.findings().find("four-keys.change-failure-rate").orElseThrow().level()); // 100 %
    }

    @Test
    void noIncidentAtAll_rateHasNoData_andAgreementIsSaid() {
        DoraEvents events = DoraEvents.builder().deployments(deployments()).build();
        DefinitionComparison c = compare(DoraDefinitions.builtIns(), events);
        for (Figures f : c.figures()) {
            assertTrue(f.changeFailureRate().value().isEmpty(), f.definition());
            assertEquals(23, f.deployments(), f.definition());
        }
        assertTrue(c.findings().find("definitions.change-failure-rate.agrees").isPresent());
        assertTrue(c.findings().find("definitions.deployments.agrees").isPresent());
        assertTrue(c.findings().find("devlake.change-failure-rate").orElseThrow().message().contains("no incident"));
        // dora-2024 counts failed deployments and devlake merges duplicates, but this history has neither
        assertEquals("none", c.findings().find("definitions.deployments.agrees").orElseThrow().fact("reasons"));
        assertTrue(c.findings().find("definitions.recovery.agrees").isPresent());
        assertTrue(c.findings().find("definitions.lead-time.agrees").isPresent());
        assertTrue(c.findings().find("definitions.deployments.agrees").orElseThrow().message()
                .startsWith("deployments is the same under every definition: four-keys counts 23 deployment(s); devlake"));
    }

    @Test
    void incidentRecovery_openUnlinkedAndNegativeAreCountedNotMeasured() {
        DoraEvents events = DoraEvents.builder()
                .deployments(Deployment.builder("d1", "checkout").at(day(1, 9), day(1, 10)).build(),
                        Deployment.builder("late", "checkout").at(day(3, 9), day(3, 10)).build())
                .incidents(Incident.builder("open", "checkout", Severity.SEV2).started(day(1, 11)).causedBy("d1").build(),
                        // long after d1, no cause: unlinked for a start at the causing deployment
                        Incident.builder("unlinked", "checkout", Severity.SEV2).started(day(5, 0)).resolved(day(5, 1))
                                .build(),
                        // caused by a deployment that finished after the incident was resolved
                        Incident.builder("negative", "checkout", Severity.SEV2).started(day(2, 0)).resolved(day(2, 1))
                                .causedBy("late").build())
                .build();
        Rules startAtDeploy = new Rules(DeploymentScope.SUCCESSFUL, Duplicates.KEEP, FailureCount.FAILED_DEPLOYMENTS,
                RecoveryStart.CAUSE_DEPLOYMENT_FINISHED, RecoveryEnd.IMPACT_ENDED, RecoveryWindow.START,
                LeadTimeStart.AUTHORED, QuantileDefinition.LINEAR);
        Rules impact = new Rules(DeploymentScope.SUCCESSFUL, Duplicates.KEEP, FailureCount.FAILED_DEPLOYMENTS,
                RecoveryStart.IMPACT_STARTED, RecoveryEnd.IMPACT_ENDED, RecoveryWindow.START,
                LeadTimeStart.AUTHORED, QuantileDefinition.LINEAR);
        DefinitionComparison c = compare(DoraDefinitions.of(List.of(new Custom("deploy", startAtDeploy),
                new Custom("impact", impact))), events);
        var deploy = c.figuresOf("deploy").orElseThrow().recovery();
        assertEquals(1, deploy.open());
        assertEquals(1, deploy.unlinked());
        assertEquals(1, deploy.negative());
        assertEquals(0, deploy.summary().sampleSize());
        var imp = c.figuresOf("impact").orElseThrow().recovery();
        assertEquals(1, imp.open());
        assertEquals(0, imp.unlinked());
        assertEquals(2, imp.summary().sampleSize());
        assertEquals(Optional.of(Duration.ofHours(1)), imp.summary().median());
        String message = c.findings().find("deploy.recovery").orElseThrow().message();
        assertTrue(message.contains("1 open") && message.contains("1 incident(s) without a counted deployment")
                && message.contains("1 ending before they start dropped"), message);
    }

    @Test
    void recoveryWindow_endPlacesAnIncidentByItsResolution() {
        Incident spanning = Incident.builder("i", "checkout", Severity.SEV2).started(T0.minus(Duration.ofHours(5)))
                .resolved(T0.plus(Duration.ofHours(1))).build();
        DoraEvents events = DoraEvents.builder().incidents(spanning).build();
        DefinitionComparison c = compare(DoraDefinitions.builtIns().select(List.of("gitlab", "four-keys")), events);
        assertEquals(1, c.figuresOf("gitlab").orElseThrow().recovery().summary().sampleSize()); // closed in the window
        assertEquals(0, c.figuresOf("four-keys").orElseThrow().recovery().summary().sampleSize()); // created before it
        assertEquals(Optional.of(Duration.ofHours(6)), c.figuresOf("gitlab").orElseThrow().recovery().summary().median());
    }

    @Test
    void quantiles_lowerMedianVersusLinear() {
        List<Incident> incidents = List.of(
                Incident.builder("a", "checkout", Severity.SEV2).started(day(1, 0)).resolved(day(1, 1)).build(),
                Incident.builder("b", "checkout", Severity.SEV2).started(day(2, 0)).resolved(day(2, 3)).build());
        DoraEvents events = DoraEvents.builder().incidents(incidents).build();
        Rules linear = new Rules(DeploymentScope.SUCCESSFUL, Duplicates.KEEP, FailureCount.FAILED_DEPLOYMENTS,
                RecoveryStart.INCIDENT_CREATED, RecoveryEnd.RESOLVED, RecoveryWindow.START, LeadTimeStart.AUTHORED,
                QuantileDefinition.LINEAR);
        Rules lower = new Rules(DeploymentScope.SUCCESSFUL, Duplicates.KEEP, FailureCount.FAILED_DEPLOYMENTS,
                RecoveryStart.INCIDENT_CREATED, RecoveryEnd.RESOLVED, RecoveryWindow.START, LeadTimeStart.AUTHORED,
                QuantileDefinition.LOWER);
        DefinitionComparison c = compare(DoraDefinitions.of(List.of(new Custom("linear", linear),
                new Custom("lower", lower))), events);
        assertEquals(Optional.of(Duration.ofHours(2)), c.figuresOf("linear").orElseThrow().recovery().summary().median());
        assertEquals(Optional.of(Duration.ofHours(1)), c.figuresOf("lower").orElseThrow().recovery().summary().median());
        assertEquals(Optional.of(Duration.ofHours(2)), c.figuresOf("lower").orElseThrow().recovery().summary().mean());
        Finding differs = c.findings().find("definitions.recovery.differs").orElseThrow();
        assertTrue(differs.message().contains("interpolates or takes the lower value"), differs.message());
    }

    @Test
    void leadTime_fromEachDefinitionsStart() {
        var commit = new io.github.deliverykit.core.event.Commit("abcd", day(1, 0), day(1, 6));
        DoraEvents events = DoraEvents.builder().commits(commit)
                .deployments(Deployment.builder("d1", "checkout").at(day(1, 9), day(1, 10)).commits(List.of("abcd")).build())
                .build();
        DefinitionComparison c = compare(DoraDefinitions.builtIns(), events);
        assertEquals(Optional.of(Duration.ofHours(4)), c.figuresOf("four-keys").orElseThrow().leadTime().median()); // commit
        assertEquals(Optional.of(Duration.ofHours(10)), c.figuresOf("devlake").orElseThrow().leadTime().median()); // author
        Finding differs = c.findings().find("definitions.lead-time.differs").orElseThrow();
        assertTrue(differs.message().contains("author or the commit time"), differs.message());
    }

    @Test
    void load_findsTheBuiltInsThroughServiceLoader() {
        DoraDefinitions loaded = DoraDefinitions.load();
        assertTrue(loaded.ids().containsAll(List.of("four-keys", "devlake", "gitlab", "dora-2024")), loaded.ids()::toString);
        assertEquals(DoraDefinition.load().ids(), loaded.ids());
        for (DoraDefinition d : DoraDefinition.load().all()) {
            assertTrue(d.source().contains("https://"), d.id());
            assertFalse(d.title().isBlank());
        }
    }

    @Test
    void inputOrder_doesNotMatter_attributionAndMergingUseTheFinishOrder() {
        // given newest first: d2b and d2 are one version on one day, d1 the day before
        DoraEvents events = DoraEvents.builder()
                .deployments(Deployment.builder("d2b", "checkout").version("v2").at(day(1, 10.25), day(1, 10.5)).build(),
                        Deployment.builder("d2", "checkout").version("v2").at(day(1, 9.5), day(1, 10)).build(),
                        Deployment.builder("d1", "checkout").version("v1").at(day(0, 9.5), day(0, 10)).build())
                .incidents(Incident.builder("i", "checkout", Severity.SEV2).started(day(1, 11)).resolved(day(1, 14)).build())
                .build();
        DefinitionComparison c = compare(DoraDefinitions.builtIns(), events);
        // attributed to the latest success before 11:00, d2b at 10:30 (d1 is more than 24 h before)
        assertEquals(Optional.of(Duration.ofMinutes(210)), c.figuresOf("four-keys").orElseThrow().recovery().summary().median());
        // d2 merged into d2b, the last finish of the version and day
        assertEquals(Optional.of(Duration.ofMinutes(210)), c.figuresOf("devlake").orElseThrow().recovery().summary().median());
        assertEquals(2, c.figuresOf("devlake").orElseThrow().deployments());
        assertEquals(1, c.figuresOf("devlake").orElseThrow().mergedDuplicates());
    }

    @Test
    void windowBounds_halfOpen_andAZeroRecoveryIsMeasured() {
        Interval oneDay = days(1, 2);
        DoraEvents events = DoraEvents.builder()
                .deployments(Deployment.builder("s1", "checkout").at(day(0, 23), day(1, 0)).build(),
                        Deployment.builder("s2", "checkout").at(day(1, 23), day(2, 0)).build(),
                        Deployment.builder("f1", "checkout").at(day(0, 23), day(1, 0)).outcome(DeploymentOutcome.FAILED).build(),
                        Deployment.builder("f2", "checkout").at(day(1, 23), day(2, 0)).outcome(DeploymentOutcome.FAILED).build())
                .incidents(Incident.builder("zero", "checkout", Severity.SEV3).started(day(1, 0)).resolved(day(1, 0)).build(),
                        Incident.builder("late", "checkout", Severity.SEV3).started(day(2, 0)).resolved(day(2, 1)).build(),
                        Incident.builder("endsAtEnd", "checkout", Severity.SEV3).started(day(1, 20)).resolved(day(2, 0))
                                .build())
                .build();
        DefinitionComparison c = DoraDefinitions.builtIns().select(List.of("gitlab", "four-keys"))
                .compare(events, DoraConfig.ofDefaults(), oneDay);
        Figures gitlab = c.figuresOf("gitlab").orElseThrow();
        assertEquals(1, gitlab.deployments()); // s1 at the start, not s2 at the end
        assertEquals(1, gitlab.failedExcluded()); // f1, not f2
        assertEquals(2, gitlab.changeFailureRate().failures()); // zero and endsAtEnd were created in the day
        // placed by the end: zero (ends at the start) is in, endsAtEnd (ends at the end) is not
        assertEquals(1, gitlab.recovery().summary().sampleSize());
        assertEquals(Optional.of(Duration.ZERO), gitlab.recovery().summary().median());
        assertEquals(0, gitlab.recovery().negative());
        Figures fourKeys = c.figuresOf("four-keys").orElseThrow();
        assertEquals(2, fourKeys.recovery().summary().sampleSize()); // placed by the start: zero and endsAtEnd
    }

    @Test
    void oneDefinition_hasNoComparisonFindings_andTexts() {
        DoraDefinitions one = DoraDefinitions.builtIns().select(List.of("gitlab"));
        assertEquals("DoraDefinitions[gitlab]", one.toString());
        assertEquals("gitlab", DoraDefinition.load().get("gitlab").toString());
        DefinitionComparison c = compare(one, history());
        assertTrue(c.findings().codes().stream().noneMatch(code -> code.startsWith("definitions.")), c.findings()::toText);
        assertEquals(3, c.findings().size());
    }

    @Test
    void badInput_namedInIllegalArgumentException() {
        DoraDefinitions defs = DoraDefinitions.builtIns();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> defs.select(List.of("fourkeys")))
                .getMessage().contains("four-keys"));
        assertThrows(IllegalArgumentException.class, () -> defs.select(List.of()));
        assertThrows(IllegalArgumentException.class, () -> defs.select(List.of("gitlab", "gitlab")));
        assertThrows(IllegalArgumentException.class, () -> DoraDefinitions.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> DoraDefinitions.of(List.of(PER_INCIDENT, PER_INCIDENT)));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DoraDefinitions.of(List.of(new Custom("Upper Case", PER_INCIDENT.rules())))).getMessage()
                .contains("Upper Case"));
        assertThrows(IllegalArgumentException.class, () -> DoraDefinitions.of(List.of(new Custom("x", null))));
        assertThrows(IllegalArgumentException.class, () -> new Rules(DeploymentScope.SUCCESSFUL, Duplicates.KEEP,
                FailureCount.FAILED_DEPLOYMENTS, RecoveryStart.INCIDENT_CREATED, RecoveryEnd.NEXT_SUCCESSFUL_DEPLOYMENT,
                RecoveryWindow.START, LeadTimeStart.AUTHORED, QuantileDefinition.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> new Rules(DeploymentScope.SUCCESSFUL, Duplicates.KEEP,
                FailureCount.FAILED_DEPLOYMENTS, RecoveryStart.FAILED_DEPLOYMENT_FINISHED, RecoveryEnd.RESOLVED,
                RecoveryWindow.START, LeadTimeStart.AUTHORED, QuantileDefinition.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> defs.compare(history(), DoraConfig.ofDefaults(),
                Interval.of(T0, T0)));
        assertThrows(IllegalArgumentException.class, () -> new FailureRate(3, 2, FailureCount.FAILED_DEPLOYMENTS, true));
        assertEquals(1.5, new FailureRate(3, 2, FailureCount.INCIDENTS_IN_WINDOW, true).value().orElseThrow());
        assertEquals(Optional.empty(), compare(defs, history()).figuresOf("nope"));
    }
}
