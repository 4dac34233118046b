package io.github.deliverykit.policy.change;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.spi.Plugins;
import io.github.deliverykit.core.spi.ProviderRegistry;
import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.core.spi.Shadow;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.policy.budget.FreezeDecision;
import io.github.deliverykit.policy.change.ChangeDecision.Risk;
import io.github.deliverykit.policy.change.ChangeDecision.Verdict;
import io.github.deliverykit.policy.change.ChangeRequest.Approval;
import io.github.deliverykit.policy.change.ChangeRequest.Role;
import io.github.deliverykit.policy.change.internal.BuiltInChangeRules;
import io.github.deliverykit.policy.change.spi.ChangeRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Change approval: runs every enabled {@link ChangeRule} in registry order on a request and the
 * upstream results it depends on ({@link Input}: the error budget's {@link FreezeDecision}, calendar
 * freeze windows, other scheduled changes), then checks the approvals against the roles the type
 * and the rules require. Any FAIL rejects the request; with no FAIL, missing approvers give
 * NEEDS_APPROVAL; otherwise the request is APPROVED.
 *
 * <p>Built-in rules always run unless the config disables them (each disabled rule is reported as a
 * {@code change.rule.disabled} warning in every decision); a custom rule can add findings and
 * approvers but cannot remove a finding, cannot claim a built-in id and cannot emit a code outside
 * its own namespace ({@code change.plugin.foreign_code}), so it can never turn a built-in FAIL into
 * an approval nor change the typed results, except to raise the risk: the decision's risk is the
 * highest any rule returns in its extras, and for a rule other than the built-in {@code risk} the
 * engine adds the approvers that risk calls for and fails a type that may not carry it
 * ({@code change.risk.exceeds_type}). A rule whose effective date ({@link
 * ChangeApprovalConfig#effectiveDates()}, else {@link ChangeRule#effectiveOn()}) the clock has not
 * reached runs in shadow ({@link Shadow}): reported, never enforced. Engine findings use the
 * {@code change.} namespace.
 * Immutable and thread safe when the rules are; the same input and clock give the same decision.
 */
public final class ChangeApproval {

    /** The namespace of the engine's own finding codes. */
    public static final String NAMESPACE = "change";
    /** Required fields per type; codes {@code required-fields.*}. */
    public static final String REQUIRED_FIELDS = "required-fields";
    /** No normal or expedited change without a rollback plan; codes {@code rollback-plan.*}. */
    public static final String ROLLBACK_PLAN = "rollback-plan";
    /** The scheduled window is not over and fits the downtime; codes {@code window.*}. */
    public static final String WINDOW = "window";
    /** Lead time from submission to the window; codes {@code lead-time.*}. */
    public static final String LEAD_TIME = "lead-time";
    /** Calendar freeze windows; codes {@code freeze-calendar.*}. */
    public static final String FREEZE_CALENDAR = "freeze-calendar";
    /** The error-budget deploy freeze; codes {@code freeze-error-budget.*}. */
    public static final String FREEZE_ERROR_BUDGET = "freeze-error-budget";
    /** Changes per service and day; codes {@code rate-limit.*}. */
    public static final String RATE_LIMIT = "rate-limit";
    /** The author does not approve their own change; codes {@code segregation-of-duties.*}. */
    public static final String SEGREGATION_OF_DUTIES = "segregation-of-duties";
    /** Risk by ordered conditions and the error budget, highest wins; codes {@code risk.*}. */
    public static final String RISK = "risk";
    /**
     * Risk from the service's own change history, in the spirit of ServiceNow's change success
     * score; codes {@code success-score.*}.
     */
    public static final String SUCCESS_SCORE = "success-score";
    /** Retrospective review after an emergency change; codes {@code retrospective.*}. */
    public static final String RETROSPECTIVE = "retrospective";
    /**
     * Every built-in id, in run order. Built-ins use priorities 900 down to 800 so that they run
     * first; custom rules at the default priority 0 follow.
     */
    public static final List<String> BUILT_IN_IDS = List.of(REQUIRED_FIELDS, ROLLBACK_PLAN, WINDOW, LEAD_TIME,
            FREEZE_CALENDAR, FREEZE_ERROR_BUDGET, RATE_LIMIT, SEGREGATION_OF_DUTIES, RISK, SUCCESS_SCORE, RETROSPECTIVE);

    private static final Logger LOG = LoggerFactory.getLogger(ChangeApproval.class);

    private final ChangeApprovalConfig config;
    private final List<ChangeRule> rules;
    /** Required rule id to why it does not run ("not registered" or "disabled"). */
    private final Map<String, String> missingRequired;

    private ChangeApproval(ChangeApprovalConfig config, List<ChangeRule> rules, Map<String, String> missingRequired) {
        this.config = config;
        this.rules = rules;
        this.missingRequired = missingRequired;
    }

    /**
     * The built-in rules with the seed's defaults.
     *
     * @return the engine
     */
    public static ChangeApproval ofDefaults() {
        return of(ChangeApprovalConfig.ofDefaults());
    }

    /**
     * The built-in rules only, without {@link java.util.ServiceLoader}.
     *
     * @param config the config
     * @return the engine
     * @throws IllegalArgumentException if the config is null or disables an unknown rule
     */
    public static ChangeApproval of(ChangeApprovalConfig config) {
        return of(config, List.of());
    }

    /**
     * The built-in rules and every {@link ChangeRule} found by the service loader of this library's
     * class loader.
     *
     * @param config the config
     * @return the engine
     * @throws IllegalArgumentException if the config is null or disables an unknown rule
     * @throws IllegalStateException if a loaded rule claims a built-in id
     * @throws io.github.deliverykit.core.spi.ProviderException if a provider is broken
     */
    public static ChangeApproval load(ChangeApprovalConfig config) {
        Checks.notNull(config, "config");
        return of(config, Providers.load(ChangeRule.class).all());
    }

    /**
     * The built-in rules and every {@link ChangeRule} a class loader provides.
     *
     * @param config the config
     * @param classLoader where to look for rules
     * @return the engine
     * @throws IllegalArgumentException if an argument is null or the config disables an unknown rule
     * @throws IllegalStateException if a loaded rule claims a built-in id
     * @throws io.github.deliverykit.core.spi.ProviderException if a provider is broken
     */
    public static ChangeApproval load(ChangeApprovalConfig config, ClassLoader classLoader) {
        Checks.notNull(config, "config");
        return of(config, Providers.load(ChangeRule.class, Checks.notNull(classLoader, "classLoader")).all());
    }

    /**
     * The built-in rules and every {@link ChangeRule} a module layer provides.
     *
     * @param config the config
     * @param layer where to look for rules
     * @return the engine
     * @throws IllegalArgumentException if an argument is null or the config disables an unknown rule
     * @throws IllegalStateException if a loaded rule claims a built-in id
     * @throws io.github.deliverykit.core.spi.ProviderException if a provider is broken
     */
    public static ChangeApproval load(ChangeApprovalConfig config, ModuleLayer layer) {
        Checks.notNull(config, "config");
        return of(config, Providers.load(ChangeRule.class, Checks.notNull(layer, "layer")).all());
    }

    /**
     * Like {@link #load(ChangeApprovalConfig)}, but skipping broken providers and duplicate ids (see
     * {@link Providers.Loader#lenient()}).
     *
     * @param config the config
     * @return the engine
     * @throws IllegalArgumentException if the config is null or disables an unknown rule
     * @throws IllegalStateException if a loaded rule claims a built-in id
     */
    public static ChangeApproval loadLenient(ChangeApprovalConfig config) {
        Checks.notNull(config, "config");
        return of(config, Providers.loader(ChangeRule.class).lenient().load().all());
    }

    /**
     * The built-in rules plus custom rules built by hand (or loaded).
     *
     * @param config the config
     * @param customRules extra rules, in any order; built-in instances among them are skipped
     * @return the engine
     * @throws IllegalArgumentException if an argument is null, an id is blank or repeats, or the
     *     config disables an unknown rule
     * @throws IllegalStateException if a custom rule claims a built-in id or the engine's namespace
     *     {@code change} (either would let it speak for a built-in or for the engine)
     */
    public static ChangeApproval of(ChangeApprovalConfig config, List<? extends ChangeRule> customRules) {
        Checks.notNull(config, "config");
        List<ChangeRule> given = Checks.listOf(customRules, "customRules");
        List<ChangeRule> all = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (ChangeRule builtIn : BuiltInChangeRules.all()) {
            all.add(builtIn);
            ids.add(builtIn.id());
        }
        for (ChangeRule rule : given) {
            Checks.notNull(rule, "customRules[]");
            String id;
            try {
                id = Checks.notBlank(rule.id(), "rule id of " + rule.getClass().getName());
            } catch (RuntimeException e) {
                throw Checks.invalid("customRules", "must have a usable id (" + e + ")", rule.getClass().getName());
            }
            if (id.equals(NAMESPACE)) {
                throw new IllegalStateException(Checks.message(
                        "rule %s claims the engine's namespace '%s' as its id", rule.getClass().getName(), id));
            }
            if (BUILT_IN_IDS.contains(id)) {
                if (BuiltInChangeRules.isBuiltIn(rule)) {
                    continue;
                }
                throw new IllegalStateException(Checks.message(
                        "rule %s claims the built-in id '%s'; disable the built-in in ChangeApprovalConfig and use "
                                + "another id", rule.getClass().getName(), id));
            }
            if (!ids.add(id)) {
                throw Checks.invalid("customRules", "must have unique ids", id);
            }
            all.add(rule);
        }
        for (String disabled : config.disabledRules().keySet()) {
            if (!ids.contains(disabled)) {
                throw Checks.invalid("disabled rule", "must be one of " + ids, disabled);
            }
        }
        for (String dated : config.effectiveDates().keySet()) {
            if (!ids.contains(dated)) {
                throw Checks.invalid("effective-date rule", "must be one of " + ids, dated);
            }
        }
        List<ChangeRule> enabled = new ArrayList<>();
        for (ChangeRule rule : all) {
            if (!config.isDisabled(rule.id())) {
                enabled.add(rule);
            }
        }
        enabled.sort(ProviderRegistry.ORDER);
        Map<String, String> missingRequired = new java.util.TreeMap<>();
        for (String id : config.requiredRules()) {
            if (!ids.contains(id)) {
                missingRequired.put(id, "not registered");
            } else if (config.isDisabled(id)) {
                missingRequired.put(id, "disabled");
            }
        }
        return new ChangeApproval(config, List.copyOf(enabled), Collections.unmodifiableMap(missingRequired));
    }

    /**
     * The config.
     *
     * @return the config
     */
    public ChangeApprovalConfig config() {
        return config;
    }

    /**
     * The ids of the rules that run, in order.
     *
     * @return the ids
     */
    public List<String> ruleIds() {
        return rules.stream().map(ChangeRule::id).toList();
    }

    /**
     * Evaluates a request on its own: no error-budget freeze decision is known (the decision says
     * so), no calendar freeze, nothing else scheduled.
     *
     * @param request the request
     * @param clock the clock giving now
     * @return the decision
     * @throws IllegalArgumentException if an argument is null
     */
    public ChangeDecision evaluate(ChangeRequest request, Clock clock) {
        return evaluate(Input.of(request), clock);
    }

    /**
     * Evaluates a request with the upstream results it depends on.
     *
     * @param input the request, the freeze decision, freeze windows and scheduled changes
     * @param clock the clock giving now
     * @return the decision
     * @throws IllegalArgumentException if an argument is null or the clock's instant is out of range
     */
    public ChangeDecision evaluate(Input input, Clock clock) {
        Checks.notNull(input, "input");
        Checks.notNull(clock, "clock");
        Instant now = ChangeRequest.checkInstant(clock.instant(), "now");
        ChangeRequest request = input.request();
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, String> d : config.disabledRules().entrySet()) {
            findings.add(Finding.warn(NAMESPACE + ".rule.disabled", "Rule " + d.getKey()
                    + " is disabled by configuration: " + d.getValue(), Facts.of("rule", d.getKey(), "reason",
                    d.getValue())));
        }
        for (Map.Entry<String, String> m : missingRequired.entrySet()) {
            findings.add(Finding.fail(NAMESPACE + ".rule.required_missing", "Rule " + m.getKey()
                    + " is required by configuration but " + ("disabled".equals(m.getValue()) ? "is disabled"
                    : "no rule with that id is registered") + "; the change cannot be approved without it",
                    Facts.of("rule", m.getKey(), "state", m.getValue(), "registered", ruleIds())));
        }
        LinkedHashSet<Role> required = new LinkedHashSet<>(config.approvers(request.type()));
        @Nullable Risk risk = null;
        Duration leadTime = config.leadTime(request.type());
        @Nullable Instant due = null;
        @Nullable Risk otherRisk = null;
        List<Shadow> shadowed = new ArrayList<>();
        for (ChangeRule rule : rules) {
            RuleResult<ChangeRule.Extras> r = Plugins.call(NAMESPACE, rule, () -> rule.evaluate(input, now, config),
                    ChangeRule.Extras.none());
            @Nullable Instant effectiveOn = effectiveOn(rule, findings);
            ChangeRule.Extras extras = r.extras();
            Risk raised = extras.risk();
            // any rule but the built-in risk rule may raise the risk: the engine applies to it what the
            // risk rule applies to its own (the type's maximum here, the approvers below)
            boolean raises = raised != null && !(BuiltInChangeRules.isBuiltIn(rule) && rule.id().equals(RISK));
            List<Finding> consequences = new ArrayList<>();
            if (raises) {
                Risk max = config.maxRisk(request.type());
                if (raised.compareTo(max) > 0) {
                    consequences.add(Finding.fail(NAMESPACE + ".risk.exceeds_type", "A "
                            + request.type().name().toLowerCase(Locale.ROOT) + " change may carry at most " + max
                            + " risk, but rule " + rule.id() + " assesses " + raised,
                            Facts.of("rule", rule.id(), "risk", raised, "max", max)));
                }
            }
            if (Shadow.applies(effectiveOn, now)) {
                // what the rule would have decided, its consequences included, reported and not enforced
                RuleResult<ChangeRule.Extras> wouldBe = consequences.isEmpty() ? r
                        : RuleResult.of(extras, concat(r.findings().list(), consequences));
                Shadow shadow = Shadow.of(rule.id(), effectiveOn, wouldBe);
                shadowed.add(shadow);
                findings.addAll(shadow.demote(NAMESPACE, wouldBe, ChangeRule.Extras.none()).findings().list());
                continue;
            }
            findings.addAll(r.findings().list());
            findings.addAll(consequences);
            required.addAll(extras.requiredApprovers());
            if (raises) {
                required.addAll(config.riskApprovers(raised));
                otherRisk = otherRisk == null || raised.compareTo(otherRisk) > 0 ? raised : otherRisk;
            }
            // typed results are taken from the built-ins only: no custom rule can hold their ids
            if (BuiltInChangeRules.isBuiltIn(rule)) {
                switch (rule.id()) {
                    case RISK -> risk = extras.risk();
                    case LEAD_TIME -> leadTime = extras.requiredLeadTime() != null ? extras.requiredLeadTime()
                            : leadTime;
                    case RETROSPECTIVE -> due = extras.retrospectiveDue();
                    default -> {
                        // no typed result
                    }
                }
            }
        }
        if (otherRisk != null && (risk == null || otherRisk.compareTo(risk) > 0)) {
            risk = otherRisk;
        }
        List<Role> missing = new ArrayList<>();
        for (Role role : required) {
            if (!approved(request, role)) {
                missing.add(role);
            }
        }
        findings.add(approvalFinding(request, List.copyOf(required), missing));
        Findings all = Findings.of(findings);
        Verdict verdict = all.has(Level.FAIL) ? Verdict.REJECTED
                : missing.isEmpty() ? Verdict.APPROVED : Verdict.NEEDS_APPROVAL;
        ChangeDecision decision = new ChangeDecision(request.id(), request.type(), request.kind(), verdict, all,
                List.copyOf(required), missing, leadTime, risk, due, shadowed);
        LOG.debug("change {} ({}, {}): {} missing={} codes={}", request.id(), request.type(), request.kind(), verdict,
                missing, all.codes());
        return decision;
    }

    private static List<Finding> concat(List<Finding> a, List<Finding> b) {
        List<Finding> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The rule's effective date: the config's, else the rule's own; a rule whose method throws is enforced. */
    private @Nullable Instant effectiveOn(ChangeRule rule, List<Finding> findings) {
        Optional<Instant> configured = config.effectiveOn(rule.id());
        if (configured.isPresent()) {
            return configured.get();
        }
        try {
            Optional<Instant> own = rule.effectiveOn();
            return own == null ? null : own.orElse(null);
        } catch (RuntimeException e) {
            findings.add(Finding.fail(NAMESPACE + ".plugin.error", "Plug-in " + rule.id()
                    + " failed to give its effective date, so it is enforced: " + e,
                    Facts.of("provider", rule.id(), "error", e.getClass().getName())));
            return null;
        }
    }

    private static boolean approved(ChangeRequest request, Role role) {
        for (Approval a : request.approvals()) {
            if (a.role().equals(role) && !request.isAuthor(a.approver())) {
                return true;
            }
        }
        return false;
    }

    private static Finding approvalFinding(ChangeRequest request, List<Role> required, List<Role> missing) {
        Facts facts = Facts.of("required", required, "missing", missing);
        if (required.isEmpty()) {
            return Finding.info(NAMESPACE + ".approvals.pre_approved", "No approval needed: "
                    + request.type().name().toLowerCase(Locale.ROOT) + " changes are pre-approved", facts);
        }
        if (missing.isEmpty()) {
            return Finding.pass(NAMESPACE + ".approvals.complete", "Approved by every required role " + required,
                    facts);
        }
        return Finding.warn(NAMESPACE + ".approvals.insufficient", "Still needs approval from " + missing, facts);
    }

    /**
     * What change approval evaluates: the request plus the typed results of the steps upstream of
     * it. Immutable; start with {@link #of(ChangeRequest)} and add what is known.
     *
     * @param request the change request
     * @param freeze the error budget's deploy freeze decision for the request's service, or null when
     *     none is known (the {@code freeze-error-budget} rule then reports that it was not consulted)
     * @param freezeWindows the calendar freezes (for example the year-end freeze), in order
     * @param scheduled the other changes already scheduled (for rate limits)
     * @param history the change history of the services (DORA deployments and incidents), or null
     *     when none is known (the {@code success-score} rule then assesses nothing)
     */
    public record Input(ChangeRequest request, @Nullable FreezeDecision freeze, List<FreezeWindow> freezeWindows,
            List<ScheduledChange> scheduled, @Nullable ChangeHistory history) {

        /**
         * Validates the input.
         *
         * @throws IllegalArgumentException if the request or a list or element is null
         */
        public Input {
            Checks.notNull(request, "request");
            freezeWindows = Checks.listOf(freezeWindows, "freezeWindows");
            scheduled = Checks.listOf(scheduled, "scheduled");
        }

        /**
         * An input without a change history.
         *
         * @param request the change request
         * @param freeze the error budget's freeze decision, or null
         * @param freezeWindows the calendar freezes
         * @param scheduled the other scheduled changes
         * @throws IllegalArgumentException if the request or a list or element is null
         */
        public Input(ChangeRequest request, @Nullable FreezeDecision freeze, List<FreezeWindow> freezeWindows,
                List<ScheduledChange> scheduled) {
            this(request, freeze, freezeWindows, scheduled, null);
        }

        /**
         * This input with the change history the {@code success-score} rule judges the service by.
         *
         * @param history the history
         * @return a new input
         * @throws IllegalArgumentException if the history is null
         */
        public Input withHistory(ChangeHistory history) {
            return new Input(request, freeze, freezeWindows, scheduled, Checks.notNull(history, "history"));
        }

        /**
         * The change history, if known.
         *
         * @return the history
         */
        public Optional<ChangeHistory> changeHistory() {
            return Optional.ofNullable(history);
        }

        /**
         * A request with no freeze decision, no calendar freeze and nothing else scheduled.
         *
         * @param request the request
         * @return the input
         * @throws IllegalArgumentException if the request is null
         */
        public static Input of(ChangeRequest request) {
            return new Input(request, null, List.of(), List.of());
        }

        /**
         * This input with the error budget's deploy freeze decision.
         *
         * @param decision the decision of {@link io.github.deliverykit.policy.budget.DeployFreeze}
         * @return a new input
         * @throws IllegalArgumentException if the decision is null
         */
        public Input withFreeze(FreezeDecision decision) {
            return new Input(request, Checks.notNull(decision, "freeze"), freezeWindows, scheduled, history);
        }

        /**
         * This input with calendar freeze windows.
         *
         * @param windows the windows
         * @return a new input
         * @throws IllegalArgumentException if the list or an element is null
         */
        public Input withFreezeWindows(List<FreezeWindow> windows) {
            return new Input(request, freeze, windows, scheduled, history);
        }

        /**
         * This input with the other scheduled changes.
         *
         * @param changes the changes
         * @return a new input
         * @throws IllegalArgumentException if the list or an element is null
         */
        public Input withScheduled(List<ScheduledChange> changes) {
            return new Input(request, freeze, freezeWindows, changes, history);
        }

        /**
         * The freeze decision, if known.
         *
         * @return the decision
         */
        public Optional<FreezeDecision> freezeDecision() {
            return Optional.ofNullable(freeze);
        }
    }

    /**
     * A calendar freeze (for example the end-of-year freeze): no change may be scheduled in a
     * window that overlaps it, unless its kind is allowed while frozen
     * ({@link ChangeApprovalConfig#deployFreeze()}).
     *
     * @param name the freeze's name, not blank
     * @param interval when it applies, half-open
     */
    public record FreezeWindow(String name, Interval interval) {

        /**
         * Validates the freeze window.
         *
         * @throws IllegalArgumentException if the name is blank or the interval null or empty
         */
        public FreezeWindow {
            Checks.notBlank(name, "name");
            Checks.notNull(interval, "interval");
            if (interval.isEmpty()) {
                throw Checks.invalid("interval", "must not be empty", interval);
            }
        }

        /**
         * A freeze window.
         *
         * @param name the name
         * @param interval when
         * @return the window
         * @throws IllegalArgumentException if the name is blank or the interval null or empty
         */
        public static FreezeWindow of(String name, Interval interval) {
            return new FreezeWindow(name, interval);
        }
    }

    /**
     * Another change already scheduled, as the rate-limit rule needs it: which service and when its
     * window starts.
     *
     * @param changeId its request id, not blank
     * @param service the service it changes, not blank
     * @param start the start of its window
     */
    public record ScheduledChange(String changeId, String service, Instant start) {

        /**
         * Validates the scheduled change.
         *
         * @throws IllegalArgumentException if a field is null or blank, or the start out of range
         */
        public ScheduledChange {
            Checks.notBlank(changeId, "changeId");
            Checks.notBlank(service, "service");
            ChangeRequest.checkInstant(start, "start");
        }

        /**
         * A scheduled change.
         *
         * @param changeId the id
         * @param service the service
         * @param start the window start
         * @return the value
         * @throws IllegalArgumentException if a field is null or blank, or the start out of range
         */
        public static ScheduledChange of(String changeId, String service, Instant start) {
            return new ScheduledChange(changeId, service, start);
        }
    }
}
