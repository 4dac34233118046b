package io.github.deliverykit.policy.governance;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.time.Interval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The configuration of a {@link MergeGate}: the CI rounds allowed before a pull request is flagged
 * (Stripe benchmark: 2), the protected paths that need a human, and the auto-approval criteria
 * (the checks that must pass for green), and the effective dates of rules in shadow mode. Criteria
 * resting on benchmark scores are rejected.
 * Immutable and thread safe.
 */
public final class MergeGateConfig {

    /** CI rounds per pull request before it is flagged (Stripe benchmark). */
    public static final int DEFAULT_MAX_CI_ROUNDS = 2;

    private static final MergeGateConfig DEFAULTS = custom().build();

    private final int maxCiRounds;
    /** The longest protected-path glob: a path name longer than a file system's PATH_MAX cannot match anyway. */
    public static final int MAX_GLOB_LENGTH = 4096;

    private final Map<String, Pattern> protectedPaths;
    private final List<AutoApprovalCriterion> criteria;
    private final Map<String, Instant> effectiveDates;

    private MergeGateConfig(Builder b) {
        this.maxCiRounds = b.maxCiRounds;
        this.protectedPaths = Collections.unmodifiableMap(new LinkedHashMap<>(b.protectedPaths));
        this.criteria = List.copyOf(b.criteria);
        this.effectiveDates = Collections.unmodifiableMap(new TreeMap<>(b.effectiveDates));
    }

    /**
     * One thing auto-approval (green = auto-merge) rests on: a named check and where its signal
     * comes from. A criterion whose source is a benchmark score is rejected by the builder
     * (auto-approval must not be derived from benchmark scores, which agents can game).
     *
     * @param check the name of the check that must pass
     * @param source where the signal comes from
     */
    public record AutoApprovalCriterion(String check, Source source) {

        /** Where an auto-approval signal comes from. */
        public enum Source {
            /** A CI test or build check. */
            CI_CHECK,
            /** A security scan. */
            SECURITY_SCAN,
            /** A coverage gate. */
            COVERAGE,
            /** A linter. */
            LINT,
            /** A policy-as-code gate. */
            POLICY,
            /** A benchmark score: not acceptable for auto-approval. */
            BENCHMARK_SCORE
        }

        /**
         * Validates the criterion.
         *
         * @throws IllegalArgumentException if the check is blank or the source null
         */
        public AutoApprovalCriterion {
            Checks.notBlank(check, "check");
            Checks.notNull(source, "source");
        }

        /**
         * A criterion.
         *
         * @param check the check name
         * @param source the source
         * @return the criterion
         * @throws IllegalArgumentException if the check is blank or the source null
         */
        public static AutoApprovalCriterion of(String check, Source source) {
            return new AutoApprovalCriterion(check, source);
        }
    }

    /**
     * The defaults: at most 2 CI rounds, no protected paths, every reported check must pass.
     *
     * @return the default config
     */
    public static MergeGateConfig ofDefaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a builder
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * A builder starting from a config.
     *
     * @param base the config to copy
     * @return a builder
     * @throws IllegalArgumentException if base is null
     */
    public static Builder from(MergeGateConfig base) {
        Checks.notNull(base, "base");
        Builder b = new Builder();
        b.maxCiRounds = base.maxCiRounds;
        b.protectedPaths.putAll(base.protectedPaths);
        b.criteria.addAll(base.criteria);
        b.effectiveDates.putAll(base.effectiveDates);
        return b;
    }

    /**
     * Reviews auto-approval criteria: each criterion resting on a benchmark score is a
     * {@code merge.auto_approval.benchmark_score} failure (scores can be gamed, so they must never
     * decide an auto-approval).
     *
     * @param criteria the criteria
     * @return one FAIL per benchmark criterion, or a single PASS
     *     {@code merge.auto_approval.criteria_sound}
     * @throws IllegalArgumentException if the list or an element is null
     */
    public static Findings reviewCriteria(List<AutoApprovalCriterion> criteria) {
        List<AutoApprovalCriterion> list = Checks.listOf(criteria, "criteria");
        List<Finding> out = new ArrayList<>();
        for (AutoApprovalCriterion c : list) {
            if (c.source() == AutoApprovalCriterion.Source.BENCHMARK_SCORE) {
                out.add(Finding.fail("merge.auto_approval.benchmark_score", "Auto-approval must not rest on "
                        + "benchmark scores, but criterion " + c.check() + " does", Facts.of("check", c.check())));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.pass("merge.auto_approval.criteria_sound", "No auto-approval criterion rests on "
                    + "benchmark scores", Facts.of("criteria", list.size())));
        }
        return Findings.of(out);
    }

    /**
     * The CI rounds allowed before flagging.
     *
     * @return the maximum
     */
    public int maxCiRounds() {
        return maxCiRounds;
    }

