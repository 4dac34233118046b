package io.github.deliverykit.policy.release.internal;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.policy.release.Release;
import io.github.deliverykit.policy.release.ReleaseEvidence;
import io.github.deliverykit.policy.release.ReleaseReadiness;
import io.github.deliverykit.policy.release.ReleaseReadinessConfig;
import io.github.deliverykit.policy.release.spi.ExitCriterion;
import io.github.deliverykit.policy.release.spi.ExitCriterion.Verdict;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** The seed's seven exit criteria, one nested provider class each. Stateless and thread safe. */
public final class BuiltInExitCriteria {

    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private BuiltInExitCriteria() {}

    /**
     * New instances of every built-in, in the seed's order.
     *
     * @return the criteria
     */
    public static List<ExitCriterion> all() {
        return List.of(new Bugs(), new Performance(), new Security(), new LoadTest(), new Uat(), new Documentation(),
                new Runbook());
    }

    /** Base: fixed id, priority keeping the seed's order, argument checks. */
    abstract static class Base implements ExitCriterion {
        private final String id;
        private final int priority;

        Base(String id) {
            this.id = id;
            this.priority = 700 - 100 * ReleaseReadiness.BUILT_IN_IDS.indexOf(id);
        }

        @Override
        public final String id() {
            return id;
        }

        @Override
        public final int priority() {
            return priority;
        }

        @Override
        public final RuleResult<Verdict> evaluate(Release release, ReleaseEvidence evidence,
                ReleaseReadinessConfig policy) {
            Checks.notNull(release, "release");
            Checks.notNull(evidence, "evidence");
            Checks.notNull(policy, "config");
            return apply(release, evidence, policy);
        }

        abstract RuleResult<Verdict> apply(Release release, ReleaseEvidence evidence, ReleaseReadinessConfig policy);

        final RuleResult<Verdict> pass(String message, Facts facts) {
            return RuleResult.of(Verdict.pass(), Finding.pass(id, message, facts));
        }

        final RuleResult<Verdict> warn(String message, Facts facts, String condition) {
            return RuleResult.of(Verdict.warn(condition), Finding.warn(id, message, facts));
        }

