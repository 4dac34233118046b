package io.github.deliverykit.policy.change;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.policy.budget.DeployFreezeConfig;
import io.github.deliverykit.policy.change.ChangeDecision.Risk;
import io.github.deliverykit.policy.change.ChangeRequest.Field;
import io.github.deliverykit.policy.change.ChangeRequest.Role;
import io.github.deliverykit.policy.change.ChangeRequest.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The configuration of {@link ChangeApproval}: approvers and lead times per type (seed defaults),
 * the required fields per type, which types need a rollback plan and a retrospective, rate limits
 * per service and day, optional risk conditions, how a low error budget raises risk, the deploy
 * freeze config whose {@link DeployFreezeConfig#allowedWhileFrozen()} exempts changes from calendar
 * freezes, and the built-in rules that are explicitly disabled. Immutable and thread safe; build
 * with {@link #ofDefaults()}, {@link #custom()} or {@link #from(ChangeApprovalConfig)}.
 */
public final class ChangeApprovalConfig {

    /** Time allowed for the retrospective review of an emergency change after its window ends. */
    public static final Duration DEFAULT_RETROSPECTIVE_WITHIN = Duration.ofHours(48);
    /** The zone in which "a day" is counted for rate limits. */
    public static final ZoneId DEFAULT_ZONE = ZoneOffset.UTC;
    /** Types that cannot go ahead without a rollback plan (seed). */
    public static final Set<Type> DEFAULT_ROLLBACK_PLAN_REQUIRED =
            Collections.unmodifiableSet(EnumSet.of(Type.NORMAL, Type.EXPEDITED));
    /** Types reviewed after the fact. */
    public static final Set<Type> DEFAULT_RETROSPECTIVE_REQUIRED =
            Collections.unmodifiableSet(EnumSet.of(Type.EMERGENCY));
    /**
     * The deploy freeze config whose {@link DeployFreezeConfig#allowedWhileFrozen()} (rollbacks,
     * security fixes, critical changes) also exempts changes from calendar freezes.
     */
    public static final DeployFreezeConfig DEFAULT_DEPLOY_FREEZE = DeployFreezeConfig.ofDefaults();
    /**
     * Below this share of the error budget remaining (percent), a change whose kind a freeze would
     * not allow carries at least {@link Risk#MODERATE} risk.
     */
    public static final BigDecimal DEFAULT_LOW_BUDGET_PERCENT = new BigDecimal("25");
    /** Types exempt from rate limits. */
    public static final Set<Type> DEFAULT_RATE_LIMIT_EXEMPT =
            Collections.unmodifiableSet(EnumSet.of(Type.EMERGENCY));
    /** The highest risk a standard (pre-approved) change may carry. */
    public static final Risk DEFAULT_MAX_STANDARD_RISK = Risk.LOW;
    /** The longest lead time or retrospective period accepted. */
    public static final Duration MAX_DURATION = Duration.ofDays(3660);

    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    private final Map<Type, List<Role>> approvers;
    private final Map<Type, Duration> leadTimes;
    private final Map<Type, Set<Field>> requiredFields;
    private final Set<Type> rollbackPlanRequired;
    private final Set<Type> retrospectiveRequired;
    private final Duration retrospectiveWithin;
    private final DeployFreezeConfig deployFreeze;
    private final BigDecimal lowBudgetPercent;
    private final @Nullable Integer defaultRateLimit;
    private final Map<String, Integer> rateLimits;
    private final Set<Type> rateLimitExempt;
    private final ZoneId zone;
    private final List<RiskCondition> riskConditions;
    private final Map<Risk, List<Role>> riskApprovers;
    private final Map<Type, Risk> maxRisk;
    private final Map<String, String> disabledRules;
    private final java.util.SortedSet<String> requiredRules;
    private final SuccessScoring successScoring;
    private final Map<String, java.time.Instant> effectiveDates;

    private ChangeApprovalConfig(Builder b) {
        this.approvers = Collections.unmodifiableMap(new EnumMap<>(b.approvers));
        this.leadTimes = Collections.unmodifiableMap(new EnumMap<>(b.leadTimes));
        Map<Type, Set<Field>> fields = new EnumMap<>(Type.class);
        b.requiredFields.forEach((k, v) -> fields.put(k, Collections.unmodifiableSet(fieldSet(v))));
        this.requiredFields = Collections.unmodifiableMap(fields);
        this.rollbackPlanRequired = frozenSet(b.rollbackPlanRequired);
        this.retrospectiveRequired = frozenSet(b.retrospectiveRequired);
        this.retrospectiveWithin = b.retrospectiveWithin;
        this.deployFreeze = b.deployFreeze;
        this.lowBudgetPercent = b.lowBudgetPercent;
        this.defaultRateLimit = b.defaultRateLimit;
        this.rateLimits = Collections.unmodifiableMap(new TreeMap<>(b.rateLimits));
        this.rateLimitExempt = frozenSet(b.rateLimitExempt);
        this.zone = b.zone;
        this.riskConditions = List.copyOf(b.riskConditions);
        this.riskApprovers = Collections.unmodifiableMap(new EnumMap<>(b.riskApprovers));
        this.maxRisk = Collections.unmodifiableMap(new EnumMap<>(b.maxRisk));
        this.disabledRules = Collections.unmodifiableMap(new TreeMap<>(b.disabledRules));
        this.requiredRules = Collections.unmodifiableSortedSet(new java.util.TreeSet<>(b.requiredRules));
        this.successScoring = b.successScoring;
        this.effectiveDates = Collections.unmodifiableMap(new TreeMap<>(b.effectiveDates));
    }

    private static EnumSet<Field> fieldSet(Collection<Field> fields) {
        // EnumSet.copyOf rejects an empty collection that is not an EnumSet
        EnumSet<Field> set = EnumSet.noneOf(Field.class);
        set.addAll(fields);
        return set;
    }

    private static Set<Type> frozenSet(Set<Type> set) {
        return Collections.unmodifiableSet(set.isEmpty() ? EnumSet.noneOf(Type.class) : EnumSet.copyOf(set));
    }

    /**
     * The seed's defaults.
     *
     * @return the default policy
     */
    public static ChangeApprovalConfig ofDefaults() {
        return custom().build();
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
     * A builder starting from an existing policy.
     *
     * @param base the policy to copy
     * @return a builder
     * @throws IllegalArgumentException if base is null
     */
    public static Builder from(ChangeApprovalConfig base) {
        return new Builder(Checks.notNull(base, "base"));
    }

    /**
     * The roles that must approve a type.
     *
     * @param type the type
     * @return the roles in order
     * @throws IllegalArgumentException if the type is null
     */
    public List<Role> approvers(Type type) {
        return approvers.get(Checks.notNull(type, "type"));
    }

    /**
     * The minimum time from submission to the start of the window.
     *
     * @param type the type
     * @return the lead time
     * @throws IllegalArgumentException if the type is null
     */
    public Duration leadTime(Type type) {
        return leadTimes.get(Checks.notNull(type, "type"));
    }

    /**
     * The fields a request of this type must document (the rollback plan is governed by
     * {@link #rollbackPlanRequired(Type)}).
     *
     * @param type the type
     * @return the fields in declaration order
     * @throws IllegalArgumentException if the type is null
     */
    public Set<Field> requiredFields(Type type) {
        return requiredFields.get(Checks.notNull(type, "type"));
    }

    /**
     * Whether a type cannot go ahead without a rollback plan.
     *
     * @param type the type
     * @return true for normal and expedited changes by default
     * @throws IllegalArgumentException if the type is null
     */
    public boolean rollbackPlanRequired(Type type) {
        return rollbackPlanRequired.contains(Checks.notNull(type, "type"));
    }

    /**
     * Whether a type needs a retrospective review afterwards.
     *
     * @param type the type
     * @return true for emergency changes by default
     * @throws IllegalArgumentException if the type is null
     */
    public boolean retrospectiveRequired(Type type) {
        return retrospectiveRequired.contains(Checks.notNull(type, "type"));
    }

    /**
     * The time allowed for the retrospective after the window ends.
     *
     * @return the period
     */
    public Duration retrospectiveWithin() {
        return retrospectiveWithin;
    }

    /**
     * The deploy freeze config: its {@link DeployFreezeConfig#allowedWhileFrozen()} is the one list
     * of change kinds that go ahead during a calendar freeze (an error-budget freeze brings its own,
     * in {@link io.github.deliverykit.policy.budget.FreezeDecision#allows}).
     *
     * @return the deploy freeze config
     */
    public DeployFreezeConfig deployFreeze() {
        return deployFreeze;
    }

    /**
     * Below this share of the error budget remaining, a change whose kind the freeze would not
     * allow carries at least {@link Risk#MODERATE} risk.
     *
     * @return the percentage, 0 to 100
     */
    public BigDecimal lowBudgetPercent() {
        return lowBudgetPercent;
    }

    /**
     * The maximum number of changes per day for a service.
     *
     * @param service the service
     * @return the limit, or empty when unlimited
     * @throws IllegalArgumentException if the service is null
     */
    public OptionalInt rateLimit(String service) {
        Integer limit = rateLimits.get(Checks.notNull(service, "service"));
        if (limit == null) {
            limit = defaultRateLimit;
        }
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /**
     * Whether a type is exempt from rate limits.
     *
     * @param type the type
     * @return true for emergency changes by default
     * @throws IllegalArgumentException if the type is null
     */
    public boolean rateLimitExempt(Type type) {
        return rateLimitExempt.contains(Checks.notNull(type, "type"));
    }

    /**
     * The zone in which days are counted.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The risk conditions, in evaluation order; empty means risk scoring is off.
     *
     * @return the conditions
     */
    public List<RiskCondition> riskConditions() {
        return riskConditions;
    }

    /**
     * The extra approvers a risk calls for: the roles configured for this level and every level below.
     *
     * @param risk the risk
     * @return the roles in order, without duplicates
     * @throws IllegalArgumentException if the risk is null
     */
    public List<Role> riskApprovers(Risk risk) {
        Checks.notNull(risk, "risk");
        LinkedHashSet<Role> roles = new LinkedHashSet<>();
        for (Risk level : Risk.values()) {
            if (level.compareTo(risk) <= 0) {
                roles.addAll(riskApprovers.getOrDefault(level, List.of()));
            }
        }
        return List.copyOf(roles);
    }

    /**
     * The highest risk a type may carry; above it the change is rejected (a standard change that is
     * not low risk is not standard).
     *
     * @param type the type
     * @return the maximum risk
     * @throws IllegalArgumentException if the type is null
     */
    public Risk maxRisk(Type type) {
        return maxRisk.get(Checks.notNull(type, "type"));
    }

    /**
     * The rules disabled by this configuration, id to reason, sorted by id.
     *
     * @return the disabled rules
     */
    public Map<String, String> disabledRules() {
        return disabledRules;
    }

    /**
     * The rule ids this configuration requires, sorted: a decision on an engine where one of them is not
     * registered, or is disabled, is REJECTED with a {@code change.rule.required_missing} failure.
     *
     * @return the required rule ids
     */
    public java.util.SortedSet<String> requiredRules() {
        return requiredRules;
    }

    /**
     * How the built-in {@code success-score} rule scores a service's own change history.
     *
     * @return the scoring, {@link SuccessScoring#ofDefaults()} unless set
     */
    public SuccessScoring successScoring() {
        return successScoring;
    }

    /**
     * The effective dates set by this configuration, rule id to date, sorted by id: before its date
     * a rule runs in shadow (it reports what it would have decided and enforces nothing).
     *
     * @return the effective dates
     */
    public Map<String, java.time.Instant> effectiveDates() {
        return effectiveDates;
    }

    /**
     * The effective date this configuration sets for a rule.
     *
     * @param ruleId the rule id
     * @return the date, empty when the configuration sets none
     */
    public java.util.Optional<java.time.Instant> effectiveOn(@Nullable String ruleId) {
        return ruleId == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(effectiveDates.get(ruleId));
    }

    /**
     * Whether a rule is disabled.
     *
     * @param ruleId the rule id
     * @return true if disabled
     */
    public boolean isDisabled(@Nullable String ruleId) {
        return ruleId != null && disabledRules.containsKey(ruleId);
    }

    /**
     * One risk condition in the style of ServiceNow's risk conditions: when the predicate matches a
     * request, the request carries at least this risk. Conditions are evaluated in the order they
     * are configured and the highest matching risk wins (the first condition with that risk is
     * named).
     *
     * @param name a stable name shown in findings, not blank
     * @param risk the risk when it matches
     * @param when the predicate over the request
     */
    public record RiskCondition(String name, Risk risk, Predicate<ChangeRequest> when) {

        /**
         * Validates the condition.
         *
         * @throws IllegalArgumentException if a field is null or the name blank
         */
        public RiskCondition {
            Checks.notBlank(name, "name");
            Checks.notNull(risk, "risk");
            Checks.notNull(when, "when");
        }

        /**
         * A condition.
         *
         * @param name the name
         * @param risk the risk
         * @param when the predicate
         * @return the condition
         * @throws IllegalArgumentException if a field is null or the name blank
         */
        public static RiskCondition of(String name, Risk risk, Predicate<ChangeRequest> when) {
            return new RiskCondition(name, risk, when);
        }
    }

    /** A reusable builder; {@link #build()} copies its state. */
    public static final class Builder {
        private final Map<Type, List<Role>> approvers = new EnumMap<>(Type.class);
        private final Map<Type, Duration> leadTimes = new EnumMap<>(Type.class);
        private final Map<Type, Set<Field>> requiredFields = new EnumMap<>(Type.class);
        private Set<Type> rollbackPlanRequired = EnumSet.copyOf(DEFAULT_ROLLBACK_PLAN_REQUIRED);
        private Set<Type> retrospectiveRequired = EnumSet.copyOf(DEFAULT_RETROSPECTIVE_REQUIRED);
        private Duration retrospectiveWithin = DEFAULT_RETROSPECTIVE_WITHIN;
        private DeployFreezeConfig deployFreeze = DEFAULT_DEPLOY_FREEZE;
        private BigDecimal lowBudgetPercent = DEFAULT_LOW_BUDGET_PERCENT;
        private @Nullable Integer defaultRateLimit;
        private final Map<String, Integer> rateLimits = new TreeMap<>();
        private Set<Type> rateLimitExempt = EnumSet.copyOf(DEFAULT_RATE_LIMIT_EXEMPT);
        private ZoneId zone = DEFAULT_ZONE;
        private final List<RiskCondition> riskConditions = new ArrayList<>();
        private final Map<Risk, List<Role>> riskApprovers = new EnumMap<>(Risk.class);
        private final Map<Type, Risk> maxRisk = new EnumMap<>(Type.class);
        private final Map<String, String> disabledRules = new TreeMap<>();
        private final java.util.SortedSet<String> requiredRules = new java.util.TreeSet<>();
        private SuccessScoring successScoring = SuccessScoring.ofDefaults();
        private final Map<String, java.time.Instant> effectiveDates = new TreeMap<>();

        private Builder() {
            for (Type t : Type.values()) {
                approvers.put(t, t.defaultApprovers());
                leadTimes.put(t, t.defaultLeadTime());
                requiredFields.put(t, defaultFields(t));
                maxRisk.put(t, t == Type.STANDARD ? DEFAULT_MAX_STANDARD_RISK : Risk.VERY_HIGH);
            }
        }

        private Builder(ChangeApprovalConfig base) {
            approvers.putAll(base.approvers);
            leadTimes.putAll(base.leadTimes);
            base.requiredFields.forEach((k, v) -> requiredFields.put(k, fieldSet(v)));
            rollbackPlanRequired = copy(base.rollbackPlanRequired);
            retrospectiveRequired = copy(base.retrospectiveRequired);
            retrospectiveWithin = base.retrospectiveWithin;
            deployFreeze = base.deployFreeze;
            lowBudgetPercent = base.lowBudgetPercent;
            defaultRateLimit = base.defaultRateLimit;
            rateLimits.putAll(base.rateLimits);
            rateLimitExempt = copy(base.rateLimitExempt);
            zone = base.zone;
            riskConditions.addAll(base.riskConditions);
            riskApprovers.putAll(base.riskApprovers);
            maxRisk.putAll(base.maxRisk);
            disabledRules.putAll(base.disabledRules);
            requiredRules.addAll(base.requiredRules);
            successScoring = base.successScoring;
            effectiveDates.putAll(base.effectiveDates);
        }

        private static Set<Type> copy(Set<Type> set) {
            return set.isEmpty() ? EnumSet.noneOf(Type.class) : EnumSet.copyOf(set);
        }

        /**
         * The default required fields of a type: a standard change documents what, how and when (it
         * follows a pre-approved template, so it must stay cheap); normal and expedited changes
         * document everything the seed lists; an emergency documents what, why, how and when, the
         * rest follows in its retrospective.
         *
         * @param type the type
         * @return the fields
         */
        static Set<Field> defaultFields(Type type) {
            return switch (type) {
                case STANDARD -> EnumSet.of(Field.DESCRIPTION, Field.IMPLEMENTATION_PLAN,
                        Field.SCHEDULED_WINDOW);
                case NORMAL, EXPEDITED -> EnumSet.complementOf(EnumSet.of(Field.ROLLBACK_PLAN));
                case EMERGENCY -> EnumSet.of(Field.DESCRIPTION, Field.JUSTIFICATION,
                        Field.IMPLEMENTATION_PLAN, Field.SCHEDULED_WINDOW);
            };
        }

        /**
         * Sets the roles that approve a type.
         *
         * @param type the type
         * @param roles the roles, possibly none
         * @return this builder
         * @throws IllegalArgumentException if the type, list or a role is null
         */
        public Builder approvers(Type type, List<Role> roles) {
            Checks.notNull(type, "type");
            approvers.put(type, List.copyOf(new LinkedHashSet<>(Checks.listOf(roles, "roles"))));
            return this;
        }

        /**
         * Sets the lead time of a type.
         *
         * @param type the type
         * @param leadTime zero or more, at most {@link #MAX_DURATION}
         * @return this builder
         * @throws IllegalArgumentException if null, negative or too long
         */
        public Builder leadTime(Type type, Duration leadTime) {
            Checks.notNull(type, "type");
            leadTimes.put(type, bounded(leadTime, "leadTime"));
            return this;
        }

        private static Duration bounded(@Nullable Duration value, String field) {
            Checks.nonNegative(value, field);
            if (value.compareTo(MAX_DURATION) > 0) {
                throw Checks.invalid(field, "must be at most " + MAX_DURATION, value);
            }
            return value;
        }

        /**
         * Sets the required fields of a type.
         *
         * @param type the type
         * @param fields the fields; {@link Field#ROLLBACK_PLAN} is not allowed here
         * @return this builder
         * @throws IllegalArgumentException if null, or the rollback plan is listed (use
         *     {@link #rollbackPlanRequired(Collection)})
         */
        public Builder requiredFields(Type type, Collection<Field> fields) {
            Checks.notNull(type, "type");
            List<Field> list = Checks.listOf(fields, "fields");
            if (list.contains(Field.ROLLBACK_PLAN)) {
                throw Checks.invalid("fields", "must not contain rollback_plan (use rollbackPlanRequired)", list);
            }
            requiredFields.put(type, fieldSet(list));
            return this;
        }

        /**
         * Sets the types that need a rollback plan.
         *
         * @param types the types
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder rollbackPlanRequired(Collection<Type> types) {
            rollbackPlanRequired = types(types, "rollbackPlanRequired");
            return this;
        }

        private static Set<Type> types(@Nullable Collection<Type> types, String field) {
            List<Type> list = Checks.listOf(types, field);
            return list.isEmpty() ? EnumSet.noneOf(Type.class) : EnumSet.copyOf(list);
        }

        /**
         * Sets the types that need a retrospective review.
         *
         * @param types the types
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder retrospectiveRequired(Collection<Type> types) {
            retrospectiveRequired = types(types, "retrospectiveRequired");
            return this;
        }

        /**
         * Sets the time allowed for the retrospective after the window ends.
         *
         * @param within positive, at most {@link #MAX_DURATION}
         * @return this builder
         * @throws IllegalArgumentException if null, not positive or too long
         */
        public Builder retrospectiveWithin(Duration within) {
            Checks.positive(within, "retrospectiveWithin");
            retrospectiveWithin = bounded(within, "retrospectiveWithin");
            return this;
        }

        /**
         * Sets the deploy freeze config whose allowed kinds are exempt from calendar freezes (use
         * the one the {@link io.github.deliverykit.policy.budget.DeployFreeze} runs with).
         *
         * @param config the deploy freeze config
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder deployFreeze(DeployFreezeConfig config) {
            deployFreeze = Checks.notNull(config, "deployFreeze");
            return this;
        }

        /**
         * Sets the share of the error budget below which risk rises to at least moderate.
         *
         * @param percent 0 to 100 (0 turns the low-budget raise off; exhaustion and a freeze still
         *     raise risk to high)
         * @return this builder
         * @throws IllegalArgumentException if null, outside 0..100 or beyond
         *     {@link Checks#MAX_DECIMAL_DIGITS} digits or scale
         */
        public Builder lowBudgetPercent(BigDecimal percent) {
            Checks.decimal(percent, "lowBudgetPercent");
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw Checks.invalid("lowBudgetPercent", "must be between 0 and 100", percent);
            }
            lowBudgetPercent = percent;
            return this;
        }

        /**
         * Limits the changes per service and day for every service.
         *
         * @param perDay at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder rateLimit(int perDay) {
            defaultRateLimit = (int) Checks.positive(perDay, "rateLimit");
            return this;
        }

        /**
         * Limits the changes per day for one service (overrides the general limit).
         *
         * @param service the service
         * @param perDay at least 1
         * @return this builder
         * @throws IllegalArgumentException if the service is blank or the limit less than 1
         */
        public Builder rateLimit(String service, int perDay) {
            Checks.notBlank(service, "service");
            rateLimits.put(service, (int) Checks.positive(perDay, "rateLimit"));
            return this;
        }

        /**
         * Sets the types exempt from rate limits.
         *
         * @param types the types
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder rateLimitExempt(Collection<Type> types) {
            rateLimitExempt = types(types, "rateLimitExempt");
            return this;
        }

        /**
         * Sets the zone in which days are counted.
         *
         * @param zone the zone
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder zone(ZoneId zone) {
            this.zone = Checks.notNull(zone, "zone");
            return this;
        }

        /**
         * Appends a risk condition (turns risk scoring on).
         *
         * @param condition the condition
         * @return this builder
         * @throws IllegalArgumentException if null or its name repeats
         */
        public Builder riskCondition(RiskCondition condition) {
            Checks.notNull(condition, "condition");
            for (RiskCondition c : riskConditions) {
                if (c.name().equals(condition.name())) {
                    throw Checks.invalid("riskCondition.name", "must be unique", condition.name());
                }
            }
            riskConditions.add(condition);
            return this;
        }

        /**
         * Sets the extra approvers a risk (and any higher risk) calls for.
         *
         * @param risk the risk
         * @param roles the roles
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder riskApprovers(Risk risk, List<Role> roles) {
            Checks.notNull(risk, "risk");
            riskApprovers.put(risk, List.copyOf(new LinkedHashSet<>(Checks.listOf(roles, "roles"))));
            return this;
        }

        /**
         * Sets the highest risk a type may carry.
         *
         * @param type the type
         * @param risk the maximum risk
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder maxRisk(Type type, Risk risk) {
            maxRisk.put(Checks.notNull(type, "type"), Checks.notNull(risk, "risk"));
            return this;
        }

        /**
         * Disables a rule, visibly: every decision reports the disabled rule and the reason as a
         * {@code rule.disabled} warning. This is the only way to switch a built-in rule off.
         *
         * @param ruleId the rule id, e.g. {@link ChangeApproval#RATE_LIMIT}
         * @param reason why, not blank
         * @return this builder
         * @throws IllegalArgumentException if the id is not a rule id or the reason blank
         */
        public Builder disable(String ruleId, String reason) {
            Checks.notNull(ruleId, "ruleId");
            if (!RULE_ID.matcher(ruleId).matches()) {
                throw Checks.invalid("ruleId", "must be a lower-case rule id", ruleId);
            }
            disabledRules.put(ruleId, Checks.notBlank(reason, "reason"));
            return this;
        }

        /**
         * Requires a rule: when the engine has no rule with this id (a custom rule that was not
         * registered or not found by the service loader), or the rule is disabled, every decision fails
         * loudly with a {@code change.rule.required_missing} finding instead of approving without it.
         *
         * @param ruleId the rule id, a built-in one or a custom rule's
         * @return this builder
         * @throws IllegalArgumentException if the id is not a rule id
         */
        public Builder requireRule(String ruleId) {
            Checks.notNull(ruleId, "ruleId");
            if (!RULE_ID.matcher(ruleId).matches()) {
                throw Checks.invalid("ruleId", "must be a lower-case rule id", ruleId);
            }
            requiredRules.add(ruleId);
            return this;
        }

        /**
         * Sets how the built-in {@code success-score} rule scores a service's change history.
         *
         * @param scoring the weights, window, thresholds and minimum evidence
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder successScoring(SuccessScoring scoring) {
            successScoring = Checks.notNull(scoring, "successScoring");
            return this;
        }

        /**
         * Gives a rule an effective date (Enterprise Contract's {@code effective_on}): strictly before
         * it the rule runs in shadow, reporting what it would have decided (a would-be FAIL as a WARN)
         * without enforcing it (no approvers, no risk, no failure); from that instant on it is enforced.
         * This date overrides the rule's own {@link io.github.deliverykit.policy.change.spi.ChangeRule#effectiveOn()}.
         *
         * @param ruleId the rule id, a built-in one or a custom rule's
         * @param effectiveOn the first instant at which the rule is enforced
         * @return this builder
         * @throws IllegalArgumentException if the id is not a rule id or the date null or out of range
         */
        public Builder effectiveOn(String ruleId, java.time.Instant effectiveOn) {
            Checks.notNull(ruleId, "ruleId");
            if (!RULE_ID.matcher(ruleId).matches()) {
                throw Checks.invalid("ruleId", "must be a lower-case rule id", ruleId);
            }
            effectiveDates.put(ruleId, ChangeRequest.checkInstant(effectiveOn, "effectiveOn"));
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return an immutable policy
         */
        public ChangeApprovalConfig build() {
            return new ChangeApprovalConfig(this);
        }
    }
}