    /**
     * The protected path globs, in the order given.
     *
     * @return the globs
     */
    public List<String> protectedPaths() {
        return List.copyOf(protectedPaths.keySet());
    }

    /**
     * The auto-approval criteria (the checks that must pass); empty means every reported check.
     *
     * @return the criteria
     */
    public List<AutoApprovalCriterion> criteria() {
        return criteria;
    }

    /**
     * The effective dates of the rules in shadow mode ({@link Builder#effectiveOn}), by rule id.
     *
     * @return the dates, sorted by rule id; empty when every rule is enforced
     */
    public Map<String, Instant> effectiveDates() {
        return effectiveDates;
    }

    /**
     * Whether a path matches a protected glob.
     *
     * @param path the path
     * @return true when protected
     */
    boolean isProtected(String path) {
        for (Pattern p : protectedPaths.values()) {
            if (p.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "MergeGateConfig[maxCiRounds=" + maxCiRounds + ", protectedPaths=" + protectedPaths.keySet()
                + ", criteria=" + criteria + ", effectiveDates=" + effectiveDates + "]";
    }

    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        int literal = 0; // start of the pending run of literal characters, quoted once
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c != '*' && c != '?') {
                continue;
            }
            if (literal < i) {
                re.append(Pattern.quote(glob.substring(literal, i)));
            }
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else {
                re.append("[^/]");
            }
            literal = i + 1;
        }
        if (literal < glob.length()) {
            re.append(Pattern.quote(glob.substring(literal)));
        }
        return Pattern.compile(re.toString());
    }

    /** A reusable builder; each {@link #build()} copies the settings. */
    public static final class Builder {
        private int maxCiRounds = DEFAULT_MAX_CI_ROUNDS;
        private final Map<String, Pattern> protectedPaths = new LinkedHashMap<>();
        private final List<AutoApprovalCriterion> criteria = new ArrayList<>();
        private final Map<String, Instant> effectiveDates = new TreeMap<>();

        private Builder() {}

        /**
         * Gives a rule an effective date (Enterprise Contract's {@code effective_on}): strictly before
         * it the rule runs in shadow: what it would have decided is reported (a would-be FAIL as a
         * WARN), after a {@code merge.rule.shadow} finding, and does not change the verdict; from that
         * instant on it is enforced.
         *
         * @param rule one of {@link MergeGate#RULES}: {@code checks}, {@code policy}, {@code ci_rounds}, {@code paths}
         * @param effectiveOn the first instant at which the rule is enforced
         * @return this builder
         * @throws IllegalArgumentException if the rule is unknown or the date null or out of range
         */
        public Builder effectiveOn(String rule, Instant effectiveOn) {
            Checks.notNull(rule, "rule");
            if (!MergeGate.RULES.contains(rule)) {
                throw Checks.invalid("rule", "must be one of " + MergeGate.RULES, rule);
            }
            Checks.notNull(effectiveOn, "effectiveOn");
            if (effectiveOn.isBefore(Interval.MIN) || effectiveOn.isAfter(Interval.MAX)) {
                throw Checks.invalid("effectiveOn", "must lie between " + Interval.MIN + " and " + Interval.MAX,
                        effectiveOn);
            }
            effectiveDates.put(rule, effectiveOn);
            return this;
        }

        /**
         * Sets the CI rounds allowed before flagging.
         *
         * @param rounds at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder maxCiRounds(int rounds) {
            maxCiRounds = (int) Checks.positive(rounds, "maxCiRounds");
            return this;
        }

        /**
         * Protects paths matching a glob ({@code *} within a segment, {@code **} across segments,
         * {@code ?} one character), e.g. {@code infra/**} or {@code .github/workflows/*}.
         *
         * @param glob the glob
         * @return this builder
         * @throws IllegalArgumentException if blank or longer than {@link #MAX_GLOB_LENGTH} characters
         */
        public Builder protectedPath(String glob) {
            Checks.notBlank(glob, "glob");
            if (glob.length() > MAX_GLOB_LENGTH) {
                throw Checks.invalid("glob", "must have at most " + MAX_GLOB_LENGTH + " characters", glob);
            }
            protectedPaths.put(glob, glob(glob));
            return this;
        }

        /**
         * Adds an auto-approval criterion: a check that must pass for a pull request to be green.
         *
         * @param criterion the criterion
         * @return this builder
         * @throws IllegalArgumentException if null or resting on a benchmark score
         */
        public Builder autoApprovalCriterion(AutoApprovalCriterion criterion) {
            Checks.notNull(criterion, "criterion");
            Findings review = reviewCriteria(List.of(criterion));
            if (review.has(Level.FAIL)) {
                throw Checks.invalid("criterion", "must not rest on a benchmark score", criterion.check());
            }
            criteria.add(criterion);
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the config
         */
        public MergeGateConfig build() {
            return new MergeGateConfig(this);
        }
    }
}
