package io.github.deliverykit.metrics.cost;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.money.Money;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.deliverykit.metrics.cost.CostReport.Cost;
import io.github.deliverykit.core.money.MoneyOverflowException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;
import io.github.deliverykit.metrics.cost.spi.PriceTable;

/**
 * Prices usage records with a {@link PriceTable} and attributes their exact cost to iterations,
 * pull requests, features, sessions, days and models ({@link CostReport}).
 *
 * <p>Rules: records with the same id count once (of conflicting copies the one with the most
 * tokens is kept, then the latest, then the one whose text sorts last, so the result does not
 * depend on input order); a record's explicit {@link UsageRecord#cost()} wins over the table; a
 * record whose model the table does not price and which has no explicit cost is <em>unknown</em>
 * and is reported, never counted as zero. Sums are exact and rounded to nano units once per figure.
 * Immutable and thread safe; for very large histories use {@link PriceList} and {@link CostTotals}
 * directly, which is what this class does per record.
 */
public final class CostLedger {

    private static final Logger LOG = LoggerFactory.getLogger(CostLedger.class);

    /** The zone in which days are counted unless another is given. */
    public static final ZoneId DEFAULT_ZONE = ZoneOffset.UTC;

    private static final Comparator<UsageRecord> KEEP = Comparator.comparingLong(UsageRecord::totalTokens)
            .thenComparing(UsageRecord::timestamp)
            .thenComparing(UsageRecord::toString);

    private final PriceList prices;
    private final ZoneId zone;

    private CostLedger(PriceList prices, ZoneId zone) {
        this.prices = prices;
        this.zone = zone;
    }

    /**
     * A ledger that counts days in UTC.
     *
     * @param table the price table
     * @return the ledger
     * @throws IllegalArgumentException if the table is null or invalid
     */
    public static CostLedger of(PriceTable table) {
        return new CostLedger(PriceList.of(table), DEFAULT_ZONE);
    }

    /**
     * This ledger counting days in another zone.
     *
     * @param zone the zone for {@link CostReport#byDay()}
     * @return a new ledger
     */
    public CostLedger withZone(ZoneId zone) {
        return new CostLedger(prices, Checks.notNull(zone, "zone"));
    }

    /**
     * The compiled prices.
     *
     * @return the price list
     */
    public PriceList prices() {
        return prices;
    }

    /**
     * Prices and attributes records.
     *
     * @param records the usage records, in any order, possibly with repeated ids
     * @return the report
     * @throws IllegalArgumentException if the collection or a record is null, an explicit cost is in
     *     another currency than the table, or one record's cost exceeds the supported range
     */
    public CostReport price(Collection<UsageRecord> records) {
        List<UsageRecord> all = Checks.listOf(records, "records");
        Map<String, UsageRecord> kept = new HashMap<>();
        for (UsageRecord r : all) {
            if (r.cost() != null && r.cost().currency() != prices.currency()) {
                throw Checks.invalid("records[" + r.id() + "].cost", "must be in " + prices.currency().getCurrencyCode(), r.cost());
            }
            kept.merge(r.id(), r, (a, b) -> KEEP.compare(b, a) > 0 ? b : a);
        }
        long duplicates = all.size() - kept.size();
        long conflicts = 0;
        for (UsageRecord r : all) {
            UsageRecord k = kept.get(r.id());
            if (k != r && !k.equals(r)) {
                conflicts++;
            }
        }
        List<UsageRecord> distinct = new ArrayList<>(kept.values());
        Dimension<String> iteration = new Dimension<>(distinct, UsageRecord::iterationId);
        Dimension<String> pr = new Dimension<>(distinct, UsageRecord::pullRequestId);
        Dimension<String> feature = new Dimension<>(distinct, UsageRecord::featureId);
        Dimension<String> session = new Dimension<>(distinct, UsageRecord::sessionId);
        Dimension<LocalDate> day = new Dimension<>(distinct, r -> LocalDate.ofInstant(r.timestamp(), zone));
        Dimension<String> model = new Dimension<>(distinct, UsageRecord::model);
        List<Dimension<?>> dims = List.of(iteration, pr, feature, session, day, model);
        CostTotals total = new CostTotals(prices.currency(), 1);
        TreeSet<String> unpriced = new TreeSet<>();
        for (int i = 0; i < distinct.size(); i++) {
            UsageRecord r = distinct.get(i);
            Money explicit = r.cost();
            long femtos = 0;
            if (explicit == null) {
                femtos = prices.costFemtos(prices.indexOf(r.model()), r.inputTokens(), r.outputTokens(),
                        r.cacheWriteTokens(), r.cacheReadTokens());
                if (femtos == PriceList.UNKNOWN) {
                    unpriced.add(r.model());
                }
            }
            add(total, 0, explicit, femtos);
            for (Dimension<?> d : dims) {
                int g = d.groupOf[i];
                if (g >= 0) {
                    add(d.totals, g, explicit, femtos);
                }
            }
        }
        Cost sum = total.cost(0);
        Findings findings = findings(sum, all.size(), duplicates, conflicts, unpriced);
        CostReport report = new CostReport(prices.currency(), sum, iteration.costs(), pr.costs(), feature.costs(),
                session.costs(), day.costs(), model.costs(), all.size(), duplicates, conflicts,
                List.copyOf(unpriced), findings);
        LOG.debug("priced {} usage records with table {}: {}", all.size(), prices.table().id(), sum);
        return report;
    }

