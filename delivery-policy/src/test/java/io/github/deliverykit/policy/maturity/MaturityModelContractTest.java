package io.github.deliverykit.policy.maturity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.metric.Measurement;
import io.github.deliverykit.core.metric.MetricKeys;
import io.github.deliverykit.core.metric.Unit;
import io.github.deliverykit.core.spi.Plugins;
import io.github.deliverykit.core.spi.ProviderException;
import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.policy.maturity.Answers.Answer;
import io.github.deliverykit.policy.maturity.internal.BuiltInMaturityModels.AiDeliveryMaturityModel;
import io.github.deliverykit.policy.maturity.spi.MaturityModel;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.Criterion;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.CriterionStatus;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.Definition;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.Outcome;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every maturity model keeps, run against every model the service loader finds. */
final class MaturityModelContractTest {

    static Stream<MaturityModel> models() {
        List<MaturityModel> all = Providers.load(MaturityModel.class).all();
        // the two built-ins plus the test-only custom model registered in test META-INF/services
        assertEquals(List.of("ai-delivery", "delivery-5-level", TestTwoLevelModel.ID),
                all.stream().map(MaturityModel::id).toList());
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("models")
    void contract_stableIdDeterministicNamespacedAndTotal(MaturityModel model) {
        assertFalse(model.id().isBlank());
        assertEquals(model.id(), model.id());
        Definition def = MaturityModel.definitionOf(model);
        assertEquals(model.id(), def.id());
        Evidence evidence = Evidence.of(List.of(new Measurement(MetricKeys.CI_DURATION_MEDIAN, new BigDecimal("420"),
                Unit.SECONDS), new Measurement(MetricKeys.CI_CACHE_HIT_RATE, new BigDecimal("0.5"), Unit.RATIO)));
        for (Criterion c : def.criteria()) {
            for (Answer a : new Answer[] {null, Answer.of(CriterionStatus.MET), Answer.of(CriterionStatus.UNKNOWN)}) {
                RuleResult<Outcome> first = model.decide(c, a, evidence);
                assertEquals(first, model.decide(c, a, evidence), c.id());
                assertTrue(first.inNamespace(model.id()), c.id() + ": " + first.findings().codes());
                // edge input: no evidence at all
                assertDoesNotThrow(() -> model.decide(c, a, Evidence.none()));
            }
        }
        MaturityDecision d = MaturityTesting.assess(MaturityTesting.DEFAULTS, model, Answers.none(), Evidence.none());
        assertEquals(d, MaturityTesting.assess(MaturityTesting.DEFAULTS, model, Answers.none(), Evidence.none()));
        assertEquals(d.toMarkdown(), MaturityTesting.assess(MaturityTesting.DEFAULTS, model, Answers.none(),
                Evidence.none()).toMarkdown());
    }

    /** A custom model that claims a built-in's finding code for every criterion it decides. */
    static class Spoofing implements MaturityModel {
        @Override
        public String id() {
            return "spoof";
        }

        @Override
        public Definition definition() {
            return Definition.builder("spoof", "Spoof").level(1, "One", "").dimension("d", "D", "")
                    .criterion("d.1", "d", 1, "Anything").build();
        }

        @Override
        public RuleResult<Outcome> decide(Criterion criterion, @Nullable Answer answer, Evidence evidence) {
            return RuleResult.of(Outcome.answered(Answer.of(CriterionStatus.MET)), Finding.info(
                    "ai-delivery.evidence.decided", "speaks for the built-in", Facts.none()));
        }
    }

    @Test
    void customModel_emittingABuiltInCode_isRejected() {
        MaturityDecision d = MaturityTesting.assess(MaturityTesting.DEFAULTS, new Spoofing(), Answers.none(),
                Evidence.none());
        Finding f = d.findings().find("maturity.plugin.foreign_code").orElseThrow();
        assertEquals(Level.FAIL, f.level());
        assertEquals("ai-delivery.evidence.decided", f.fact("code"));
        assertFalse(d.findings().find("ai-delivery.evidence.decided").isPresent());
        // fail closed: the spoofed MET does not count
        assertEquals(CriterionStatus.UNKNOWN, d.criterion("d.1").status());
        assertEquals(MaturityDecision.Verdict.NOT_YET_L1, d.verdict());
        assertTrue(Plugins.inNamespace("ai-delivery.evidence.decided", new AiDeliveryMaturityModel().id()));
    }

    @Test
    void customModel_throwing_failsClosed() {
        MaturityModel throwing = new Spoofing() {
            @Override
            public RuleResult<Outcome> decide(Criterion criterion, @Nullable Answer answer, Evidence evidence) {
                throw new IllegalStateException("boom");
            }
        };
        MaturityDecision d = MaturityTesting.assess(MaturityTesting.DEFAULTS, throwing,
                Answers.builder().met("d.1").build(), Evidence.none());
        assertEquals(Level.FAIL, d.findings().find("maturity.plugin.error").orElseThrow().level());
        assertEquals(CriterionStatus.UNKNOWN, d.criterion("d.1").status());
    }

    @Test
    void evidenceFrom_mergesReportsAndNamesAConflictingKey() {
        List<Measurement> dora = List.of(new Measurement(MetricKeys.DORA_CHANGE_FAILURE_RATE, new BigDecimal("0.04"),
                Unit.RATIO));
        List<Measurement> flow = List.of(new Measurement(MetricKeys.CI_DURATION_MEDIAN, new BigDecimal("540"),
                Unit.SECONDS), new Measurement(MetricKeys.DORA_CHANGE_FAILURE_RATE, new BigDecimal("0.040"),
                Unit.RATIO));
        Evidence e = Evidence.from(dora, flow, List.of());
        assertEquals(2, e.size());
        assertEquals("540 s", e.get(MetricKeys.CI_DURATION_MEDIAN).rendered());
        List<Measurement> cost = List.of(new Measurement(MetricKeys.CI_DURATION_MEDIAN, new BigDecimal("600"),
                Unit.SECONDS));
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> Evidence.from(flow, cost));
        assertTrue(x.getMessage().contains("'ci.duration.median'"), x.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Evidence.from((List<Measurement>[]) null));
        assertThrows(IllegalArgumentException.class, () -> Evidence.from(dora, null));
    }

    @Test
    void engine_loadsModelsOnceAndFindsThemById() {
        MaturityAssessment loaded = MaturityAssessment.load(MaturityAssessmentConfig.ofDefaults());
        assertEquals(3, loaded.models().size());
        assertEquals("ai-delivery", loaded.input("ai-delivery", Answers.none(), Evidence.none()).model().id());
        assertThrows(IllegalArgumentException.class, () -> loaded.input("nope", Answers.none(), Evidence.none()));
        assertEquals(loaded.models().ids(), MaturityAssessment.loadLenient(MaturityAssessmentConfig.ofDefaults())
                .models().ids());
        assertEquals(List.of("ai-delivery", "delivery-5-level"), MaturityTesting.DEFAULTS.models().ids());
        assertThrows(ProviderException.class, () -> MaturityAssessment.of(MaturityAssessmentConfig.ofDefaults(),
                List.of(new Spoofing(), new Spoofing())));
    }
}
