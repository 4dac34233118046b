package io.github.deliverykit.policy.incident;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.metric.Comparison;
import io.github.deliverykit.core.metric.Threshold;
import io.github.deliverykit.core.metric.Unit;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The configuration of the incident SLA engine ({@link IncidentSla}) and of severity
 * classification ({@link SeverityClassification}): which severity table applies (by provider id,
 * default {@value #DEFAULT_TABLE_ID}, or a table given by hand), whose working time counts (a
 * {@link BusinessCalendar} overall and per severity), the share of a target after which a running
 * clock is AT_RISK, and the metric-driven severity rules. Immutable and thread safe; build with
 * {@link #custom()} or copy with {@link #from(IncidentSlaConfig)}.
 */
public final class IncidentSlaConfig {

    /** The default share of a target after which a running clock is AT_RISK. */
    public static final double DEFAULT_AT_RISK_SHARE = 0.75;
    /** The id of the default severity table: the seed table. */
    public static final String DEFAULT_TABLE_ID = "seed";
    /** The default calendar: clocks run 24x7. */
    public static final BusinessCalendar DEFAULT_CALENDAR = BusinessCalendar.always();

    private static final IncidentSlaConfig DEFAULTS = custom().build();

    private final String tableId;
    private final @Nullable SlaTable table;
    private final BusinessCalendar calendar;
    private final Map<Severity, BusinessCalendar> calendars;
    private final double atRiskShare;
    private final List<SeverityRule> severityRules;
    private final List<ClockDefinition> clocks;

    private IncidentSlaConfig(Builder b) {
        this.tableId = b.table != null ? b.table.id() : b.tableId;
        this.table = b.table;
        this.calendar = b.calendar;
        this.calendars = Map.copyOf(b.calendars);
        this.atRiskShare = b.atRiskShare;
        this.severityRules = List.copyOf(b.severityRules);
        this.clocks = List.copyOf(b.clocks.values());
    }

    /**
     * A metric-driven severity criterion: when the measured value meets the threshold, the incident
     * is at least as severe as {@code severity}. The well-known keys are
     * {@link SeverityClassification#USERS_AFFECTED} and {@link SeverityClassification#REVENUE_AFFECTED}
     * (ratios 0..1); custom keys are matched against the impact's other measurements.
     *
     * @param when the threshold, e.g. {@code incident.users_affected >= 50 %}
     * @param severity the severity it implies
     */
    public record SeverityRule(Threshold when, Severity severity) {

        /**
         * Validates the rule.
         *
         * @throws IllegalArgumentException if a field is null
         */
        public SeverityRule {
            Checks.notNull(when, "when");
            Checks.notNull(severity, "severity");
        }

        /**
         * A users-affected rule: at least this share of users affected.
         *
         * @param atLeast the threshold share, in (0, 1]
         * @param severity the implied severity
         * @return the rule
         * @throws IllegalArgumentException if the share is NaN or outside (0, 1], or severity null
         */
        public static SeverityRule usersAffected(double atLeast, Severity severity) {
            return share(SeverityClassification.USERS_AFFECTED, atLeast, severity);
        }

        /**
         * A revenue-affected rule: at least this share of revenue affected.
         *
         * @param atLeast the threshold share, in (0, 1]
         * @param severity the implied severity
         * @return the rule
         * @throws IllegalArgumentException if the share is NaN or outside (0, 1], or severity null
         */
        public static SeverityRule revenueAffected(double atLeast, Severity severity) {
            return share(SeverityClassification.REVENUE_AFFECTED, atLeast, severity);
        }

        private static SeverityRule share(String key, double atLeast, Severity severity) {
            if (!(atLeast > 0 && atLeast <= 1)) {
                throw Checks.invalid("atLeast", "must be in (0, 1]", atLeast);
            }
            return new SeverityRule(Threshold.of(key, Comparison.AT_LEAST, BigDecimal.valueOf(atLeast).toPlainString(),
                    Unit.RATIO), Checks.notNull(severity, "severity"));
        }
    }

    /**
     * A severity table: the SLA targets of each severity level, as data. The seed table has four
     * levels; custom tables may define any contiguous set of levels starting at SEV-1 (so a fifth level
     * is allowed). Immutable and thread safe.
     *
     * @param id the table id, e.g. {@code seed}
     * @param targets one row per severity, ordered most severe first
     */
    public record SlaTable(String id, List<SlaTarget> targets) {

        /** The seed's status-update cadence for SEV-1 and SEV-2. */
        public static final Duration SEED_STATUS_UPDATE_EVERY = Duration.ofMinutes(30);
        /** The seed's post-mortem window for SEV-1 and SEV-2. */
        public static final Duration SEED_POST_MORTEM_WITHIN = Duration.ofHours(48);

        private static final SlaTable SEED = new SlaTable("seed", List.of(
                new SlaTarget(Severity.SEV1, Duration.ofMinutes(15), Duration.ofHours(4),
                        SEED_STATUS_UPDATE_EVERY, SEED_POST_MORTEM_WITHIN),
                new SlaTarget(Severity.SEV2, Duration.ofMinutes(30), Duration.ofHours(8),
                        SEED_STATUS_UPDATE_EVERY, SEED_POST_MORTEM_WITHIN),
                new SlaTarget(Severity.SEV3, Duration.ofHours(2), Duration.ofHours(24), null, null),
                new SlaTarget(Severity.SEV4, Duration.ofHours(8), Duration.ofDays(5), null, null)));

        /**
         * Validates and sorts the table.
         *
         * @throws IllegalArgumentException if the id is blank, the list is empty, has a null row, a
         *     repeated severity, or the levels are not 1..n without gaps
         */
        public SlaTable {
            Checks.notBlank(id, "id");
            List<SlaTarget> copy = new ArrayList<>(Checks.listOf(targets, "targets"));
            if (copy.isEmpty()) {
                throw Checks.invalid("targets", "must not be empty", "[]");
            }
            copy.sort((a, b) -> a.severity().compareTo(b.severity()));
            for (int i = 0; i < copy.size(); i++) {
                int level = copy.get(i).severity().level();
                if (level != i + 1) {
                    throw Checks.invalid("targets", "must define SEV-1 .. SEV-" + copy.size()
                            + " once each (missing or repeated level)", "SEV-" + level);
                }
            }
            targets = List.copyOf(copy);
        }

        /**
         * The seed table: SEV-1 15 min / 4 h, SEV-2 30 min / 8 h, SEV-3 2 h / 24 h, SEV-4 8 h / 5
         * days; status updates every 30 min and a post-mortem within 48 h for SEV-1 and SEV-2.
         *
         * @return the seed table
         */
        public static SlaTable seed() {
            return SEED;
        }

        /**
         * A table from rows.
         *
         * @param id the id
         * @param targets the rows, in any order
         * @return the table
         */
        public static SlaTable of(String id, Collection<SlaTarget> targets) {
            return new SlaTable(id, Checks.listOf(targets, "targets"));
        }

        /**
         * The row of a severity.
         *
         * @param severity the severity
         * @return the row
         * @throws IllegalArgumentException if null or the table has no such level
         */
        public SlaTarget target(Severity severity) {
            return find(severity).orElseThrow(() -> Checks.invalid("severity",
                    "must be one of SEV-1 .. SEV-" + targets.size() + " of table '" + id + "'", severity));
        }

        /**
         * The row of a severity, if the table has it.
         *
         * @param severity the severity
         * @return the row
         */
        public Optional<SlaTarget> find(Severity severity) {
            Checks.notNull(severity, "severity");
            int i = severity.level() - 1;
            return i < targets.size() ? Optional.of(targets.get(i)) : Optional.empty();
        }

        /**
         * The least severe level of the table.
         *
         * @return e.g. SEV-4 for the seed table
         */
        public Severity leastSevere() {
            return targets.get(targets.size() - 1).severity();
        }
    }

    /**
     * One row of an SLA table: the targets and obligations of one severity.
     *
     * @param severity the severity the row applies to
     * @param response the response target, detected to acknowledged
     * @param resolution the resolution target, detected to resolved
     * @param statusUpdateEvery how often a status update is due while the incident is open, or null
     *     when none is required
     * @param postMortemWithin how soon after resolution a post-mortem is due, or null when none is
     *     required
     */
    public record SlaTarget(
            Severity severity,
            Duration response,
            Duration resolution,
            @Nullable Duration statusUpdateEvery,
            @Nullable Duration postMortemWithin) {

        /** The longest accepted target: ten years keeps every deadline inside the supported instants. */
        public static final Duration MAX_TARGET = Duration.ofDays(3650);

        /** The shortest accepted status-update cadence. */
        public static final Duration MIN_STATUS_UPDATE_EVERY = Duration.ofMinutes(1);

        /**
         * Validates the row.
         *
         * @throws IllegalArgumentException if a field is null or a duration is not positive or longer
         *     than {@link #MAX_TARGET}, or status updates are due more often than {@link #MIN_STATUS_UPDATE_EVERY}
         */
        public SlaTarget {
            Checks.notNull(severity, "severity");
            bounded(response, "response");
            bounded(resolution, "resolution");
            if (statusUpdateEvery != null) {
                bounded(statusUpdateEvery, "statusUpdateEvery");
                if (statusUpdateEvery.compareTo(MIN_STATUS_UPDATE_EVERY) < 0) {
                    throw Checks.invalid("statusUpdateEvery", "must be at least " + MIN_STATUS_UPDATE_EVERY, statusUpdateEvery);
                }
            }
            if (postMortemWithin != null) {
                bounded(postMortemWithin, "postMortemWithin");
            }
        }

        private static void bounded(Duration d, String field) {
            Checks.positive(d, field);
            if (d.compareTo(MAX_TARGET) > 0) {
                throw Checks.invalid(field, "must not exceed " + MAX_TARGET, d);
            }
        }

        /**
         * A row without status-update or post-mortem obligations.
         *
         * @param severity the severity
         * @param response the response target
         * @param resolution the resolution target
         * @return the row
         */
        public static SlaTarget of(Severity severity, Duration response, Duration resolution) {
            return new SlaTarget(severity, response, resolution, null, null);
        }

        /**
         * The target of one clock.
         *
         * @param kind the clock
         * @return the response or resolution target
         * @throws IllegalArgumentException if kind is null
         */
        public Duration target(IncidentSlaDecision.ClockKind kind) {
            return Checks.notNull(kind, "kind") == IncidentSlaDecision.ClockKind.RESPONSE ? response : resolution;
        }

        /**
         * The status-update cadence.
         *
         * @return the cadence, if updates are required
         */
        public Optional<Duration> statusUpdates() {
            return Optional.ofNullable(statusUpdateEvery);
        }

        /**
         * The post-mortem deadline after resolution.
         *
         * @return the window, if a post-mortem is required
         */
        public Optional<Duration> postMortem() {
            return Optional.ofNullable(postMortemWithin);
        }
    }

    /**
     * The seed configuration: the seed table, 24x7 clocks, AT_RISK at 75 %, no metric rules.
     *
     * @return the default config
     */
    public static IncidentSlaConfig ofDefaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return the builder
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * A builder starting from an existing config.
     *
     * @param base the config to copy
     * @return the builder
     * @throws IllegalArgumentException if base is null
     */
    public static Builder from(IncidentSlaConfig base) {
        Checks.notNull(base, "base");
        Builder b = new Builder();
        b.tableId = base.tableId;
        b.table = base.table;
        b.calendar = base.calendar;
        b.calendars.putAll(base.calendars);
        b.atRiskShare = base.atRiskShare;
        b.severityRules.addAll(base.severityRules);
        b.clocks.clear();
        for (ClockDefinition c : base.clocks) {
            b.clocks.put(c.name(), c);
        }
        return b;
    }

    /**
     * The id of the severity table the engine uses.
     *
     * @return the id
     */
    public String tableId() {
        return tableId;
    }

    /**
     * The table given by hand, if any (it wins over a loaded table of the same id).
     *
     * @return the table
     */
    public Optional<SlaTable> table() {
        return Optional.ofNullable(table);
    }

    /**
     * The calendar of every severity without its own.
     *
     * @return the calendar
     */
    public BusinessCalendar calendar() {
        return calendar;
    }

    /**
     * The per-severity calendars.
     *
     * @return the calendars by severity
     */
    public Map<Severity, BusinessCalendar> calendars() {
        return calendars;
    }

    /**
     * The calendar whose working time counts for a severity.
     *
     * @param severity the severity
     * @return its calendar, else the default calendar
     * @throws IllegalArgumentException if severity is null
     */
    public BusinessCalendar calendarFor(Severity severity) {
        Checks.notNull(severity, "severity");
        return calendars.getOrDefault(severity, calendar);
    }

    /**
     * The at-risk share.
     *
     * @return the share in (0, 1)
     */
    public double atRiskShare() {
        return atRiskShare;
    }

    /**
     * The metric-driven severity rules, in order.
     *
     * @return the rules
     */
    public List<SeverityRule> severityRules() {
        return severityRules;
    }

    /**
     * The clocks {@link IncidentSla#evaluate(IncidentEventLog, java.time.Clock)} runs, in order:
     * by default {@link ClockDefinition#response()} and {@link ClockDefinition#resolution()}.
     *
     * @return the clock definitions
     */
    public List<ClockDefinition> clocks() {
        return clocks;
    }

    @Override
    public String toString() {
        return "IncidentSlaConfig[table=" + tableId + ", calendar=" + calendar + ", calendars=" + calendars
                + ", atRiskShare=" + atRiskShare + ", severityRules=" + severityRules + ", clocks=" + clocks + "]";
    }

    /**
     * One condition of a clock definition over the state an {@link IncidentEventLog} builds: the
     * field's value is in {@code values} ({@link Match#IN}), is not ({@link Match#NOT_IN}; an unset
     * field is in no set), or changed at this instant to one of {@code values}, or to anything when
     * {@code values} is empty ({@link Match#CHANGED_TO}). A definition's list of conditions matches
     * when any of them does; an empty list never matches.
     *
     * @param field the field, e.g. {@value IncidentEventLog#STATUS}
     * @param match how the value is compared
     * @param values the values, sorted on construction; severity values are normalised ({@code SEV-2})
     */
    public record ClockCondition(String field, Match match, Set<String> values) {

        /** How a condition compares a field. */
        public enum Match {
            /** The value after the instant's events is one of the values. */
            IN,
            /** The value after the instant's events is none of the values (or unset). */
            NOT_IN,
            /** An event of the instant changed the value, to one of the values (any when there are none). */
            CHANGED_TO
        }

        /**
         * Validates and copies the condition.
         *
         * @throws IllegalArgumentException if a field is null or blank, a value is blank or a severity
         *     value does not parse, or an IN condition has no values
         */
        public ClockCondition {
            Checks.notBlank(field, "field");
            Checks.notNull(match, "match");
            List<String> list = Checks.listOf(values, "values");
            TreeSet<String> sorted = new TreeSet<>();
            for (int i = 0; i < list.size(); i++) {
                String v = Checks.notBlank(list.get(i), "values[" + i + "]");
                sorted.add(field.equals(IncidentEventLog.SEVERITY) ? Severity.parse(v).toString() : v);
            }
            if (match == Match.IN && sorted.isEmpty()) {
                throw Checks.invalid("values", "must not be empty for an IN condition on " + field, values);
            }
            values = Collections.unmodifiableSortedSet(sorted);
        }

        /**
         * The field is one of the values.
         *
         * @param field the field
         * @param values at least one value
         * @return the condition
         * @throws IllegalArgumentException if a value is null or blank, or none is given
         */
        public static ClockCondition is(String field, String... values) {
            return new ClockCondition(field, Match.IN, Set.copyOf(Checks.listOf(
                    values == null ? null : Arrays.asList(values), "values")));
        }

        /**
         * The field is none of the values (or unset).
         *
         * @param field the field
         * @param values the values; none means always
         * @return the condition
         * @throws IllegalArgumentException if a value is null or blank
         */
        public static ClockCondition isNot(String field, String... values) {
            return new ClockCondition(field, Match.NOT_IN, Set.copyOf(Checks.listOf(
                    values == null ? null : Arrays.asList(values), "values")));
        }

        /**
         * An event changed the field at this instant, to one of the values (to anything when none is given).
         *
         * @param field the field
         * @param values the values
         * @return the condition
         * @throws IllegalArgumentException if a value is null or blank
         */
        public static ClockCondition changedTo(String field, String... values) {
            return new ClockCondition(field, Match.CHANGED_TO, Set.copyOf(Checks.listOf(
                    values == null ? null : Arrays.asList(values), "values")));
        }

        /**
         * A condition that always holds ({@code status} not in the empty set).
         *
         * @return the condition
         */
        public static ClockCondition always() {
            return new ClockCondition(IncidentEventLog.STATUS, Match.NOT_IN, Set.of());
        }

        /** Whether the condition holds on a state (IN / NOT_IN) or on a change between two (CHANGED_TO). */
        boolean holds(Map<String, String> before, Map<String, String> after) {
            String now = after.get(field);
            switch (match) {
                case IN:
                    return now != null && values.contains(now);
                case NOT_IN:
                    return now == null || !values.contains(now);
                default:
                    return now != null && !now.equals(before.get(field)) && (values.isEmpty() || values.contains(now));
            }
        }

        /** Whether the condition becomes true at this instant: a change, or a state condition that did not hold before. */
        boolean fires(Map<String, String> before, Map<String, String> after) {
            return match == Match.CHANGED_TO ? holds(before, after) : holds(before, after) && !holds(before, before);
        }

        @Override
        public String toString() {
            return field + (match == Match.IN ? " in " : match == Match.NOT_IN ? " not in " : " changed to ")
                    + (values.isEmpty() && match == Match.CHANGED_TO ? "anything" : values);
        }
    }

    /**
     * One SLA clock of {@link IncidentSla#evaluate(IncidentEventLog, java.time.Clock)}: its six
     * conditions (ServiceNow's start, pause, resume, stop, reset, cancel), its target and how a
     * severity change re-targets it. The clock is a pure function of the event log, this definition
     * and the evaluation instant; see {@link IncidentSla} for the rules.
     *
     * @param name the clock's name, e.g. {@code response} or {@code ola:network}
     * @param kind which column of the severity table gives the target
     * @param target a fixed target that overrides the table (an OLA), or null to use the table
     * @param start conditions under which a cycle starts (when no stop and no cancel condition holds)
     * @param pause conditions under which a running cycle pauses
     * @param resume conditions under which a paused cycle resumes; empty: it resumes when no pause condition holds
     * @param stop conditions that stop (complete) a cycle
     * @param reset conditions that end a cycle and start a new one at once
     * @param cancel conditions that cancel a cycle
     * @param cancelWhenStartFails whether a cycle is also cancelled when no start condition holds any more
     * @param retroactiveStart whether the first cycle counts from the log's origin rather than from
     *     the instant its start condition first held (pauses before that instant still count as paused)
     * @param retarget how a severity change re-targets a running cycle
     */
    public record ClockDefinition(String name, IncidentSlaDecision.ClockKind kind, @Nullable Duration target,
            List<ClockCondition> start, List<ClockCondition> pause, List<ClockCondition> resume,
            List<ClockCondition> stop, List<ClockCondition> reset, List<ClockCondition> cancel,
            boolean cancelWhenStartFails, boolean retroactiveStart, Retarget retarget) {

        /** How a severity change re-targets a running cycle. */
        public enum Retarget {
            /** The new severity's full target counts from the change; time before it does not count against it (today's rule). */
            FROM_CHANGE,
            /** The elapsed and paused time carry over: the new target applies to the cycle's whole elapsed time. */
            CARRY_OVER
        }

        /**
         * Validates and copies the definition.
         *
         * @throws IllegalArgumentException if a field is null, the name blank, the target not positive
         *     or above {@link SlaTarget#MAX_TARGET}, or a list holds null
         */
        public ClockDefinition {
            Checks.notBlank(name, "name");
            Checks.notNull(kind, "kind");
            if (target != null) {
                Checks.positive(target, "target");
                if (target.compareTo(SlaTarget.MAX_TARGET) > 0) {
                    throw Checks.invalid("target", "must be at most " + SlaTarget.MAX_TARGET, target);
                }
            }
            start = Checks.listOf(start, "start");
            pause = Checks.listOf(pause, "pause");
            resume = Checks.listOf(resume, "resume");
            stop = Checks.listOf(stop, "stop");
            reset = Checks.listOf(reset, "reset");
            cancel = Checks.listOf(cancel, "cancel");
            Checks.notNull(retarget, "retarget");
        }

        private static final List<ClockCondition> ON_HOLD = List.of(ClockCondition.is(IncidentEventLog.HOLD,
                IncidentEventLog.ON));

        /**
         * Today's response clock: starts at detection ({@code status} {@value IncidentEventLog#NEW}),
         * pauses while {@code hold} is {@value IncidentEventLog#ON}, stops at acknowledgement or
         * resolution; no reset, no cancel; the table's response target.
         *
         * @return the definition
         */
        public static ClockDefinition response() {
            return new ClockDefinition("response", IncidentSlaDecision.ClockKind.RESPONSE, null,
                    List.of(ClockCondition.is(IncidentEventLog.STATUS, IncidentEventLog.NEW)), ON_HOLD, List.of(),
                    List.of(ClockCondition.is(IncidentEventLog.STATUS, IncidentEventLog.ACKNOWLEDGED,
                            IncidentEventLog.RESOLVED)), List.of(), List.of(), false, false, Retarget.FROM_CHANGE);
        }

        /**
         * Today's resolution clock: runs while {@code status} is not {@value IncidentEventLog#RESOLVED}
         * (a reopened incident starts a new cycle), pauses while on hold; the table's resolution target.
         *
         * @return the definition
         */
        public static ClockDefinition resolution() {
            return new ClockDefinition("resolution", IncidentSlaDecision.ClockKind.RESOLUTION, null,
                    List.of(ClockCondition.isNot(IncidentEventLog.STATUS, IncidentEventLog.RESOLVED)), ON_HOLD,
                    List.of(), List.of(ClockCondition.is(IncidentEventLog.STATUS, IncidentEventLog.RESOLVED)),
                    List.of(), List.of(), false, false, Retarget.FROM_CHANGE);
        }

        /**
         * An operational-level clock of one assignment group: runs while the incident is assigned to
         * the group and not resolved, pauses while on hold, with its own target; each assignment to
         * the group is a new cycle.
         *
         * @param group the assignment group
         * @param target the group's target
         * @return the definition, named {@code ola:<group>}
         * @throws IllegalArgumentException if the group is blank or the target not positive
         */
        public static ClockDefinition ola(String group, Duration target) {
            Checks.notBlank(group, "group");
            return new ClockDefinition("ola:" + group, IncidentSlaDecision.ClockKind.RESOLUTION,
                    Checks.positive(target, "target"),
                    List.of(ClockCondition.is(IncidentEventLog.GROUP, group)), ON_HOLD, List.of(),
                    List.of(ClockCondition.isNot(IncidentEventLog.GROUP, group),
                            ClockCondition.is(IncidentEventLog.STATUS, IncidentEventLog.RESOLVED)),
                    List.of(), List.of(), false, false, Retarget.FROM_CHANGE);
        }

        /**
         * A copy with other start conditions.
         *
         * @param conditions the conditions (any of them)
         * @return the copy
         * @throws IllegalArgumentException if a condition is null
         */
        public ClockDefinition withStart(ClockCondition... conditions) {
            return new ClockDefinition(name, kind, target, conditions(conditions), pause, resume, stop, reset, cancel,
                    cancelWhenStartFails, retroactiveStart, retarget);
        }

        /**
         * A copy with other pause conditions.
         *
         * @param conditions the conditions (any of them)
         * @return the copy
         * @throws IllegalArgumentException if a condition is null
         */
        public ClockDefinition withPause(ClockCondition... conditions) {
            return new ClockDefinition(name, kind, target, start, conditions(conditions), resume, stop, reset, cancel,
                    cancelWhenStartFails, retroactiveStart, retarget);
        }

        /**
         * A copy with resume conditions: a paused cycle then resumes only when one of them holds.
         *
         * @param conditions the conditions (any of them); none: resume when no pause condition holds
         * @return the copy
         * @throws IllegalArgumentException if a condition is null
         */
        public ClockDefinition withResume(ClockCondition... conditions) {
            return new ClockDefinition(name, kind, target, start, pause, conditions(conditions), stop, reset, cancel,
                    cancelWhenStartFails, retroactiveStart, retarget);
        }

        /**
         * A copy with other stop conditions.
         *
         * @param conditions the conditions (any of them)
         * @return the copy
         * @throws IllegalArgumentException if a condition is null
         */
        public ClockDefinition withStop(ClockCondition... conditions) {
            return new ClockDefinition(name, kind, target, start, pause, resume, conditions(conditions), reset, cancel,
                    cancelWhenStartFails, retroactiveStart, retarget);
        }

        /**
         * A copy with reset conditions (a reset ends the cycle and starts a new one when the start holds).
         *
         * @param conditions the conditions (any of them)
         * @return the copy
         * @throws IllegalArgumentException if a condition is null
         */
        public ClockDefinition withReset(ClockCondition... conditions) {
            return new ClockDefinition(name, kind, target, start, pause, resume, stop, conditions(conditions), cancel,
                    cancelWhenStartFails, retroactiveStart, retarget);
        }

        /**
         * A copy with cancel conditions.
         *
         * @param conditions the conditions (any of them)
         * @return the copy
         * @throws IllegalArgumentException if a condition is null
         */
        public ClockDefinition withCancel(ClockCondition... conditions) {
            return new ClockDefinition(name, kind, target, start, pause, resume, stop, reset, conditions(conditions),
                    cancelWhenStartFails, retroactiveStart, retarget);
        }

        /**
         * A copy that is (or is not) cancelled when its start conditions stop holding.
         *
         * @param cancel whether to cancel
         * @return the copy
         */
        public ClockDefinition withCancelWhenStartFails(boolean cancel) {
            return new ClockDefinition(name, kind, target, start, pause, resume, stop, reset, this.cancel,
                    cancel, retroactiveStart, retarget);
        }

        /**
         * A copy whose first cycle does (or does not) count from the log's origin.
         *
         * @param retroactive whether to start retroactively
         * @return the copy
         */
        public ClockDefinition withRetroactiveStart(boolean retroactive) {
            return new ClockDefinition(name, kind, target, start, pause, resume, stop, reset, cancel,
                    cancelWhenStartFails, retroactive, retarget);
        }

        /**
         * A copy with another re-targeting rule.
         *
         * @param rule the rule
         * @return the copy
         * @throws IllegalArgumentException if rule is null
         */
        public ClockDefinition withRetarget(Retarget rule) {
            return new ClockDefinition(name, kind, target, start, pause, resume, stop, reset, cancel,
                    cancelWhenStartFails, retroactiveStart, Checks.notNull(rule, "retarget"));
        }

        /**
         * A copy with another name.
         *
         * @param newName the name
         * @return the copy
         * @throws IllegalArgumentException if blank
         */
        public ClockDefinition withName(String newName) {
            return new ClockDefinition(newName, kind, target, start, pause, resume, stop, reset, cancel,
                    cancelWhenStartFails, retroactiveStart, retarget);
        }

        private static List<ClockCondition> conditions(ClockCondition @Nullable [] conditions) {
            return Checks.listOf(conditions == null ? null : Arrays.asList(conditions), "conditions");
        }
    }

    /** Builds an {@link IncidentSlaConfig}; reusable, each {@link #build()} copies the settings. */
    public static final class Builder {
        private String tableId = DEFAULT_TABLE_ID;
        private @Nullable SlaTable table;
        private BusinessCalendar calendar = DEFAULT_CALENDAR;
        private final Map<Severity, BusinessCalendar> calendars = new TreeMap<>();
        private double atRiskShare = DEFAULT_AT_RISK_SHARE;
        private final List<SeverityRule> severityRules = new ArrayList<>();
        private final Map<String, ClockDefinition> clocks = new LinkedHashMap<>();

        private Builder() {
            clocks.put("response", ClockDefinition.response());
            clocks.put("resolution", ClockDefinition.resolution());
        }

        /**
         * Adds a clock, or replaces the clock of the same name (e.g. {@code response}).
         *
         * @param clock the definition
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder clock(ClockDefinition clock) {
            Checks.notNull(clock, "clock");
            clocks.put(clock.name(), clock);
            return this;
        }

        /**
         * Replaces every clock.
         *
         * @param definitions the definitions, names unique
         * @return this builder
         * @throws IllegalArgumentException if the collection or an element is null, or two share a name
         */
        public Builder clocks(Collection<ClockDefinition> definitions) {
            List<ClockDefinition> copy = Checks.listOf(definitions, "clocks");
            Map<String, ClockDefinition> next = new LinkedHashMap<>();
            for (ClockDefinition c : copy) {
                if (next.put(c.name(), c) != null) {
                    throw Checks.invalid("clocks", "must have unique names", c.name());
                }
            }
            clocks.clear();
            clocks.putAll(next);
            return this;
        }

        /**
         * Adds an operational-level clock for an assignment group ({@link ClockDefinition#ola}).
         *
         * @param group the assignment group
         * @param target its target
         * @return this builder
         * @throws IllegalArgumentException if the group is blank or the target not positive
         */
        public Builder ola(String group, Duration target) {
            return clock(ClockDefinition.ola(group, target));
        }

        /**
         * Uses the table a provider registers under an id (resolved when the engine is built).
         *
         * @param id the provider id, e.g. {@code seed}
         * @return this builder
         * @throws IllegalArgumentException if blank
         */
        public Builder table(String id) {
            this.tableId = Checks.notBlank(id, "table id");
            this.table = null;
            return this;
        }

        /**
         * Uses a table given by hand.
         *
         * @param table the table
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder table(SlaTable table) {
            this.table = Checks.notNull(table, "table");
            this.tableId = table.id();
            return this;
        }

        /**
         * Sets the calendar of every severity without its own.
         *
         * @param calendar the calendar
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder calendar(BusinessCalendar calendar) {
            this.calendar = Checks.notNull(calendar, "calendar");
            return this;
        }

        /**
         * Sets the calendar of one severity (e.g. SEV-1 24x7, SEV-4 office hours).
         *
         * @param severity the severity
         * @param calendar its calendar
         * @return this builder
         * @throws IllegalArgumentException if an argument is null
         */
        public Builder calendar(Severity severity, BusinessCalendar calendar) {
            calendars.put(Checks.notNull(severity, "severity"), Checks.notNull(calendar, "calendar"));
            return this;
        }

        /**
         * Sets the share of a target after which a running clock is AT_RISK.
         *
         * @param share in (0, 1)
         * @return this builder
         * @throws IllegalArgumentException if NaN or outside (0, 1)
         */
        public Builder atRiskShare(double share) {
            if (!(share > 0 && share < 1)) {
                throw Checks.invalid("atRiskShare", "must be greater than 0 and lower than 1", share);
            }
            this.atRiskShare = share;
            return this;
        }

        /**
         * Adds a metric-driven severity rule.
         *
         * @param rule the rule
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder severityRule(SeverityRule rule) {
            severityRules.add(Checks.notNull(rule, "rule"));
            return this;
        }

        /**
         * Replaces the metric-driven severity rules.
         *
         * @param rules the rules, applied in order
         * @return this builder
         * @throws IllegalArgumentException if the collection or a rule is null
         */
        public Builder severityRules(Collection<SeverityRule> rules) {
            List<SeverityRule> copy = Checks.listOf(rules, "rules");
            severityRules.clear();
            severityRules.addAll(copy);
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the config
         * @throws IllegalStateException if a per-severity calendar names a level that a table
         *     given by hand lacks (a loaded table is checked when the engine is built)
         */
        public IncidentSlaConfig build() {
            if (table != null) {
                checkCalendars(table, calendars.keySet());
            }
            return new IncidentSlaConfig(this);
        }
    }

    static void checkCalendars(SlaTable table, Collection<Severity> severities) {
        for (Severity s : severities) {
            if (table.find(s).isEmpty()) {
                throw new IllegalStateException("calendar set for " + s + " which table '" + table.id()
                        + "' does not define");
            }
        }
    }
}
