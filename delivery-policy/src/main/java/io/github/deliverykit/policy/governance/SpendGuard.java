package io.github.deliverykit.policy.governance;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.money.Money;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spend guard and kill switch for AI agents: {@link #evaluate} judges a session's and the day's
 * spend against the caps of a {@link SpendGuardConfig} (KILL when the session or the day has reached
 * its cap, WARN when either has reached the warning share, CONTINUE otherwise); a {@link Tracker}
 * keeps the running totals per session and day. Comparisons are exact (no floating point). The guard
 * is immutable and thread safe.
 */
public final class SpendGuard {

    private static final Logger LOG = LoggerFactory.getLogger(SpendGuard.class);
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    private final SpendGuardConfig config;

    private SpendGuard(SpendGuardConfig config) {
        this.config = config;
    }

    /**
     * What has been spent: by one agent session, and by all sessions in the day.
     *
     * @param session what the session has spent, zero or more
     * @param day what all sessions spent in the day, zero or more
     */
    public record Spend(Money session, Money day) {

        /**
         * Validates the spend.
         *
         * @throws IllegalArgumentException if an amount is null or negative
         */
        public Spend {
            Checks.notNull(session, "sessionSpent");
            Checks.notNull(day, "daySpent");
            if (session.signum() < 0) {
                throw Checks.invalid("sessionSpent", "must not be negative", session);
            }
            if (day.signum() < 0) {
                throw Checks.invalid("daySpent", "must not be negative", day);
            }
        }

        /**
         * A spend.
         *
         * @param session the session's spend
         * @param day the day's spend
         * @return the spend
         * @throws IllegalArgumentException if an amount is null or negative
         */
        public static Spend of(Money session, Money day) {
            return new Spend(session, day);
        }
    }

    /**
     * A guard for a config.
     *
     * @param config the config
     * @return the guard
     * @throws IllegalArgumentException if config is null
     */
    public static SpendGuard of(SpendGuardConfig config) {
        return new SpendGuard(Checks.notNull(config, "config"));
    }

    /**
     * The config.
     *
     * @return the config
     */
    public SpendGuardConfig config() {
        return config;
    }

    /**
     * Evaluates a session's spend and the day's spend.
     *
     * @param spend what was spent
     * @param clock the clock (the amounts are judged as given; taken for the uniform shape)
     * @return the verdict with one finding for the session and one for the day
     * @throws IllegalArgumentException if an argument is null or an amount in another currency
     */
    public SpendDecision evaluate(Spend spend, Clock clock) {
        Checks.notNull(spend, "spend");
        Checks.notNull(clock, "clock");
        return decide(spend.session(), spend.day());
    }

    private SpendDecision decide(Money sessionSpent, Money daySpent) {
        long[] percent = new long[2];
        Finding session = judge("session", sessionSpent, config.perSession(), percent, 0);
        Finding day = judge("day", daySpent, config.perDay(), percent, 1);
        Findings findings = Findings.of(List.of(session, day));
        Level worst = findings.worst();
        SpendDecision.Verdict verdict = worst == Level.FAIL ? SpendDecision.Verdict.KILL
                : worst == Level.WARN ? SpendDecision.Verdict.WARN : SpendDecision.Verdict.CONTINUE;
        LOG.debug("spend session={} day={}: {}", sessionSpent, daySpent, verdict);
        return new SpendDecision(verdict, sessionSpent, daySpent, percent[0], percent[1], findings);
    }

    private Finding judge(String scope, Money spent, Money cap, long[] percentOut, int at) {
        Checks.notNull(spent, scope + "Spent");
        if (!spent.currency().equals(cap.currency())) {
            throw Checks.invalid(scope + "Spent", "must be in " + cap.currency().getCurrencyCode(), spent);
        }
        if (spent.signum() < 0) {
            throw Checks.invalid(scope + "Spent", "must not be negative", spent);
        }
        BigInteger s = BigInteger.valueOf(spent.nanos()).multiply(HUNDRED);
        BigInteger c = BigInteger.valueOf(cap.nanos());
        // percent of the cap, rounded down, for people; the decisions below are exact
        long percent = s.divide(c).longValue();
        percentOut[at] = percent;
        Facts facts = Facts.of("spent", spent, "cap", cap, "percent", percent);
        String who = Character.toUpperCase(scope.charAt(0)) + scope.substring(1);
        if (spent.compareTo(cap) >= 0) {
            return Finding.fail("spend." + scope + "_cap_reached", who + " spend " + spent
                    + " reached its cap of " + cap + ": kill", facts);
        }
        if (s.compareTo(c.multiply(BigInteger.valueOf(config.warnPercent()))) >= 0) {
            return Finding.warn("spend." + scope + "_near_cap", who + " spend " + spent + " is "
                    + percent + " % of its cap of " + cap, facts);
        }
        return Finding.pass("spend." + scope + "_within", who + " spend " + spent + " is within its cap of "
                + cap, facts);
    }

    /**
     * A kill switch over this guard: running totals per session and per day in a zone.
     *
     * @param zone the zone in which days are counted
     * @return a new, empty tracker
     * @throws IllegalArgumentException if zone is null
     */
    public Tracker tracker(ZoneId zone) {
        return new Tracker(this, Checks.notNull(zone, "zone"));
    }

    /**
     * A kill switch: records the cost of each agent iteration per session and per day (in a zone)
     * and judges the running totals with its guard. Once a session is killed it stays killed (later
     * records are still counted and answer KILL) until {@link #reset(String)}. Thread safe: all
     * methods are serialised.
     */
    public static final class Tracker {

        private final SpendGuard guard;
        private final ZoneId zone;
        private final Map<String, Money> sessions = new HashMap<>();
        private final Map<LocalDate, Money> days = new HashMap<>();
        private final Set<String> killed = new HashSet<>();

        private Tracker(SpendGuard guard, ZoneId zone) {
            this.guard = guard;
            this.zone = zone;
        }

        private Money zero() {
            return Money.zero(guard.config.perSession().currency());
        }

        /**
         * Records a cost and judges the session.
         *
         * @param sessionId the agent session
         * @param at when the cost was incurred
         * @param cost the cost, zero or more, in the caps' currency
         * @return CONTINUE, WARN or KILL with findings
         * @throws IllegalArgumentException if an argument is null or blank, the cost negative or in
         *     another currency, or a total overflows
         */
        public synchronized SpendDecision record(String sessionId, Instant at, Money cost) {
            Checks.notBlank(sessionId, "sessionId");
            Checks.notNull(at, "at");
            Checks.notNull(cost, "cost");
            Money zero = zero();
            if (!cost.currency().equals(zero.currency())) {
                throw Checks.invalid("cost", "must be in " + zero.currency().getCurrencyCode(), cost);
            }
            if (cost.signum() < 0) {
                throw Checks.invalid("cost", "must not be negative", cost);
            }
            LocalDate day;
            try {
                day = LocalDate.ofInstant(at, zone);
            } catch (java.time.DateTimeException e) {
                throw Checks.invalid("at", "must be a date-time LocalDate can hold", at);
            }
            Money session = sessions.getOrDefault(sessionId, zero).plus(cost);
            Money total = days.getOrDefault(day, zero).plus(cost);
            sessions.put(sessionId, session);
            days.put(day, total);
            SpendDecision d = guard.decide(session, total);
            if (d.verdict() == SpendDecision.Verdict.KILL) {
                killed.add(sessionId);
            } else if (killed.contains(sessionId)) {
                d = new SpendDecision(SpendDecision.Verdict.KILL, d.sessionSpent(), d.daySpent(), d.sessionPercent(),
                        d.dayPercent(), d.findings().plus(Finding.fail("spend.session_killed",
                        "Session " + sessionId + " was killed earlier and stays stopped",
                        Facts.of("session", sessionId))));
            }
            return d;
        }

        /**
         * Whether a session has been killed.
         *
         * @param sessionId the session
         * @return true once killed
         */
        public synchronized boolean isKilled(String sessionId) {
            return killed.contains(sessionId);
        }

        /**
         * What a session has spent.
         *
         * @param sessionId the session
         * @return the total, zero when unknown
         */
        public synchronized Money sessionSpend(String sessionId) {
            return sessions.getOrDefault(sessionId, zero());
        }

        /**
         * What all sessions spent on a day.
         *
         * @param day the day in the tracker's zone
         * @return the total, zero when nothing was recorded
         */
        public synchronized Money daySpend(LocalDate day) {
            return days.getOrDefault(day, zero());
        }

        /**
         * Re-arms a killed session after a human decided it may continue (its spend is kept).
         *
         * @param sessionId the session
         */
        public synchronized void reset(String sessionId) {
            killed.remove(sessionId);
        }
    }
}
