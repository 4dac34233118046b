package io.github.deliverykit.policy.change.internal;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import io.github.deliverykit.policy.budget.FreezeDecision;
import io.github.deliverykit.policy.change.ChangeApproval;
import io.github.deliverykit.policy.change.ChangeApproval.FreezeWindow;
import io.github.deliverykit.policy.change.ChangeApproval.Input;
import io.github.deliverykit.policy.change.ChangeApproval.ScheduledChange;
import io.github.deliverykit.policy.change.ChangeApprovalConfig;
import io.github.deliverykit.policy.change.ChangeApprovalConfig.RiskCondition;
import io.github.deliverykit.policy.change.ChangeDecision;
import io.github.deliverykit.policy.change.ChangeRequest;
import io.github.deliverykit.policy.change.ChangeRequest.Approval;
import io.github.deliverykit.policy.change.ChangeRequest.Field;
import io.github.deliverykit.policy.change.ChangeRequest.Role;
import io.github.deliverykit.policy.change.spi.ChangeRule;
import io.github.deliverykit.policy.change.spi.ChangeRule.Extras;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The built-in change rules, one nested class per rule so that each is a service provider of its
 * own. Each emits codes in its own namespace (its id). Stateless and thread safe.
 */
public final class BuiltInChangeRules {

    private BuiltInChangeRules() {}

    /**
     * New instances of every built-in, in run order.
     *
     * @return the rules
     */
    public static List<ChangeRule> all() {
        return List.of(new RequiredFields(), new RollbackPlan(), new Window(), new LeadTime(), new FreezeCalendar(),
                new FreezeErrorBudget(), new RateLimit(), new SegregationOfDuties(), new Risk(), new SuccessScore(),
                new Retrospective());
    }

    /**
     * Whether a rule is one of these built-ins (not merely a rule using a built-in id).
     *
     * @param rule the rule
     * @return true for an instance of a built-in class
     */
    public static boolean isBuiltIn(ChangeRule rule) {
        return rule instanceof Base;
    }

    /** Base of the built-ins: a fixed id and a priority that keeps the documented order. */
    abstract static class Base implements ChangeRule {
        private final String id;
        private final int priority;

