package io.github.deliverykit.policy.incident;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.metric.SlaStatus;
import io.github.deliverykit.core.spi.ProviderRegistry;
import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.IntervalSet;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SlaTable;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.ClockKind;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.ClockResult;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.PostMortemReview;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.PostMortemVerdict;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.StatusUpdates;
import io.github.deliverykit.policy.incident.IncidentTimeline.SeverityChange;
import io.github.deliverykit.policy.incident.internal.SeedSlaTableProvider;
import io.github.deliverykit.policy.incident.spi.SlaTableProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incident SLA engine: response and resolution clocks with deadlines and MET / ON_TRACK /
 * AT_RISK / BREACHED ({@link SlaStatus}), status-update cadence, post-mortem review, severity
 * classification of the recorded impact and the incident report, all in one
 * {@link #evaluate(IncidentTimeline, Clock)}, from one severity table ({@link SlaTableProvider},
 * the seed table by default) and {@link BusinessCalendar}; plus MTTA / MTTR statistics over many
 * incidents ({@link #stats}).
 *
 * <h2>Clock rules</h2>
 * <ul>
 *   <li>Both clocks start at detection. The response clock stops at acknowledgement (or, for an
 *       incident resolved without one, at resolution, with a WARN finding); the resolution clock
 *       stops at resolution.</li>
 *   <li>Only counted time runs the clock: working time of the calendar of the severity in force,
 *       outside pauses. For the 24x7 calendar, deadline = start + target + paused time. Pauses
 *       count up to the stop event (or now): a pause still going on counts until now, and a pause
 *       after the clock stopped does not move its deadline.</li>
 *   <li>A clock is breached iff its stop event (or, while running, now) is strictly after the
 *       deadline; an event on the deadline meets it.</li>
 *   <li>While running and on time, the clock is AT_RISK once at least
 *       {@link IncidentSlaConfig#atRiskShare()} of the target has been counted, ON_TRACK before.</li>
 *   <li><b>Severity changes re-target from the moment of the change:</b> at a change at instant
 *       {@code c}, a running clock gets the new severity's full target counted from {@code c}
 *       (deadline = the instant at which the new target of counted time has passed since {@code c}).
 *       Time counted before {@code c} stays in {@code elapsed} but does not count against the new
 *       target. A deadline missed before the change stays missed: a downgrade never undoes a
 *       breach. A clock that already stopped is judged by the target in force when it stopped.</li>
 * </ul>
 *
 * <h2>Clocks recomputed from an event log</h2>
 * {@link #evaluate(IncidentEventLog, Clock)} runs the configured clock definitions
 * ({@link IncidentSlaConfig#clocks()}: start, pause, resume, stop, reset and cancel conditions) over an
 * {@link IncidentEventLog}: several cycles per clock, per-group OLA clocks, re-targeting that keeps
 * paused time, and breached-while-paused as its own state ({@link IncidentClocks}). The defaults
 * reproduce the two clocks above on {@link IncidentEventLog#of(IncidentTimeline)}.
 *
 * <p>Finding codes: {@code incident.sla.*}, {@code incident.clock.*}, {@code incident.status-updates.*},
 * {@code incident.postmortem.*}, {@code incident.severity.*}. Immutable and thread safe; the
 * table is resolved once when the engine is built. "Now" is always an injected {@link Clock}.
 */
public final class IncidentSla {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentSla.class);

    private final IncidentSlaConfig config;
    private final ProviderRegistry<SlaTableProvider> tables;
    private final SlaTable table;
    private final SeverityClassification classification;
    private final double atRiskShare;

    private IncidentSla(IncidentSlaConfig config, ProviderRegistry<SlaTableProvider> tables) {
        this.config = config;
        this.tables = tables;
        Optional<SlaTable> byHand = config.table();
        if (byHand.isPresent()) {
            this.table = byHand.get();
        } else {
            SlaTableProvider p = tables.get(config.tableId());
            SlaTable t;
            try {
                t = p.table();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(Checks.message("severity table provider %s failed: %s",
                        p.getClass().getName(), e), e);
            }
            Checks.notNull(t, "table() of " + p.getClass().getName());
            this.table = t;
        }
        IncidentSlaConfig.checkCalendars(table, config.calendars().keySet());
        this.classification = SeverityClassification.of(config);
        this.atRiskShare = config.atRiskShare();
    }

    /**
     * An engine with the built-in seed table (no {@code ServiceLoader}), or the config's table
     * given by hand.
     *
     * @param config the config
     * @return the engine
     * @throws IllegalArgumentException if config is null or names a table other than the seed
     * @throws IllegalStateException if a per-severity calendar names a level the table lacks
     */
    public static IncidentSla of(IncidentSlaConfig config) {
        return of(config, List.of(new SeedSlaTableProvider()));
    }

    /**
     * An engine over table providers built by hand.
     *
     * @param config the config
     * @param providers the table providers; ids must be unique
     * @return the engine
     * @throws IllegalArgumentException if an argument is null or no provider has the config's table id
     * @throws IllegalStateException if two providers share an id, or a per-severity calendar names
     *     a level the table lacks
     */
    public static IncidentSla of(IncidentSlaConfig config, List<? extends SlaTableProvider> providers) {
        Checks.notNull(config, "config");
        return new IncidentSla(config, ProviderRegistry.of(SlaTableProvider.class,
                Checks.listOf(providers, "providers")));
    }

    /**
     * An engine over every table provider registered through {@code ServiceLoader} on this
     * library's class loader (the seed included).
     *
     * @param config the config
     * @return the engine
     * @throws IllegalArgumentException if config is null or names an unknown table
     * @throws io.github.deliverykit.core.spi.ProviderException if the selected table is missing or claimed
     *     twice while a provider is broken (a broken provider of a table the config does not select is skipped)
     */
    public static IncidentSla load(IncidentSlaConfig config) {
        Checks.notNull(config, "config");
        return new IncidentSla(config, selected(config, Providers.loader(SlaTableProvider.class)));
    }

    /** Strict for the table the config selects; a broken provider of another table is skipped. */
    private static ProviderRegistry<SlaTableProvider> selected(IncidentSlaConfig config,
            Providers.Loader<SlaTableProvider> loader) {
        return loader.loadSelected(config.table().isPresent() ? List.of() : List.of(config.tableId()));
    }

    /**
     * An engine over every table provider visible to a class loader.
     *
     * @param config the config
     * @param classLoader the class loader
     * @return the engine
     * @throws IllegalArgumentException if an argument is null or the config names an unknown table
     */
    public static IncidentSla load(IncidentSlaConfig config, ClassLoader classLoader) {
        Checks.notNull(config, "config");
        return new IncidentSla(config, selected(config,
                Providers.loader(SlaTableProvider.class).classLoader(Checks.notNull(classLoader, "classLoader"))));
    }

    /**
     * An engine over every table provider in a module layer.
     *
     * @param config the config
     * @param layer the module layer
     * @return the engine
     * @throws IllegalArgumentException if an argument is null or the config names an unknown table
     */
    public static IncidentSla load(IncidentSlaConfig config, ModuleLayer layer) {
        Checks.notNull(config, "config");
        return new IncidentSla(config, selected(config,
                Providers.loader(SlaTableProvider.class).layer(Checks.notNull(layer, "layer"))));
    }

    /**
     * Like {@link #load(IncidentSlaConfig)}, but a broken provider is reported in
     * {@code tables().problems()} and skipped.
     *
     * @param config the config
     * @return the engine
     * @throws IllegalArgumentException if config is null or names an unknown table
     */
    public static IncidentSla loadLenient(IncidentSlaConfig config) {
        Checks.notNull(config, "config");
        return new IncidentSla(config, Providers.loader(SlaTableProvider.class).lenient().load());
    }

    /**
     * The config.
     *
     * @return the config
     */
    public IncidentSlaConfig config() {
        return config;
    }

    /**
     * The table providers this engine knows.
     *
     * @return the registry, in priority then id order
     */
    public ProviderRegistry<SlaTableProvider> tables() {
        return tables;
    }

    /**
     * The severity table in use.
     *
     * @return the table
     */
    public SlaTable table() {
        return table;
    }

    /**
     * The severity classification with this engine's rules.
     *
     * @return the classification
     */
    public SeverityClassification classification() {
        return classification;
    }

    private BusinessCalendar calendarFor(Severity severity) {
        return config.calendarFor(severity);
    }

    // ---------------------------------------------------------------------------------- clocks

    private record Segment(Instant from, Instant to, Severity severity) {}

    private static List<Segment> segments(IncidentTimeline timeline, Instant start, Instant end) {
        List<Instant> froms = new ArrayList<>();
        List<Severity> sevs = new ArrayList<>();
        froms.add(start);
        sevs.add(timeline.initialSeverity());
        for (SeverityChange c : timeline.severityChanges()) {
            // a change at detection replaces the initial severity even for a clock stopped at once
            if (!c.at().isBefore(end) && !c.at().equals(start)) {
                break;
            }
            int last = froms.size() - 1;
            if (c.at().equals(froms.get(last))) {
                sevs.set(last, c.to());
            } else {
                froms.add(c.at());
                sevs.add(c.to());
            }
        }
        List<Segment> out = new ArrayList<>(froms.size());
        for (int i = 0; i < froms.size(); i++) {
            out.add(new Segment(froms.get(i), i + 1 < froms.size() ? froms.get(i + 1) : end, sevs.get(i)));
        }
        return out;
    }

    private static void checkNow(IncidentTimeline timeline, Instant now) {
        Checks.notNull(timeline, "timeline");
        Incident inc = timeline.incident();
        Checks.notBefore(inc.detected(), "detected", now, "now");
        inRange(now, "now");
        inRange(inc.started(), "started");
        inRange(inc.acknowledged(), "acknowledged");
        inRange(inc.mitigated(), "mitigated");
        inRange(inc.resolved(), "resolved");
    }

    private static void inRange(@Nullable Instant t, String field) {
        if (t != null && (t.isBefore(Interval.MIN) || t.isAfter(Interval.MAX))) {
            throw Checks.invalid(field, "must lie between " + Interval.MIN + " and " + Interval.MAX, t);
        }
    }

    /** Evaluates one clock; the timeline and now are validated by the caller. */
    private ClockResult clock(IncidentTimeline timeline, ClockKind kind, Instant now) {
        Incident inc = timeline.incident();
        Instant start = inc.detected();
        Instant stop = kind == ClockKind.RESPONSE
                ? (inc.acknowledged() != null ? inc.acknowledged() : inc.resolved())
                : inc.resolved();
        Instant end = stop != null ? stop : now;
        // pauses after the clock stopped (or after now) do not move its deadline
        IntervalSet pauses = end.isBefore(Interval.MAX)
                ? timeline.pauseSet().minus(IntervalSet.of(Interval.of(end, Interval.MAX)))
                : timeline.pauseSet();
        List<Segment> segs = segments(timeline, start, end);
        Segment decided = segs.get(segs.size() - 1);
        Instant deadline = null;
        Duration elapsed = Duration.ZERO;
        for (Segment s : segs) {
            Duration target = table.target(s.severity()).target(kind);
            BusinessCalendar cal = calendarFor(s.severity());
            Instant d = ClockMath.deadline(cal, pauses, s.from(), target);
            elapsed = elapsed.plus(ClockMath.counted(cal, pauses, s.from(), s.to()));
            if (deadline == null && (s == decided || s.to().isAfter(d))) {
                // the first segment whose deadline passed before it ended decides (a breach stands)
                decided = s;
                deadline = d;
            }
        }
        BusinessCalendar cal = calendarFor(decided.severity());
        Duration target = table.target(decided.severity()).target(kind);
        boolean breached = end.isAfter(deadline);
        // wall-clock, so that a breach is never "by 0m" when the deadline fell at closing time or a pause began
        Duration overrun = breached ? Duration.between(deadline, end) : Duration.ZERO;
        SlaStatus status;
        Duration remaining = Duration.ZERO;
        if (breached) {
            status = SlaStatus.BREACHED;
        } else if (stop != null) {
            status = SlaStatus.MET;
        } else {
            remaining = ClockMath.counted(cal, pauses, now, deadline);
            Duration counted = ClockMath.counted(cal, pauses, decided.from(), now);
            Duration threshold = Duration.ofNanos(Math.round(target.toNanos() * atRiskShare));
            status = counted.compareTo(threshold) >= 0 ? SlaStatus.AT_RISK : SlaStatus.ON_TRACK;
        }
        ClockResult r = new ClockResult(kind, decided.severity(), start, target, deadline, stop, elapsed,
                ClockMath.paused(pauses, start, end), remaining, overrun, status, segs.size() > 1);
        LOG.debug("{} {} clock: {}", inc.id(), kind, r);
        return r;
    }

    /**
     * The status-update cadence: while a severity with a cadence is in force, an update is due one
     * cadence after the start of that severity, and one cadence after each update (or missed due
     * instant); updates end at resolution (or now).
     */
    private StatusUpdates statusUpdates(IncidentTimeline timeline, Instant now) {
        Incident inc = timeline.incident();
        Instant end = inc.resolved() != null ? inc.resolved() : now;
        List<Instant> updates = timeline.statusUpdates();
        List<Instant> missed = new ArrayList<>();
        long missedCount = 0;
        int counted = 0;
        boolean required = false;
        Duration every = null;
        for (Segment s : segments(timeline, inc.detected(), end)) {
            Duration c = table.target(s.severity()).statusUpdateEvery();
            every = c;
            if (c == null) {
                continue;
            }
            required = true;
            for (Instant u : updates) {
                if (u.isAfter(s.from()) && !u.isAfter(s.to())) {
                    counted++;
                }
            }
            Instant anchor = s.from();
            int idx = 0;
            while (true) {
                Instant due = anchor.plus(c);
                if (!due.isBefore(s.to())) {
                    break;
                }
                while (idx < updates.size() && !updates.get(idx).isAfter(anchor)) {
                    idx++;
                }
                Instant latest = null;
                while (idx < updates.size() && !updates.get(idx).isAfter(due)) {
                    latest = updates.get(idx);
                    idx++;
                }
                if (latest != null) {
                    anchor = latest;
                    continue;
                }
                Instant next = idx < updates.size() ? updates.get(idx) : null;
                Instant limit = next != null && next.isBefore(s.to()) ? next : s.to();
                long k = Duration.between(due, limit).minusNanos(1).dividedBy(c) + 1;
                for (long j = 0; j < k && missed.size() < StatusUpdates.MAX_LISTED; j++) {
                    missed.add(due.plus(c.multipliedBy(j)));
                }
                missedCount += k;
                anchor = due.plus(c.multipliedBy(k - 1));
            }
        }
        return new StatusUpdates(required, every, counted, missedCount, missed);
    }

    /**
     * Evaluates one incident at the instant of a clock: both SLA clocks, the status updates, the
     * post-mortem and, when impact facts are recorded, the severity classification.
     *
     * @param timeline the incident timeline
     * @param clock the clock that says "now"; now must not be before detection
     * @return the decision, which is also the incident report
     * @throws IllegalArgumentException if a value is null, now is before detection, or a severity
     *     of the timeline is not in the table
     */
    public IncidentSlaDecision evaluate(IncidentTimeline timeline, Clock clock) {
        Checks.notNull(timeline, "timeline");
        Instant now = Checks.notNull(clock, "clock").instant();
        checkNow(timeline, now);
        ClockResult response = clock(timeline, ClockKind.RESPONSE, now);
        ClockResult resolution = clock(timeline, ClockKind.RESOLUTION, now);
        StatusUpdates updates = statusUpdates(timeline, now);
        List<Finding> out = new ArrayList<>();
        Incident inc = timeline.incident();
        for (SeverityChange c : timeline.severityChanges()) {
            out.add(Finding.info("incident.sla.retargeted",
                    Checks.message("severity %s -> %s at %s: running clocks re-targeted from the change",
                            c.from(), c.to(), c.at()),
                    Facts.of("at", c.at(), "from", c.from(), "to", c.to())));
        }
        if (!timeline.pauses().isEmpty()) {
            out.add(Finding.info("incident.sla.paused", "clocks stood still for " + Text.duration(resolution.paused()),
                    Facts.of("paused", resolution.paused(), "pauses", timeline.pauses().size())));
        }
        if (inc.acknowledged() == null && inc.resolved() != null) {
            out.add(Finding.warn("incident.sla.response.no-ack",
                    "resolved without an acknowledgement: the response clock stopped at resolution",
                    Facts.of("resolved", inc.resolved())));
        }
        out.add(clockFinding(response));
        out.add(clockFinding(resolution));
        if (!updates.required()) {
            out.add(Finding.info("incident.status-updates.not-required",
                    "no severity the incident held requires status updates", Facts.none()));
        } else if (updates.missedCount() == 0) {
            out.add(Finding.pass("incident.status-updates.met", "every status update went out on time",
                    Facts.of("updates", updates.updates())));
        } else {
            StringBuilder list = new StringBuilder();
            for (Instant m : updates.missed()) {
                list.append(list.length() == 0 ? "" : ", ").append(m);
            }
            if (updates.missedCount() > updates.missed().size()) {
                list.append(", and ").append(updates.missedCount() - updates.missed().size()).append(" more");
            }
            out.add(Finding.fail("incident.status-updates.missed",
                    Checks.message("%d status update(s) missed, due at %s", updates.missedCount(), list),
                    Facts.of("missed", updates.missedCount(), "updates", updates.updates())));
        }
        SlaStatus verdict = SlaStatus.values()[Math.max(response.status().ordinal(), resolution.status().ordinal())];
        LOG.debug("{} SLA verdict {}", inc.id(), verdict);
        SeverityClassification.Result classified = timeline.impact() == null ? null
                : classification.evaluate(timeline.impact(), clock);
        return new IncidentSlaDecision(timeline, now, classified, response, resolution, updates,
                reviewPostMortem(timeline, now), verdict, Findings.of(out));
    }

    /**
     * Recomputes every configured clock ({@link IncidentSlaConfig#clocks()}) from an incident's event
     * log at the instant of a clock: all cycles of each, with their typed states, the targets that
     * applied and when, and the findings. Nothing is stored between reads: the result is a pure
     * function of the log, the config and the instant, and events after the instant are not read
     * (an {@code incident.clock.future-events} WARN counts them).
     *
     * <p>Rules, after the events of each instant are applied: an open cycle is cancelled when a
     * cancel condition holds (or, with cancel-when-start-fails, no start condition does), else stopped
     * when a stop condition holds, else ended by a reset condition that becomes true; otherwise it
     * pauses when a pause condition holds (and no resume condition, if any are set) and resumes when
     * no pause condition holds (or, with resume conditions, when one holds). With no open cycle, a
     * new one starts when a start condition holds and no stop or cancel condition does: a reset or a
     * reopen starts the next cycle. Deadlines follow the clock's {@code retarget} rule
     * ({@code FROM_CHANGE}: as in {@link #evaluate(IncidentTimeline, Clock)}; {@code CARRY_OVER}: the
     * new target applies to the cycle's whole counted time). Paused time is kept across a severity
     * change under both rules.
     *
     * @param log the event log
     * @param clock the clock that says "now"; now must not be before the log's origin
     * @return the clocks
     * @throws IllegalArgumentException if a value is null, now is before the origin or out of range,
     *     or a severity of the log is not in the table
     */
    public IncidentClocks evaluate(IncidentEventLog log, Clock clock) {
        Checks.notNull(log, "log");
        Instant now = Checks.notNull(clock, "clock").instant();
        Checks.notNull(now, "clock.instant()");
        Checks.notBefore(log.origin(), "origin", now, "now");
        inRange(now, "now");
        List<Finding> out = new ArrayList<>();
        List<IncidentClocks.ClockCycles> clocks = new ArrayList<>();
        SlaStatus verdict = SlaStatus.MET;
        for (IncidentSlaConfig.ClockDefinition def : config.clocks()) {
            IncidentClocks.ClockCycles c = ClockReplay.replay(def, log, now, table, config, out);
            for (IncidentClocks.Cycle cycle : c.cycles()) {
                SlaStatus s = cycle.slaStatus().orElse(SlaStatus.MET);
                if (s.ordinal() > verdict.ordinal()) {
                    verdict = s;
                }
            }
            clocks.add(c);
        }
        LOG.debug("clocks at {}: {}", now, verdict);
        return new IncidentClocks(now, clocks, verdict, Findings.of(out));
    }

    private static Finding clockFinding(ClockResult r) {
        String code = "incident.sla." + r.kind().code() + "." + r.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        String what = r.kind().code() + " (" + r.severity() + ", target " + Text.duration(r.target()) + ")";
        Facts.Builder f = Facts.builder().put("severity", r.severity()).put("target", r.target())
                .put("deadline", r.deadline()).put("elapsed", r.elapsed());
        if (r.stoppedAt() != null) {
            f.put("stoppedAt", r.stoppedAt());
        }
        switch (r.status()) {
            case MET:
                return Finding.pass(code, what + " met: stopped at " + r.stoppedAt() + ", deadline " + r.deadline(), f.build());
            case ON_TRACK:
                return Finding.info(code, what + " on track: " + Text.duration(r.remaining()) + " left until " + r.deadline(),
                        f.put("remaining", r.remaining()).build());
            case AT_RISK:
                return Finding.warn(code, what + " at risk: only " + Text.duration(r.remaining()) + " left until "
                        + r.deadline(), f.put("remaining", r.remaining()).build());
            default:
                return Finding.fail(code, what + " breached by " + Text.duration(r.overrun()) + " (deadline "
                        + r.deadline() + ")", f.put("overrun", r.overrun()).build());
        }
    }

    // ----------------------------------------------------------------------------- post-mortem

    /*
     * Reviews the post-mortem: required when the table gives the incident's peak severity a
     * post-mortem window (seed: SEV-1 and SEV-2, 48 h), due that long after resolution; a
     * published one must hold a timeline, a root cause and action items each with owner and due
     * date; open action items past their due date are overdue.
     *
     */
    private PostMortemReview reviewPostMortem(IncidentTimeline timeline, Instant now) {
        Incident inc = timeline.incident();
        Severity peak = timeline.peakSeverity();
        Duration within = table.target(peak).postMortemWithin();
        IncidentTimeline.PostMortem pm = timeline.postMortem();
        boolean required = within != null;
        Instant due = required && inc.resolved() != null ? inc.resolved().plus(within) : null;
        List<Finding> out = new ArrayList<>();
        List<IncidentTimeline.PostMortem.ActionItem> overdue = new ArrayList<>();
        PostMortemVerdict verdict;
        if (pm == null) {
            if (!required) {
                verdict = PostMortemVerdict.NOT_REQUIRED;
                out.add(Finding.info("incident.postmortem.not-required", peak + " does not require a post-mortem",
                        Facts.of("severity", peak)));
            } else if (due == null) {
                verdict = PostMortemVerdict.PENDING;
                out.add(Finding.info("incident.postmortem.pending", Checks.message(
                        "%s requires a post-mortem within %s of resolution", peak, Text.duration(within)),
                        Facts.of("severity", peak, "within", within)));
            } else if (now.isAfter(due)) {
                verdict = PostMortemVerdict.OVERDUE;
                out.add(Finding.fail("incident.postmortem.overdue", Checks.message(
                        "post-mortem was due at %s and none exists", due), Facts.of("severity", peak, "due", due)));
            } else {
                verdict = PostMortemVerdict.PENDING;
                out.add(Finding.info("incident.postmortem.pending", "post-mortem due at " + due,
                        Facts.of("severity", peak, "due", due)));
            }
            return new PostMortemReview(required, due, verdict, overdue, Findings.of(out));
        }
        boolean complete = true;
        if (pm.timeline().isEmpty()) {
            complete = false;
            out.add(Finding.fail("incident.postmortem.timeline.missing", "the post-mortem has no timeline", Facts.none()));
        }
        if (pm.rootCause() == null) {
            complete = false;
            out.add(Finding.fail("incident.postmortem.root-cause.missing", "the post-mortem names no root cause",
                    Facts.none()));
        }
        if (pm.actionItems().isEmpty()) {
            complete = false;
            out.add(Finding.fail("incident.postmortem.action-items.missing", "the post-mortem has no action items",
                    Facts.none()));
        }
        for (int i = 0; i < pm.actionItems().size(); i++) {
            IncidentTimeline.PostMortem.ActionItem a = pm.actionItems().get(i);
            if (a.owner() == null) {
                complete = false;
                out.add(Finding.fail("incident.postmortem.action-item.owner.missing",
                        "action item '" + a.description() + "' has no owner", Facts.of("item", i + 1)));
            }
            if (a.due() == null) {
                complete = false;
                out.add(Finding.fail("incident.postmortem.action-item.due.missing",
                        "action item '" + a.description() + "' has no due date", Facts.of("item", i + 1)));
            }
            if (a.isOverdue(now)) {
                overdue.add(a);
                out.add(Finding.fail("incident.postmortem.action-item.overdue", Checks.message(
                        "action item '%s' (owner %s) was due at %s and is still open", a.description(),
                        a.owner() == null ? "unassigned" : a.owner(),
                        a.due()), Facts.of("item", i + 1, "due", a.due())));
            }
        }
        if (pm.published() == null) {
            if (due != null && now.isAfter(due)) {
                verdict = PostMortemVerdict.OVERDUE;
                out.add(Finding.fail("incident.postmortem.overdue", "post-mortem was due at " + due
                        + " and is still a draft", Facts.of("severity", peak, "due", due)));
            } else {
                verdict = PostMortemVerdict.PENDING;
                out.add(Finding.info("incident.postmortem.draft", "post-mortem is a draft"
                        + (due != null ? ", due at " + due : ""), Facts.of("severity", peak)));
            }
        } else if (!complete) {
            verdict = PostMortemVerdict.INCOMPLETE;
            out.add(Finding.fail("incident.postmortem.incomplete", "post-mortem published with parts missing",
                    Facts.of("published", pm.published())));
        } else {
            verdict = PostMortemVerdict.COMPLETE;
            if (due != null && pm.published().isAfter(due)) {
                out.add(Finding.warn("incident.postmortem.late", Checks.message(
                        "post-mortem published at %s, after its due time %s", pm.published(), due),
                        Facts.of("published", pm.published(), "due", due)));
            } else {
                out.add(Finding.pass("incident.postmortem.complete", "post-mortem complete",
                        Facts.of("published", pm.published(), "actionItems", pm.actionItems().size())));
            }
        }
        LOG.debug("{} post-mortem {}", inc.id(), verdict);
        return new PostMortemReview(required, due, verdict, overdue, Findings.of(out));
    }

    // --------------------------------------------------------------------------------- metrics

    /**
     * MTTA, MTTR and SLA compliance of the incidents detected in a period, overall and per
     * (current) severity. MTTA is detected to acknowledged, MTTR detected to resolved, both in
     * wall-clock time; clocks are evaluated at the end of the period and a clock counts towards
     * compliance once decided (MET or BREACHED).
     *
     * @param timelines the incidents, in any order
     * @param period the period; an incident belongs to it when detected inside it
     * @return the statistics
     * @throws IllegalArgumentException if a value is null or a severity is not in the table
     */
    public Stats stats(Collection<IncidentTimeline> timelines, Interval period) {
        List<IncidentTimeline> list = Checks.listOf(timelines, "timelines");
        Checks.notNull(period, "period");
        Map<Severity, Stats.Accumulator> by = new TreeMap<>();
        Stats.Accumulator all = new Stats.Accumulator();
        int[] compliance = new int[4];
        for (IncidentTimeline t : list) {
            Incident inc = t.incident();
            if (!period.contains(inc.detected())) {
                continue;
            }
            checkNow(t, period.end());
            all.add(inc);
            by.computeIfAbsent(inc.severity(), s -> new Stats.Accumulator()).add(inc);
            Instant now = period.end();
            ClockResult response = clock(t, ClockKind.RESPONSE, now);
            ClockResult resolution = clock(t, ClockKind.RESOLUTION, now);
            count(response, compliance, 0);
            count(resolution, compliance, 2);
        }
        Map<Severity, Stats.Group> groups = new LinkedHashMap<>();
        by.forEach((s, a) -> groups.put(s, a.group(s.toString())));
        return new Stats(period, all.group("all"), List.copyOf(groups.values()),
                compliance[0], compliance[1], compliance[2], compliance[3]);
    }

    private static void count(ClockResult r, int[] c, int at) {
        if (r.status() == SlaStatus.MET) {
            c[at]++;
            c[at + 1]++;
        } else if (r.status() == SlaStatus.BREACHED) {
            c[at + 1]++;
        }
    }

    /**
     * MTTA, MTTR and SLA compliance over a period, built by {@link IncidentSla#stats}.
     *
     * @param period the period
     * @param overall all incidents of the period
     * @param bySeverity one group per severity present, most severe first
     * @param responseMet response clocks met
     * @param responseDecided response clocks decided (met or breached)
     * @param resolutionMet resolution clocks met
     * @param resolutionDecided resolution clocks decided (met or breached)
     */
    public record Stats(Interval period, Group overall, List<Group> bySeverity, int responseMet,
            int responseDecided, int resolutionMet, int resolutionDecided) {

        /**
         * Validates the statistics.
         *
         * @throws IllegalArgumentException if a field is null, a count negative or met exceeds decided
         */
        public Stats {
            Checks.notNull(period, "period");
            Checks.notNull(overall, "overall");
            bySeverity = Checks.listOf(bySeverity, "bySeverity");
            Checks.inRange(responseMet, 0, responseDecided, "responseMet");
            Checks.inRange(resolutionMet, 0, resolutionDecided, "resolutionMet");
        }

        /**
         * The share of decided clocks (both kinds) that were met.
         *
         * @return the rate in [0, 1], or empty when no clock is decided
         */
        public OptionalDouble complianceRate() {
            return rate(responseMet + resolutionMet, responseDecided + resolutionDecided);
        }

        /**
         * The share of decided response clocks that were met.
         *
         * @return the rate, or empty when none is decided
         */
        public OptionalDouble responseComplianceRate() {
            return rate(responseMet, responseDecided);
        }

        /**
         * The share of decided resolution clocks that were met.
         *
         * @return the rate, or empty when none is decided
         */
        public OptionalDouble resolutionComplianceRate() {
            return rate(resolutionMet, resolutionDecided);
        }

        private static OptionalDouble rate(int met, int decided) {
            return decided == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) met / decided);
        }

        /**
         * The statistics of one group of incidents.
         *
         * @param label {@code all} or the severity, e.g. {@code SEV-1}
         * @param incidents how many incidents
         * @param acknowledged how many were acknowledged
         * @param resolved how many were resolved
         * @param mtta mean time to acknowledge, or null when none was acknowledged
         * @param mttr mean time to resolve, or null when none was resolved
         */
        public record Group(String label, int incidents, int acknowledged, int resolved, @Nullable Duration mtta,
                @Nullable Duration mttr) {

            /**
             * Validates the group.
             *
             * @throws IllegalArgumentException if the label is blank or a count is out of range
             */
            public Group {
                Checks.notBlank(label, "label");
                Checks.nonNegative(incidents, "incidents");
                Checks.inRange(acknowledged, 0, incidents, "acknowledged");
                Checks.inRange(resolved, 0, incidents, "resolved");
            }

            /**
             * The mean time to acknowledge.
             *
             * @return MTTA, if any incident was acknowledged
             */
            public Optional<Duration> meanTimeToAcknowledge() {
                return Optional.ofNullable(mtta);
            }

            /**
             * The mean time to resolve.
             *
             * @return MTTR, if any incident was resolved
             */
            public Optional<Duration> meanTimeToResolve() {
                return Optional.ofNullable(mttr);
            }
        }

        /** Sums for one group. */
        static final class Accumulator {
            private int incidents;
            private int acknowledged;
            private int resolved;
            private Duration ack = Duration.ZERO;
            private Duration res = Duration.ZERO;

            void add(Incident inc) {
                incidents++;
                if (inc.acknowledged() != null) {
                    acknowledged++;
                    ack = ack.plus(Duration.between(inc.detected(), inc.acknowledged()));
                }
                if (inc.resolved() != null) {
                    resolved++;
                    res = res.plus(Duration.between(inc.detected(), inc.resolved()));
                }
            }

            Group group(String label) {
                return new Group(label, incidents, acknowledged, resolved,
                        acknowledged == 0 ? null : ack.dividedBy(acknowledged),
                        resolved == 0 ? null : res.dividedBy(resolved));
            }
        }
    }
}