    private static void add(CostTotals totals, int group, @Nullable Money explicit, long femtos) {
        if (explicit != null) {
            totals.add(group, explicit);
        } else {
            totals.add(group, femtos);
        }
    }

    private Findings findings(Cost sum, long records, long duplicates, long conflicts, TreeSet<String> unpriced) {
        List<Finding> out = new ArrayList<>();
        out.add(Finding.info("cost.total", "Cost of " + sum.records() + " distinct usage records: " + sum,
                Facts.of("known", sum.known(), "pricedRecords", sum.pricedRecords(), "unknownRecords",
                        sum.unknownRecords(), "priceTable", prices.table().id())));
        if (sum.unknownRecords() > 0) {
            out.add(Finding.warn("cost.unknown", sum.unknownRecords()
                    + " usage records have no price; their cost is unknown, not zero",
                    Facts.of("unknownRecords", sum.unknownRecords(), "models", String.join(",", unpriced),
                            "priceTable", prices.table().id())));
        }
        if (duplicates > 0) {
            out.add(Finding.info("cost.duplicates", duplicates + " of " + records
                    + " usage records repeat an id and were counted once",
                    Facts.of("duplicates", duplicates, "conflicting", conflicts)));
        }
        return Findings.of(out);
    }

    /** One way of grouping: the group number of every record (-1 for none) and the totals per group. */
    private final class Dimension<K> {
        final int[] groupOf;
        final List<K> keys = new ArrayList<>();
        final CostTotals totals;

        Dimension(List<UsageRecord> records, Function<UsageRecord, @Nullable K> key) {
            groupOf = new int[records.size()];
            Map<K, Integer> index = new HashMap<>();
            for (int i = 0; i < records.size(); i++) {
                K k = key.apply(records.get(i));
                if (k == null) {
                    groupOf[i] = -1;
                    continue;
                }
                Integer g = index.get(k);
                if (g == null) {
                    g = keys.size();
                    index.put(k, g);
                    keys.add(k);
                }
                groupOf[i] = g;
            }
            totals = new CostTotals(prices.currency(), keys.size());
        }

        Map<K, Cost> costs() {
            Map<K, Cost> out = new HashMap<>();
            for (int g = 0; g < keys.size(); g++) {
                out.put(keys.get(g), totals.cost(g));
            }
            return out;
        }
    }

    /**
     * Exact running costs of numbered groups (pull requests, iterations, days...) for hot loops: each
     * group keeps a 128-bit sum of femto units (10<sup>-15</sup> of the major unit) in two primitive
     * arrays plus counts of priced and unpriced records. {@link #add(int, long)} allocates nothing and
     * cannot overflow for any realistic history (2<sup>127</sup> femto units); the sum is rounded to
     * nano units once, when read. Mergeable: merging two partial totals gives the totals of all their
     * records, so it can run as an aggregate inside a stream engine. Not thread safe.
     */
    public static final class CostTotals {