        Base(String id) {
            this.id = id;
            this.priority = 900 - 10 * ChangeApproval.BUILT_IN_IDS.indexOf(id);
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
        public final RuleResult<Extras> evaluate(Input input, Instant now, ChangeApprovalConfig config) {
            Checks.notNull(input, "input");
            Checks.notNull(now, "now");
            Checks.notNull(config, "config");
            return apply(input, input.request(), now, config);
        }

        abstract RuleResult<Extras> apply(Input input, ChangeRequest request, Instant now, ChangeApprovalConfig config);

        final String code(String suffix) {
            return id + "." + suffix;
        }

        static RuleResult<Extras> none() {
            return RuleResult.of(Extras.none());
        }

        static RuleResult<Extras> one(Finding finding) {
            return RuleResult.of(Extras.none(), finding);
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** Required fields per type. */
    public static final class RequiredFields extends Base {
        /** Creates the rule. */
        public RequiredFields() {
            super(ChangeApproval.REQUIRED_FIELDS);
        }

        @Override
        RuleResult<Extras> apply(Input input, ChangeRequest request, Instant now, ChangeApprovalConfig config) {
            List<String> missing = new ArrayList<>();
            for (Field f : config.requiredFields(request.type())) {
                if (!request.documents(f)) {
                    missing.add(f.key());
                }
            }
            Facts facts = Facts.of("type", request.type(), "missing", missing);
            if (missing.isEmpty()) {
                return one(Finding.pass(code("complete"),
                        "All fields required for a " + name(request) + " change are documented", facts));
            }
            return one(Finding.fail(code("missing"),
                    "A " + name(request) + " change must document " + String.join(", ", missing), facts));
        }
    }

    /** No normal or expedited change without a rollback plan (seed). */
    public static final class RollbackPlan extends Base {
        /** Creates the rule. */
        public RollbackPlan() {
            super(ChangeApproval.ROLLBACK_PLAN);
        }

        @Override
        RuleResult<Extras> apply(Input input, ChangeRequest request, Instant now, ChangeApprovalConfig config) {
            if (!config.rollbackPlanRequired(request.type())) {
                return none();
            }
            Facts facts = Facts.of("type", request.type());
            if (request.documents(Field.ROLLBACK_PLAN)) {
                return one(Finding.pass(code("documented"), "A rollback plan is documented", facts));
            }
            return one(Finding.fail(code("missing"),
                    "No " + name(request) + " change deploys without a documented rollback plan", facts));
        }
    }

    /** The scheduled window: not over, not empty, long enough for the expected downtime. */
    public static final class Window extends Base {
        /** Creates the rule. */
        public Window() {
            super(ChangeApproval.WINDOW);
        }

        @Override
        RuleResult<Extras> apply(Input input, ChangeRequest request, Instant now, ChangeApprovalConfig config) {
            Interval window = request.window();
            if (window == null) {
                return none();
            }
            if (window.isEmpty()) {
                return one(Finding.fail(code("empty"), "The scheduled window is empty", Facts.of("window", window)));
            }
            if (!now.isBefore(window.end())) {
                return one(Finding.fail(code("elapsed"), "The scheduled window is already over",
                        Facts.of("window", window, "now", now)));
            }
            ChangeRequest.Impact impact = request.impact();
            if (impact != null && impact.downtime().compareTo(window.duration()) > 0) {
                return one(Finding.warn(code("shorter_than_downtime"),
                        "The scheduled window is shorter than the expected downtime",
                        Facts.of("window", window.duration(), "downtime", impact.downtime())));
            }
            return one(Finding.pass(code("valid"), "The scheduled window is ahead and long enough",
                    Facts.of("window", window)));
        }
    }

    /** Lead time from submission to the start of the window; its extras carry the lead time that applies. */
    public static final class LeadTime extends Base {
        /** Creates the rule. */
        public LeadTime() {
            super(ChangeApproval.LEAD_TIME);
        }

        @Override
        RuleResult<Extras> apply(Input input, ChangeRequest request, Instant now, ChangeApprovalConfig config) {
            Duration required = config.leadTime(request.type());
            Extras extras = new Extras(List.of(), null, required, null);
            Interval window = request.window();
            if (window == null) {
                return RuleResult.of(extras);
            }
            Duration actual = Duration.between(request.submittedAt(), window.start());
            if (actual.compareTo(required) >= 0) {
                return RuleResult.of(extras, Finding.pass(code("met"), "The lead time is met",
                        Facts.of("required", required, "actual", actual)));
            }
            return RuleResult.of(extras, Finding.fail(code("insufficient"),
                    "A " + name(request) + " change needs " + required + " of lead time; the window starts "
                            + actual + " after submission",
                    Facts.of("required", required, "actual", actual,
                            "earliest_start", request.submittedAt().plus(required))));
        }
    }

    /**
     * Calendar freeze windows; a change whose kind the deploy freeze config allows while frozen is
     * exempt.
     */
    public static final class FreezeCalendar extends Base {
        /** Creates the rule. */
        public FreezeCalendar() {
            super(ChangeApproval.FREEZE_CALENDAR);
        }

        @Override
        RuleResult<Extras> apply(Input input, ChangeRequest request, Instant now, ChangeApprovalConfig config) {
            Interval window = request.window();
            if (window == null || input.freezeWindows().isEmpty()) {
                return none();
            }
            List<Finding> out = new ArrayList<>();
            boolean exempt = config.deployFreeze().allowedWhileFrozen().contains(request.kind());
            for (FreezeWindow freeze : input.freezeWindows()) {
                if (!window.overlaps(freeze.interval())) {
                    continue;
                }
                Facts facts = Facts.of("freeze", freeze.name(), "freeze_window", freeze.interval(), "window", window,
                        "kind", request.kind());
                if (exempt) {
                    out.add(Finding.info(code("exempt"), "The window overlaps the " + freeze.name() + " freeze; "
                            + request.kind() + " changes stay allowed", facts));
                } else {
                    out.add(Finding.fail(code("overlap"), "The window overlaps the " + freeze.name() + " freeze",
                            facts));
                }
            }
            if (out.isEmpty()) {
                out.add(Finding.pass(code("clear"), "The window overlaps no calendar freeze",
                        Facts.of("freezes", input.freezeWindows().size())));
            }
            return RuleResult.of(Extras.none(), out);
        }
    }

    /**
     * The error-budget deploy freeze: consumes the {@link FreezeDecision} of the input (frozen, and
     * whether it {@link FreezeDecision#allows(ChangeKind) allows} the request's kind).
     */
    public static final class FreezeErrorBudget extends Base {
        /** Creates the rule. */
        public FreezeErrorBudget() {
            super(ChangeApproval.FREEZE_ERROR_BUDGET);
        }

        @Override
        RuleResult<Extras> apply(Input input, ChangeRequest request, Instant now, ChangeApprovalConfig config) {
            FreezeDecision freeze = input.freeze();
            if (freeze == null) {
                return one(Finding.info(code("unknown"),
                        "No error-budget freeze decision is known: the error budget was not consulted",
                        Facts.of("service", request.service())));
            }
            if (!freeze.service().equals(request.service())) {
                // fail closed: a decision about another service says nothing about this one
                return one(Finding.fail(code("other_service"), "The error-budget freeze decision is for "
                        + freeze.service() + ", not " + request.service() + "; treated as frozen",
                        Facts.of("service", request.service(), "freezeService", freeze.service())));
            }
            String budget = Checks.message("burn rate %sx, %s%% of the error budget remains", plain(freeze.burnRate()),
                    plain(freeze.remainingPercent()));
            Facts facts = Facts.of("frozen", freeze.frozen(), "kind", request.kind(), "burnRate", freeze.burnRate(),
                    "remainingPercent", freeze.remainingPercent(), "allowedWhileFrozen", freeze.allowedWhileFrozen());
            if (!freeze.frozen()) {
                return one(Finding.pass(code("clear"), "No error-budget freeze: " + budget, facts));
            }
            if (freeze.allows(request.kind())) {
                return one(Finding.info(code("exempt"), "Error-budget freeze (" + budget + "); " + request.kind()
                        + " changes stay allowed", facts));
            }
            return one(Finding.fail(code("frozen"), "Non-critical changes are frozen: " + budget, facts));
        }
    }

    /** Changes per service and day. */
    public static final class RateLimit extends Base {
        /** Creates the rule. */
        public RateLimit() {
            super(ChangeApproval.RATE_LIMIT);
        }

        @Override
        RuleResult<Extras> apply(Input input, ChangeRequest request, Instant now, ChangeApprovalConfig config) {
            Interval window = request.window();
            OptionalInt limit = config.rateLimit(request.service());
            if (window == null || limit.isEmpty() || config.rateLimitExempt(request.type())) {
                return none();
            }
            LocalDate day = LocalDate.ofInstant(window.start(), config.zone());
            int count = 0;
            for (ScheduledChange other : input.scheduled()) {
                if (other.service().equals(request.service()) && !other.changeId().equals(request.id())
                        && LocalDate.ofInstant(other.start(), config.zone()).equals(day)) {
                    count++;
                }
            }
            Facts facts = Facts.of("service", request.service(), "day", day, "limit", limit.getAsInt(),
                    "already_scheduled", count);
            if (count >= limit.getAsInt()) {
                return one(Finding.fail(code("exceeded"),
                        request.service() + " already has " + count + " changes on " + day + " (limit "
                                + limit.getAsInt() + " per day)", facts));
            }
            return one(Finding.pass(code("within"), "Within the daily change limit of " + request.service(), facts));
        }
    }

    /** The author is not an approver. */
    public static final class SegregationOfDuties extends Base {
        /** Creates the rule. */
        public SegregationOfDuties() {
            super(ChangeApproval.SEGREGATION_OF_DUTIES);
        }

        @Override
        RuleResult<Extras> apply(Input input, ChangeRequest request, Instant now, ChangeApprovalConfig config) {
            if (request.approvals().isEmpty()) {
                return none();
            }
            TreeSet<Role> selfApproved = new TreeSet<>();
            for (Approval a : request.approvals()) {
                if (request.isAuthor(a.approver())) {
                    selfApproved.add(a.role());
                }
            }
            if (selfApproved.isEmpty()) {
                return one(Finding.pass(code("segregated"), "No approval is by the author",
                        Facts.of("author", request.author())));
            }
            return one(Finding.fail(code("self_approval"),
                    "The author " + request.author() + " must not approve their own change",
                    Facts.of("author", request.author(), "roles", List.copyOf(selfApproved))));
        }
    }

    /**
     * Risk by ordered conditions and by the error budget, highest wins; the extras carry the risk
     * and the approvers it calls for.
     *
     * <p>With a {@link FreezeDecision} of the request's service in the input, the error budget is a
     * condition of its own, {@code error-budget}, evaluated after the configured ones, for changes
     * whose kind the freeze would not allow while frozen (rollbacks, security and critical fixes
     * are not made riskier by a burning budget): an exhausted budget or a frozen service gives
     * {@link ChangeDecision.Risk#HIGH}; less than {@link ChangeApprovalConfig#lowBudgetPercent()}
     * remaining gives {@link ChangeDecision.Risk#MODERATE}. Without conditions and without a freeze decision no risk is assessed
     * (the seed's default).
     */
    public static final class Risk extends Base {
        /** The name of the error-budget condition in findings. */
        static final String BUDGET_CONDITION = "error-budget";

        /** Creates the rule. */
        public Risk() {
            super(ChangeApproval.RISK);
        }

        @Override
        RuleResult<Extras> apply(Input input, ChangeRequest request, Instant now, ChangeApprovalConfig config) {
            List<RiskCondition> conditions = config.riskConditions();
            FreezeDecision freeze = input.freeze();
            if (freeze != null && !freeze.service().equals(request.service())) {
                freeze = null; // the freeze rule fails such a decision; it says nothing about this service
            }
            if (conditions.isEmpty() && freeze == null) {
                return none();
            }
            List<Finding> out = new ArrayList<>();
            ChangeDecision.Risk risk = ChangeDecision.Risk.LOW;
            String winner = "none";
            List<String> matched = new ArrayList<>();
            for (RiskCondition c : conditions) {
                boolean match;
                try {
                    match = c.when().test(request);
                } catch (RuntimeException e) {
                    out.add(Finding.fail(code("condition_error"), "Risk condition " + c.name() + " failed: " + e,
                            Facts.of("condition", c.name())));
                    continue;
                }
                if (match) {
                    matched.add(c.name());
                    // the first condition with the highest risk wins
                    if (matched.size() == 1 || c.risk().compareTo(risk) > 0) {
                        risk = c.risk();
                        winner = c.name();
                    }
                }
            }
            ChangeDecision.Risk budgetRisk = freeze == null ? null : budgetRisk(freeze, request, config);
            if (budgetRisk != null) {
                matched.add(BUDGET_CONDITION);
                if (matched.size() == 1 || budgetRisk.compareTo(risk) > 0) {
                    risk = budgetRisk;
                    winner = BUDGET_CONDITION;
                }
            }
            Facts facts = freeze == null ? Facts.of("risk", risk, "condition", winner, "matched", matched)
                    : Facts.of("risk", risk, "condition", winner, "matched", matched, "remainingPercent",
                            freeze.remainingPercent(), "burnRate", freeze.burnRate());
            out.add(Finding.info(code("assessed"), "Risk " + risk + (matched.isEmpty() ? " (no condition matched)"
                    : " (from " + winner + ")"), facts));
            ChangeDecision.Risk max = config.maxRisk(request.type());
            if (risk.compareTo(max) > 0) {
                out.add(Finding.fail(code("exceeds_type"), "A " + name(request) + " change may carry at most "
                        + max + " risk, but this one is " + risk, Facts.of("risk", risk, "max", max)));
            }
            return RuleResult.of(new Extras(config.riskApprovers(risk), risk, null, null), out);
        }

        private static ChangeDecision.@Nullable Risk budgetRisk(FreezeDecision freeze,
                ChangeRequest request, ChangeApprovalConfig config) {
            if (freeze.allowedWhileFrozen().contains(request.kind())) {
                return null;
            }
            if (freeze.frozen() || freeze.budget().isExhausted()) {
                return ChangeDecision.Risk.HIGH;
            }
            if (freeze.remainingPercent().compareTo(config.lowBudgetPercent()) < 0) {
                return ChangeDecision.Risk.MODERATE;
            }
            return null;
        }
    }

    /**
     * Risk from the service's own change history ({@link ChangeApproval.Input#history()}), scored by
     * {@link ChangeApprovalConfig#successScoring()} over the window that ends now. Its finding
     * {@code success-score.assessed} shows the counts per category, the score, the window and the
     * thresholds; its extras carry the risk, which the engine folds into the decision's risk (highest
     * wins) with the approvers it calls for. A history that does not cover the whole window
     * ({@code success-score.partial_history}), too few changes ({@code success-score.insufficient}) and
     * incidents attributed to no change ({@code success-score.unattributed}) are warnings, and the first
     * two keep the risk at least {@link io.github.deliverykit.policy.change.SuccessScoring#insufficientEvidenceRisk()}.
     * Without a history in the input the rule assesses nothing.
     */
    public static final class SuccessScore extends Base {
        /** Creates the rule. */
        public SuccessScore() {
            super(ChangeApproval.SUCCESS_SCORE);
        }

        @Override
        RuleResult<Extras> apply(Input input, ChangeRequest request, Instant now, ChangeApprovalConfig config) {
            io.github.deliverykit.policy.change.ChangeHistory history = input.history();
            if (history == null) {
                return none();
            }
            io.github.deliverykit.policy.change.SuccessScoring scoring = config.successScoring();
            Instant start = now.minus(scoring.window());
            Interval window = Interval.of(start.isBefore(Interval.MIN) ? Interval.MIN : start, now);
            io.github.deliverykit.policy.change.SuccessScore score = history.score(request.service(), window, scoring);
            ChangeDecision.Risk risk = score.risk(scoring);
            List<Finding> out = new ArrayList<>();
            Interval covered = score.covered();
            if (!score.complete()) {
                out.add(Finding.warn(code("partial_history"), "The change history of " + request.service()
                        + " covers " + (covered == null ? "none" : "only " + covered) + " of the window " + window
                        + "; risk is at least " + scoring.insufficientEvidenceRisk(),
                        Facts.of("service", request.service(), "window", window, "coverage", history.coverage(),
                                "covered", covered == null ? "none" : covered)));
            }
            if (score.changes() < scoring.minimumChanges()) {
                out.add(Finding.warn(code("insufficient"), request.service() + " has " + score.changes()
                        + " changes in the window, fewer than the " + scoring.minimumChanges()
                        + " needed as evidence; risk is at least " + scoring.insufficientEvidenceRisk(),
                        Facts.of("service", request.service(), "window", window, "changes", score.changes(),
                                "minimum", scoring.minimumChanges())));
            }
            if (score.unattributed() > 0) {
                out.add(Finding.warn(code("unattributed"), score.unattributed() + " incidents of "
                        + request.service() + " in the window are attributed to no change and are not scored",
                        Facts.of("service", request.service(), "window", window, "unattributed",
                                score.unattributed())));
            }
            java.util.Map<String, Integer> caused = new java.util.LinkedHashMap<>();
            score.incidentsCaused().forEach((sev, n) -> caused.put(sev.toString(), n));
            Facts facts = Facts.builder()
                    .put("service", request.service())
                    .put("window", window)
                    .put("successful", score.successful())
                    .put("with_issues", score.withIssues())
                    .put("failed", score.failed())
                    .put("in_progress", score.inProgress())
                    .put("incidents_caused", java.util.Collections.unmodifiableMap(caused))
                    .put("unattributed", score.unattributed())
                    .put("score", score.score())
                    .put("thresholds", "VERY_HIGH < " + scoring.veryHighBelow() + " <= HIGH < " + scoring.highBelow()
                            + " <= MODERATE < " + scoring.moderateBelow() + " <= LOW")
                    .put("sufficient", score.sufficient(scoring))
                    .put("risk", risk)
                    .build();
            out.add(Finding.info(code("assessed"), "Change success score " + score.score() + " for "
                    + request.service() + " over the last " + scoring.window().toDays() + " days: risk " + risk,
                    facts));
            return RuleResult.of(new Extras(List.of(), risk, null, null), out);
        }
    }

    /** A retrospective review after an emergency change; the extras carry when it is due. */
    public static final class Retrospective extends Base {
        /** Creates the rule. */
        public Retrospective() {
            super(ChangeApproval.RETROSPECTIVE);
        }

        @Override
        RuleResult<Extras> apply(Input input, ChangeRequest request, Instant now, ChangeApprovalConfig config) {
            if (!config.retrospectiveRequired(request.type())) {
                return none();
            }
            Interval window = request.window();
            Instant from = window != null ? window.end() : request.submittedAt();
            // instants are bounded by Interval.MAX (year 2262) and the period by MAX_DURATION: no overflow
            Instant due = from.plus(config.retrospectiveWithin());
            return RuleResult.of(new Extras(List.of(), null, null, due), Finding.info(code("required"),
                    "A " + name(request) + " change needs a retrospective review by " + due, Facts.of("due", due)));
        }
    }

    static String name(ChangeRequest request) {
        return request.type().name().toLowerCase(Locale.ROOT);
    }

    static String plain(BigDecimal v) {
        BigDecimal r = v.setScale(4, RoundingMode.HALF_EVEN);
        return r.signum() == 0 ? "0" : r.stripTrailingZeros().toPlainString();
    }
}
