package io.github.deliverykit.policy.maturity;

import io.github.deliverykit.policy.maturity.spi.MaturityModel;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.Definition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shorthands for the maturity tests: one fixed clock and assessing a model or a bare definition. */
final class MaturityTesting {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
    static final MaturityAssessment DEFAULTS = MaturityAssessment.of(MaturityAssessmentConfig.ofDefaults());

    private MaturityTesting() {}

    static MaturityDecision assess(MaturityAssessment engine, MaturityModel model, Answers answers,
            Evidence evidence) {
        return engine.evaluate(MaturityAssessment.Input.of(model, answers, evidence), CLOCK);
    }

    static MaturityDecision assess(MaturityAssessment engine, Definition model, Answers answers, Evidence evidence) {
        return assess(engine, MaturityModel.of(model), answers, evidence);
    }
}