        private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

        /**
         * The most groups one totals can hold: 2<sup>23</sup> (8,388,608), 256 MiB of counters. A request for
         * more is rejected instead of running the heap out.
         */
        public static final int MAX_GROUPS = 1 << 23;

        private final Currency currency;
        private final long[] hi;
        private final long[] lo;
        private final long[] priced;
        private final long[] unknown;

        /**
         * Zero totals.
         *
         * @param currency the currency of every cost
         * @param groups the number of groups, numbered 0..groups-1
         * @throws IllegalArgumentException if the currency is null or groups is negative or above {@link #MAX_GROUPS}
         */
        public CostTotals(Currency currency, int groups) {
            this.currency = Checks.notNull(currency, "currency");
            Checks.inRange(groups, 0, MAX_GROUPS, "groups");
            hi = new long[groups];
            lo = new long[groups];
            priced = new long[groups];
            unknown = new long[groups];
        }

        /**
         * Adds one record's cost as {@link PriceList#costFemtos} returns it; allocation-free.
         *
         * @param group the group number
         * @param femtos the cost in femto units, or {@link PriceList#UNKNOWN} for an unpriced record
         * @return this
         * @throws IllegalArgumentException if the group is out of range or the cost is below -1
         */
        public CostTotals add(int group, long femtos) {
            if (group < 0 || group >= lo.length) {
                throw Checks.invalid("group", "must be between 0 and " + (lo.length - 1), group);
            }
            if (femtos < 0) {
                if (femtos != PriceList.UNKNOWN) {
                    throw Checks.invalid("femtos", "must not be negative (or -1 for unknown)", femtos);
                }
                unknown[group]++;
                return this;
            }
            long r = lo[group] + femtos;
            if (Long.compareUnsigned(r, lo[group]) < 0) {
                hi[group]++;
            }
            lo[group] = r;
            priced[group]++;
            return this;
        }

        /**
         * Adds a record whose cost is known in money (a CI bill, a runner invoice).
         *
         * @param group the group number
         * @param amount the amount, not negative, in this currency
         * @return this
         * @throws IllegalArgumentException if the group is out of range, the amount negative or in another currency
         */
        public CostTotals add(int group, Money amount) {
            Checks.notNull(amount, "amount");
            if (amount.currency() != currency) {
                throw Checks.invalid("amount", "must be in " + currency.getCurrencyCode(), amount);
            }
            if (amount.signum() < 0) {
                throw Checks.invalid("amount", "must not be negative", amount);
            }
            if (group < 0 || group >= lo.length) {
                throw Checks.invalid("group", "must be between 0 and " + (lo.length - 1), group);
            }
            long f = amount.nanos() * PriceList.FEMTOS_PER_NANO;
            long carry = Math.multiplyHigh(amount.nanos(), PriceList.FEMTOS_PER_NANO);
            long r = lo[group] + f;
            if (Long.compareUnsigned(r, lo[group]) < 0) {
                carry++;
            }
            lo[group] = r;
            hi[group] += carry;
            priced[group]++;
            return this;
        }

        /**
         * Adds another set of totals group by group.
         *
         * @param other totals with the same currency and number of groups
         * @return this
         * @throws IllegalArgumentException if the currency or the number of groups differs
         */
        public CostTotals merge(CostTotals other) {
            Checks.notNull(other, "other");
            if (other.currency != currency || other.lo.length != lo.length) {
                throw Checks.invalid("other", "must have currency " + currency.getCurrencyCode() + " and "
                        + lo.length + " groups", other.currency.getCurrencyCode() + " and " + other.lo.length + " groups");
            }
            for (int g = 0; g < lo.length; g++) {
                long r = lo[g] + other.lo[g];
                hi[g] += other.hi[g] + (Long.compareUnsigned(r, lo[g]) < 0 ? 1 : 0);
                lo[g] = r;
                priced[g] += other.priced[g];
                unknown[g] += other.unknown[g];
            }
            return this;
        }

