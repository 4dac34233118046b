package io.github.deliverykit.policy.governance;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.CiRun;
import io.github.deliverykit.core.event.PullRequest;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.core.spi.Shadow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merge gate of the governance matrix: a pull request is green, and auto-merges, when all its
 * checks pass, policy-as-code is satisfied, it took at most
 * {@link MergeGateConfig#DEFAULT_MAX_CI_ROUNDS} CI rounds (Stripe benchmark) and it touches no
 * protected path. More CI rounds flag it for investigation; a protected path asks for a human; a
 * failed check or policy violation blocks it. Finding codes: {@code merge.checks.*},
 * {@code merge.policy.*}, {@code merge.ci_rounds.*}, {@code merge.paths.*}, {@code merge.green}.
 * Each of the four rules ({@link #RULES}) can run in shadow mode (Enterprise Contract's
 * {@code effective_on}, {@link MergeGateConfig.Builder#effectiveOn}): strictly before its effective
 * date it reports what it would have decided, after a {@code merge.rule.shadow} finding, with a
 * would-be FAIL lowered to WARN, and the verdict ignores it; from the date on it is enforced.
 * Immutable and thread safe; linear in the number of runs and paths.
 */
public final class MergeGate {

    private static final Logger LOG = LoggerFactory.getLogger(MergeGate.class);

    /** The rule of the checks' outcomes ({@code merge.checks.*}). */
    public static final String CHECKS = "checks";
    /** The rule of policy-as-code ({@code merge.policy.*}). */
    public static final String POLICY = "policy";
    /** The rule of the CI rounds ({@code merge.ci_rounds.*}). */
    public static final String CI_ROUNDS = "ci_rounds";
    /** The rule of the protected paths ({@code merge.paths.*}; runs only when paths are protected). */
    public static final String PATHS = "paths";
    /** The rules, in the order they run; each can be given an effective date ({@link MergeGateConfig.Builder#effectiveOn}). */
    public static final List<String> RULES = List.of(CHECKS, POLICY, CI_ROUNDS, PATHS);

    /** The gate's finding namespace: {@code merge.rule.shadow}. */
    private static final String NS = "merge";

    private final MergeGateConfig config;

    private MergeGate(MergeGateConfig config) {
        this.config = config;
    }

    /**
     * What the gate reads: the core pull request (with its touched paths), its CI runs (each a named
     * check with an outcome; a re-run reported later wins), the violations reported by
     * policy-as-code (OPA or equivalent), and the CI rounds when they are known without the runs.
     *
     * @param pullRequest the pull request
     * @param runs its CI runs, in the order reported; each must belong to the pull request
     * @param policyViolations the policy violations (stable codes or messages), empty when satisfied
     * @param ciRounds the CI rounds given explicitly, or null to derive them from the runs (the
     *     number of distinct push instants among the runs)
     */
    public record Input(PullRequest pullRequest, List<CiRun> runs, List<String> policyViolations,
            @Nullable Integer ciRounds) {

        /**
         * Validates the input.
         *
         * @throws IllegalArgumentException if a field or element is null, a violation blank, a run
         *     belongs to another pull request, or the rounds are negative
         */
        public Input {
            Checks.notNull(pullRequest, "pullRequest");
            runs = Checks.listOf(runs, "runs");
            for (int i = 0; i < runs.size(); i++) {
                if (!runs.get(i).pullRequestId().equals(pullRequest.id())) {
                    throw Checks.invalid("runs[" + i + "].pullRequestId", "must be the pull request's id "
                            + pullRequest.id(), runs.get(i).pullRequestId());
                }
            }
            policyViolations = Checks.listOf(policyViolations, "policyViolations");
            for (int i = 0; i < policyViolations.size(); i++) {
                Checks.notBlank(policyViolations.get(i), "policyViolations[" + i + "]");
            }
            if (ciRounds != null) {
                Checks.nonNegative(ciRounds, "ciRounds");
            }
        }

        /**
         * An input whose CI rounds are derived from the runs.
         *
         * @param pullRequest the pull request
         * @param runs its CI runs
         * @param policyViolations the policy violations
         * @return the input
         * @throws IllegalArgumentException as the canonical constructor
         */
        public static Input of(PullRequest pullRequest, List<CiRun> runs, List<String> policyViolations) {
            return new Input(pullRequest, runs, policyViolations, null);
        }

        /**
         * An input with the CI rounds given explicitly (when the runs of earlier rounds are not known).
         *
         * @param pullRequest the pull request
         * @param runs its CI runs (the latest results)
         * @param policyViolations the policy violations
         * @param ciRounds the CI rounds so far, zero or more
         * @return the input
         * @throws IllegalArgumentException as the canonical constructor
         */
        public static Input of(PullRequest pullRequest, List<CiRun> runs, List<String> policyViolations,
                int ciRounds) {
            return new Input(pullRequest, runs, policyViolations, ciRounds);
        }
    }

    /**
     * A gate for a config.
     *
     * @param config the config
     * @return the gate
     * @throws IllegalArgumentException if config is null
     */
    public static MergeGate of(MergeGateConfig config) {
        return new MergeGate(Checks.notNull(config, "config"));
    }

    /**
     * The config.
     *
     * @return the config
     */
    public MergeGateConfig config() {
        return config;
    }

    /**
     * Decides how a pull request may merge.
     *
     * @param input the pull request, its runs and violations
     * @param clock the clock: "now" decides which rules are still in shadow (the runs are judged as reported)
     * @return the verdict, findings and typed results
     * @throws IllegalArgumentException if an argument is null
     */
    public MergeDecision evaluate(Input input, Clock clock) {
        Checks.notNull(input, "input");
        Checks.notNull(clock, "clock");
        Instant now = Checks.notNull(clock.instant(), "clock.instant()");
        PullRequest pr = input.pullRequest();
        Map<String, CiRun.Outcome> status = new LinkedHashMap<>();
        Set<Instant> pushes = new HashSet<>();
        for (CiRun c : input.runs()) {
            // a re-run reported later wins
            status.put(c.name(), c.outcome());
            pushes.add(c.pushed());
        }
        List<String> failed = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        status.forEach((name, s) -> {
            if (s == CiRun.Outcome.FAILED) {
                failed.add(name);
            } else if (s == CiRun.Outcome.PENDING || s == CiRun.Outcome.CANCELLED) {
                pending.add(name);
            }
        });
        for (MergeGateConfig.AutoApprovalCriterion c : config.criteria()) {
            if (!status.containsKey(c.check())) {
                pending.add(c.check());
            }
        }
        boolean derived = input.ciRounds() == null;
        int rounds = derived ? pushes.size() : input.ciRounds();
        List<String> hits = new ArrayList<>();
        for (String path : pr.touchedPaths()) {
            if (config.isProtected(path)) {
                hits.add(path);
            }
        }
        List<Finding> out = new ArrayList<>();
        List<Shadow> shadowed = new ArrayList<>();
        MergeDecision.Verdict verdict = MergeDecision.Verdict.AUTO_MERGE;
        MergeDecision.Verdict wouldBe = MergeDecision.Verdict.AUTO_MERGE;
        for (String rule : RULES) {
            RuleResult<MergeDecision.Verdict> r;
            switch (rule) {
                case CHECKS:
                    r = checks(status, failed, pending);
                    break;
                case POLICY:
                    r = policy(input.policyViolations());
                    break;
                case CI_ROUNDS:
                    r = ciRounds(rounds, derived, input.runs().size());
                    break;
                default:
                    if (config.protectedPaths().isEmpty()) {
                        continue;
                    }
                    r = paths(hits);
            }
            wouldBe = worse(wouldBe, r.extras());
            Instant effectiveOn = config.effectiveDates().get(rule);
            if (Shadow.applies(effectiveOn, now)) {
                // reported, not enforced: what the rule would have decided is a warning, the verdict ignores it
                Shadow shadow = Shadow.of(rule, effectiveOn, r);
                if (r.extras() != MergeDecision.Verdict.AUTO_MERGE && shadow.wouldBe().compareTo(Level.WARN) < 0) {
                    // a rule that would hold the merge back (WAIT) says so as a warning, even from an INFO finding
                    shadow = new Shadow(rule, effectiveOn, Level.WARN, shadow.codes());
                }
                shadowed.add(shadow);
                RuleResult<MergeDecision.Verdict> demoted = shadow.demote(NS, r, MergeDecision.Verdict.AUTO_MERGE);
                out.add(withVerdict(demoted.findings().list().get(0), r.extras()));
                out.addAll(demoted.findings().list().subList(1, demoted.findings().size()));
                continue;
            }
            out.addAll(r.findings().list());
            verdict = worse(verdict, r.extras());
        }
        if (verdict == MergeDecision.Verdict.AUTO_MERGE) {
            out.add(Finding.pass("merge.green", "Green: auto-merge and auto-deploy", Facts.none()));
        }
        MergeDecision d = new MergeDecision(pr.id(), verdict, rounds, derived, failed, pending, hits,
                Findings.of(out), shadowed, wouldBe);
        LOG.debug("pull request {}: {}", pr.id(), verdict);
        return d;
    }

    /** The shadow finding with the verdict the rule would have given, as fact {@code would_be_verdict}. */
    private static Finding withVerdict(Finding shadow, MergeDecision.Verdict wouldBe) {
        Facts.Builder facts = Facts.builder();
        shadow.facts().values().forEach(facts::put);
        facts.put("would_be_verdict", wouldBe.name());
        return Finding.of(shadow.code(), shadow.level(), shadow.message() + " (verdict " + wouldBe.name() + ")",
                facts.build());
    }

    private static RuleResult<MergeDecision.Verdict> checks(Map<String, CiRun.Outcome> status, List<String> failed,
            List<String> pending) {
        if (!failed.isEmpty()) {
            return RuleResult.of(MergeDecision.Verdict.BLOCKED, Finding.fail("merge.checks.failed", "Checks failed: "
                    + String.join(", ", failed), Facts.of("failed", failed)));
        }
        if (!pending.isEmpty()) {
            return RuleResult.of(MergeDecision.Verdict.WAIT, Finding.info("merge.checks.pending",
                    "Checks not finished or not reported: " + String.join(", ", pending), Facts.of("pending", pending)));
        }
        if (status.isEmpty()) {
            return RuleResult.of(MergeDecision.Verdict.FLAGGED, Finding.warn("merge.checks.none",
                    "No check ran; a human must review", Facts.none()));
        }
        return RuleResult.of(MergeDecision.Verdict.AUTO_MERGE, Finding.pass("merge.checks.passed", "All "
                + status.size() + " checks passed", Facts.of("checks", List.copyOf(status.keySet()))));
    }

    private static RuleResult<MergeDecision.Verdict> policy(List<String> violations) {
        if (violations.isEmpty()) {
            return RuleResult.of(MergeDecision.Verdict.AUTO_MERGE, Finding.pass("merge.policy.satisfied",
                    "Policy-as-code is satisfied", Facts.none()));
        }
        return RuleResult.of(MergeDecision.Verdict.BLOCKED, Finding.fail("merge.policy.violated", "Policy violations: "
                + String.join(", ", violations), Facts.of("violations", violations)));
    }

    private RuleResult<MergeDecision.Verdict> ciRounds(int rounds, boolean derived, int runs) {
        int max = config.maxCiRounds();
        Facts roundFacts = Facts.of("ci_rounds", rounds, "max", max, "source",
                derived ? "derived from " + runs + " CI runs (distinct pushes)" : "given");
        if (rounds > max) {
            return RuleResult.of(MergeDecision.Verdict.FLAGGED, Finding.warn("merge.ci_rounds.exceeded", "Took "
                    + rounds + " CI rounds (max " + max + "): flagged for investigation", roundFacts));
        }
        return RuleResult.of(MergeDecision.Verdict.AUTO_MERGE, Finding.pass("merge.ci_rounds.within", rounds
                + " CI rounds (max " + max + ")", roundFacts));
    }

    private static RuleResult<MergeDecision.Verdict> paths(List<String> hits) {
        if (hits.isEmpty()) {
            return RuleResult.of(MergeDecision.Verdict.AUTO_MERGE, Finding.pass("merge.paths.unprotected",
                    "No protected path touched", Facts.none()));
        }
        return RuleResult.of(MergeDecision.Verdict.FLAGGED, Finding.warn("merge.paths.protected",
                "Protected paths touched: " + String.join(", ", hits), Facts.of("paths", hits)));
    }

    private static MergeDecision.Verdict worse(MergeDecision.Verdict a, MergeDecision.Verdict b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