        final RuleResult<Verdict> fail(String message, Facts facts) {
            return RuleResult.of(Verdict.fail(), Finding.fail(id, message, facts));
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** All P1/P2 bugs resolved. */
    public static final class Bugs extends Base {
        /** Creates the criterion. */
        public Bugs() {
            super(ReleaseReadiness.BUGS);
        }

        @Override
        RuleResult<Verdict> apply(Release release, ReleaseEvidence evidence, ReleaseReadinessConfig policy) {
            OptionalInt p1 = evidence.openP1Bugs();
            OptionalInt p2 = evidence.openP2Bugs();
            if (p1.isEmpty() || p2.isEmpty()) {
                return fail("P1/P2 bugs: no bug count supplied", Facts.none());
            }
            long open = (long) p1.getAsInt() + p2.getAsInt();
            Facts facts = Facts.of("p1", p1.getAsInt(), "p2", p2.getAsInt());
            if (open == 0) {
                return pass("All P1/P2 bugs resolved (0 open)", facts);
            }
            return fail("P1/P2 bugs unresolved (" + p1.getAsInt() + " P1, " + p2.getAsInt()
                    + " P2 open)", facts);
        }
    }

    /** Performance benchmarks met: P99 below target. */
    public static final class Performance extends Base {
        /** Creates the criterion. */
        public Performance() {
            super(ReleaseReadiness.PERFORMANCE);
        }

        @Override
        RuleResult<Verdict> apply(Release release, ReleaseEvidence evidence, ReleaseReadinessConfig policy) {
            if (evidence.p99Latency().isEmpty()) {
                return fail("Performance benchmarks: no P99 latency supplied",
                        Facts.of("target", policy.p99Target()));
            }
            Duration p99 = evidence.p99Latency().get();
            Facts facts = Facts.of("p99", p99, "target", policy.p99Target());
            if (p99.compareTo(policy.p99Target()) < 0) {
                return pass("Performance benchmarks met (P99: " + ms(p99) + " < "
                        + ms(policy.p99Target()) + " target)", facts);
            }
            return fail("Performance benchmarks not met (P99: " + ms(p99) + " >= "
                    + ms(policy.p99Target()) + " target)", facts);
        }
    }

    /** Security scan passed. */
    public static final class Security extends Base {
        /** Creates the criterion. */
        public Security() {
            super(ReleaseReadiness.SECURITY);
        }

        @Override
        RuleResult<Verdict> apply(Release release, ReleaseEvidence evidence, ReleaseReadinessConfig policy) {
            OptionalInt critical = evidence.criticalVulnerabilities();
            OptionalInt high = evidence.highVulnerabilities();
            if (critical.isEmpty() || high.isEmpty()) {
                return fail("Security scan: no scan result supplied", Facts.none());
            }
            Facts facts = Facts.of("critical", critical.getAsInt(), "high", high.getAsInt(),
                    "max_critical", policy.maxCritical(), "max_high", policy.maxHigh());
            String counts = critical.getAsInt() + " critical, " + high.getAsInt() + " high";
            if (critical.getAsInt() <= policy.maxCritical() && high.getAsInt() <= policy.maxHigh()) {
                return pass("Security scan passed (" + counts + ")", facts);
            }
            return fail("Security scan failed (" + counts + ")", facts);
        }
    }

    /** Load testing complete at the target multiple of peak. */
    public static final class LoadTest extends Base {
        /** Creates the criterion. */
        public LoadTest() {
            super(ReleaseReadiness.LOAD_TEST);
        }

        @Override
        RuleResult<Verdict> apply(Release release, ReleaseEvidence evidence, ReleaseReadinessConfig policy) {
            OptionalDouble multiple = evidence.loadTestPeakMultiple();
            String target = Facts.format(policy.loadMultiple()) + "x";
            if (multiple.isEmpty()) {
                return fail("Load testing: no load test result supplied",
                        Facts.of("target", policy.loadMultiple()));
            }
            double m = multiple.getAsDouble();
            Facts facts = Facts.of("sustained", m, "target", policy.loadMultiple());
            if (m >= policy.loadMultiple()) {
                return pass("Load testing complete (sustained " + Facts.format(m)
                        + "x peak traffic)", facts);
            }
            return fail("Load testing incomplete (sustained " + Facts.format(m) + "x of " + target
                    + " peak traffic)", facts);
        }
    }

    /** UAT sign-off received, no later than the target date. */
    public static final class Uat extends Base {
        /** Creates the criterion. */
        public Uat() {
            super(ReleaseReadiness.UAT);
        }

        @Override
        RuleResult<Verdict> apply(Release release, ReleaseEvidence evidence, ReleaseReadinessConfig policy) {
            if (evidence.uatSignOff().isEmpty()) {
                return fail("UAT sign-off not received", Facts.none());
            }
            LocalDate date = evidence.uatSignOff().get();
            Facts facts = Facts.of("signed_off", date, "target_date", release.targetDate());
            if (date.isAfter(release.targetDate())) {
                return fail("UAT sign-off dated after the target date (" + SHORT_DATE.format(date)
                        + ")", facts);
            }
            return pass("UAT sign-off received (" + SHORT_DATE.format(date) + ")", facts);
        }
    }

    /** Documentation updated; pages pending review make it a warning. */
    public static final class Documentation extends Base {
        /** Creates the criterion. */
        public Documentation() {
            super(ReleaseReadiness.DOCUMENTATION);
        }

        @Override
        RuleResult<Verdict> apply(Release release, ReleaseEvidence evidence, ReleaseReadinessConfig policy) {
            if (evidence.documentationUpdated().isEmpty()) {
                return fail("Documentation: no documentation status supplied", Facts.none());
            }
            int pending = evidence.documentationPagesPendingReview();
            Facts facts = Facts.of("updated", evidence.documentationUpdated().get(), "pending_review", pending);
            if (!evidence.documentationUpdated().get()) {
                return fail("Documentation not updated", facts);
            }
            if (pending == 0) {
                return pass("Documentation updated", facts);
            }
            return warn("Documentation: " + pending + (pending == 1 ? " page" : " pages")
                    + " pending review", facts, "Complete documentation review before T-0");
        }
    }

    /** Runbook reviewed and updated. */
    public static final class Runbook extends Base {
        /** Creates the criterion. */
        public Runbook() {
            super(ReleaseReadiness.RUNBOOK);
        }

        @Override
        RuleResult<Verdict> apply(Release release, ReleaseEvidence evidence, ReleaseReadinessConfig policy) {
            if (evidence.runbookReviewed().isEmpty()) {
                return fail("Runbook: no review status supplied", Facts.none());
            }
            Facts facts = Facts.of("reviewed", evidence.runbookReviewed().get());
            if (evidence.runbookReviewed().get()) {
                return pass("Runbook reviewed and updated", facts);
            }
            return fail("Runbook not reviewed", facts);
        }
    }

    /**
     * Milliseconds as in the seed ({@code 320ms}); sub-millisecond parts are shown as decimals.
     *
     * @param d the duration
     * @return the text
     */
    static String ms(Duration d) {
        long nanos;
        try {
            nanos = d.toNanos();
        } catch (ArithmeticException e) {
            return d.getSeconds() + "s";
        }
        return Facts.format(new java.math.BigDecimal(nanos).movePointLeft(6)) + "ms";
    }
}