        /**
         * Totals holding given state: the inverse of {@link #femtosHigh(int)}, {@link #femtosLow(int)},
         * {@link #priced(int)} and {@link #unknown(int)}, for state serializers (Flink savepoints)
         * that must restore totals exactly. The arrays are copied.
         *
         * @param currency the currency of every cost
         * @param femtosHigh per group, the high 64 bits of the 128-bit femto sum (not negative)
         * @param femtosLow per group, the low 64 bits (unsigned)
         * @param priced per group, the priced records, not negative
         * @param unknown per group, the unpriced records, not negative
         * @return the totals
         * @throws IllegalArgumentException if an argument is null, the arrays differ in length or a
         *     count is negative
         */
        public static CostTotals restore(Currency currency, long[] femtosHigh, long[] femtosLow, long[] priced,
                long[] unknown) {
            Checks.notNull(femtosHigh, "femtosHigh");
            Checks.notNull(femtosLow, "femtosLow");
            Checks.notNull(priced, "priced");
            Checks.notNull(unknown, "unknown");
            int n = femtosLow.length;
            if (femtosHigh.length != n || priced.length != n || unknown.length != n) {
                throw Checks.invalid("femtosHigh, priced, unknown", "must hold as many groups as femtosLow (" + n + ")",
                        femtosHigh.length + ", " + priced.length + ", " + unknown.length);
            }
            CostTotals t = new CostTotals(currency, n);
            for (int g = 0; g < n; g++) {
                Checks.nonNegative(femtosHigh[g], "femtosHigh[" + g + "]");
                Checks.nonNegative(priced[g], "priced[" + g + "]");
                Checks.nonNegative(unknown[g], "unknown[" + g + "]");
            }
            System.arraycopy(femtosHigh, 0, t.hi, 0, n);
            System.arraycopy(femtosLow, 0, t.lo, 0, n);
            System.arraycopy(priced, 0, t.priced, 0, n);
            System.arraycopy(unknown, 0, t.unknown, 0, n);
            return t;
        }

        /**
         * The high 64 bits of a group's exact sum in femto units.
         *
         * @param group the group number
         * @return the high bits
         * @throws IllegalArgumentException if the group is out of range
         */
        public long femtosHigh(int group) {
            checkGroup(group);
            return hi[group];
        }

        /**
         * The low 64 bits (unsigned) of a group's exact sum in femto units.
         *
         * @param group the group number
         * @return the low bits
         * @throws IllegalArgumentException if the group is out of range
         */
        public long femtosLow(int group) {
            checkGroup(group);
            return lo[group];
        }

        /**
         * The priced records of a group.
         *
         * @param group the group number
         * @return the count
         * @throws IllegalArgumentException if the group is out of range
         */
        public long priced(int group) {
            checkGroup(group);
            return priced[group];
        }

        /**
         * The unpriced records of a group.
         *
         * @param group the group number
         * @return the count
         * @throws IllegalArgumentException if the group is out of range
         */
        public long unknown(int group) {
            checkGroup(group);
            return unknown[group];
        }

        /**
         * The number of groups.
         *
         * @return the count
         */
        public int groups() {
            return lo.length;
        }

        /**
         * The currency.
         *
         * @return the currency
         */
        public Currency currency() {
            return currency;
        }

        /**
         * The exact cost of the priced records of a group, with 15 decimals.
         *
         * @param group the group number
         * @return the exact sum
         * @throws IllegalArgumentException if the group is out of range
         */
        public BigDecimal exact(int group) {
            checkGroup(group);
            BigInteger low = BigInteger.valueOf(lo[group]);
            if (lo[group] < 0) {
                low = low.add(TWO_64);
            }
            return new BigDecimal(BigInteger.valueOf(hi[group]).shiftLeft(64).add(low), 15);
        }

        /**
         * The cost of a group, rounded half-even to nano units once.
         *
         * @param group the group number
         * @return the cost with its record counts
         * @throws IllegalArgumentException if the group is out of range
         * @throws MoneyOverflowException if the sum exceeds the range of {@link Money}
         */
        public Cost cost(int group) {
            checkGroup(group);
            return new Cost(Money.of(exact(group).setScale(Money.SCALE, RoundingMode.HALF_EVEN), currency),
                    priced[group], unknown[group]);
        }

        private void checkGroup(int group) {
            if (group < 0 || group >= lo.length) {
                throw Checks.invalid("group", "must be between 0 and " + (lo.length - 1), group);
            }
        }
    }

    /**
     * A set of {@code long} usage-record ids for de-duplication in hot loops: open addressing with
     * linear probing over a primitive array, no boxing, no allocation per id (the table doubles when
     * half full, so growth is amortised). Not thread safe.
     */
    public static final class RecordIdSet {

        private static final long EMPTY = 0;

        private long[] table;
        private int size;
        private boolean hasZero;
        /** What {@link #touch} read, kept so that the reads are not optimised away. */
        private long touched;

        /** An empty set. */
        public RecordIdSet() {
            this(16);
        }

        /**
         * An empty set sized for a number of ids.
         *
         * @param expected how many ids are expected, not negative
         * @throws IllegalArgumentException if negative or too large
         */
        public RecordIdSet(int expected) {
            if (expected < 0 || expected > (1 << 29)) {
                throw io.github.deliverykit.core.check.Checks.invalid("expected", "must be between 0 and 2^29", expected);
            }
            int cap = 16;
            while (cap < expected * 2) {
                cap <<= 1;
            }
            table = new long[cap];
        }

        /**
         * Adds an id.
         *
         * @param id the id
         * @return true if it was new, false if it was already in the set
         */
        public boolean add(long id) {
            if (id == EMPTY) {
                if (hasZero) {
                    return false;
                }
                hasZero = true;
                size++;
                return true;
            }
            long[] t = table;
            int mask = t.length - 1;
            int i = mix(id) & mask;
            while (true) {
                long v = t[i];
                if (v == EMPTY) {
                    t[i] = id;
                    if (++size * 2 > t.length) {
                        grow();
                    }
                    return true;
                }
                if (v == id) {
                    return false;
                }
                i = (i + 1) & mask;
            }
        }

        /**
         * Loads the slot where {@code id} would be looked up into the processor's cache, and changes nothing:
         * a caller about to {@link #add} a batch of ids touches them all first, so that the cache misses of a
         * table far larger than the cache overlap instead of stalling each add in turn (a hint: the adds give
         * the same answers without it).
         *
         * @param id the id
         */
        public void touch(long id) {
            long[] t = table;
            touched ^= t[mix(id) & (t.length - 1)];
        }

        /**
         * Whether an id is in the set.
         *
         * @param id the id
         * @return true if present
         */
        public boolean contains(long id) {
            if (id == EMPTY) {
                return hasZero;
            }
            long[] t = table;
            int mask = t.length - 1;
            int i = mix(id) & mask;
            while (true) {
                long v = t[i];
                if (v == EMPTY) {
                    return false;
                }
                if (v == id) {
                    return true;
                }
                i = (i + 1) & mask;
            }
        }

        /**
         * The number of ids.
         *
         * @return the size
         */
        public int size() {
            return size;
        }

        private void grow() {
            long[] old = table;
            if (old.length >= (1 << 30)) {
                throw new IllegalArgumentException("RecordIdSet holds at most 2^29 ids, but was asked for more");
            }
            long[] t = new long[old.length * 2];
            int mask = t.length - 1;
            for (long v : old) {
                if (v != EMPTY) {
                    int i = mix(v) & mask;
                    while (t[i] != EMPTY) {
                        i = (i + 1) & mask;
                    }
                    t[i] = v;
                }
            }
            table = t;
        }

        private static int mix(long x) {
            // the finaliser of MurmurHash3: spreads sequential ids over the table
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 33;
            x *= 0xc4ceb9fe1a85ec53L;
            x ^= x >>> 33;
            return (int) x;
        }
    }
}
