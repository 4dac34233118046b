package io.github.deliverykit.formats.usage;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.metrics.cost.CostLedger.CostTotals;
import io.github.deliverykit.metrics.cost.CostReport.Cost;
import io.github.deliverykit.metrics.cost.PriceList;
import io.github.deliverykit.metrics.cost.UsageRecord;
import io.github.deliverykit.metrics.cost.spi.PriceTable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Streaming cost totals of {@link ClaudeUsage}s per day, session, branch, pull request and model,
 * priced with a {@link PriceList}: memory grows with the number of distinct keys, not of records.
 * A model the table does not price (exactly, or as {@code anthropic/<model>}) makes its records'
 * cost unknown, never 0. Records are expected once each (as {@link ClaudeCodeLogs} delivers them).
 * Not thread safe.
 */
public final class UsageCosts implements Consumer<ClaudeUsage> {

    private final PriceList prices;
    private final ZoneId zone;
    private final Function<String, @Nullable String> pullRequestOfBranch;
    private final CostTotals total;
    private final Map<LocalDate, CostTotals> byDay = new HashMap<>();
    private final Map<String, CostTotals> bySession = new HashMap<>();
    private final Map<String, CostTotals> byBranch = new HashMap<>();
    private final Map<String, CostTotals> byPullRequest = new HashMap<>();
    private final Map<String, CostTotals> byModel = new HashMap<>();
    private final Map<String, Integer> modelIndex = new HashMap<>();
    private final long[] tokens = new long[4];
    private long records;
    private @Nullable String lastModel;
    private int lastModelIndex;

    private UsageCosts(PriceList prices, ZoneId zone, Function<String, @Nullable String> pullRequestOfBranch) {
        this.prices = prices;
        this.zone = zone;
        this.pullRequestOfBranch = pullRequestOfBranch;
        this.total = new CostTotals(prices.currency(), 1);
    }

    /**
     * Totals priced with a table, days counted in a zone, without pull requests.
     *
     * @param table the prices
     * @param zone the zone of the days
     * @return empty totals
     * @throws IllegalArgumentException if an argument is null or the table invalid
     */
    public static UsageCosts of(PriceTable table, ZoneId zone) {
        return of(table, zone, branch -> null);
    }

    /**
     * Totals that also attribute records to pull requests by their git branch.
     *
     * @param table the prices
     * @param zone the zone of the days
     * @param pullRequestOfBranch the pull request of a branch, or null when it has none
     * @return empty totals
     * @throws IllegalArgumentException if an argument is null or the table invalid
     */
    public static UsageCosts of(PriceTable table, ZoneId zone, Function<String, @Nullable String> pullRequestOfBranch) {
        Checks.notNull(table, "table");
        Checks.notNull(zone, "zone");
        Checks.notNull(pullRequestOfBranch, "pullRequestOfBranch");
        return new UsageCosts(PriceList.of(table), zone, pullRequestOfBranch);
    }

    @Override
    public void accept(ClaudeUsage u) {
        Checks.notNull(u, "usage");
        UsageRecord r = u.usage();
        int model = r.model().equals(lastModel) ? lastModelIndex : modelIndex.computeIfAbsent(r.model(), this::lookup);
        lastModel = r.model();
        lastModelIndex = model;
        long femtos = prices.costFemtos(model, r.inputTokens(), r.outputTokens(), r.cacheWriteTokens(), r.cacheReadTokens());
        records++;
        tokens[0] = saturating(tokens[0], r.inputTokens());
        tokens[1] = saturating(tokens[1], r.outputTokens());
        tokens[2] = saturating(tokens[2], r.cacheWriteTokens());
        tokens[3] = saturating(tokens[3], r.cacheReadTokens());
        total.add(0, femtos);
        add(0, byDay, day(r.timestamp()), femtos);
        add(1, byModel, r.model(), femtos);
        if (r.sessionId() != null) {
            add(2, bySession, r.sessionId(), femtos);
        }
        String branch = u.gitBranch();
        if (branch != null) {
            add(3, byBranch, branch, femtos);
            String pr = pullRequestOf(branch);
            if (pr != null) {
                add(4, byPullRequest, pr, femtos);
            }
        }
    }

    // the day of the last record and the instants it spans: records come in time order within a file
    private @Nullable LocalDate lastDay;
    private long lastDayFrom;
    private long lastDayTo;

    private LocalDate day(java.time.Instant at) {
        long s = at.getEpochSecond();
        if (lastDay != null && s >= lastDayFrom && s < lastDayTo) {
            return lastDay;
        }
        LocalDate d = LocalDate.ofInstant(at, zone);
        lastDay = d;
        lastDayFrom = d.atStartOfDay(zone).toEpochSecond();
        lastDayTo = d.plusDays(1).atStartOfDay(zone).toEpochSecond();
        return d;
    }

    private @Nullable String lastBranch;
    private @Nullable String lastPullRequest;

    private @Nullable String pullRequestOf(String branch) {
        if (!branch.equals(lastBranch)) {
            lastPullRequest = pullRequestOfBranch.apply(branch);
            lastBranch = branch;
        }
        return lastPullRequest;
    }

    private int lookup(String model) {
        int i = prices.indexOf(model);
        return i >= 0 ? i : prices.indexOf("anthropic/" + model);
    }

    private static long saturating(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    // consecutive records mostly share day, session, branch and model: one equals() instead of a hash lookup
    private final Object[] lastKey = new Object[5];
    private final CostTotals[] lastTotals = new CostTotals[5];

    private <K> void add(int dimension, Map<K, CostTotals> map, K key, long femtos) {
        if (key.equals(lastKey[dimension])) {
            lastTotals[dimension].add(0, femtos);
            return;
        }
        CostTotals t = map.get(key);
        if (t == null) {
            t = new CostTotals(prices.currency(), 1);
            map.put(key, t);
        }
        t.add(0, femtos);
        lastKey[dimension] = key;
        lastTotals[dimension] = t;
    }

    /**
     * The totals so far.
     *
     * @return the summary
     */
    public Summary summary() {
        SortedSet<String> unpriced = new TreeSet<>();
        for (Map.Entry<String, Integer> e : modelIndex.entrySet()) {
            if (e.getValue() < 0) {
                unpriced.add(e.getKey());
            }
        }
        return new Summary(total.cost(0), costs(byDay), costs(bySession), costs(byBranch), costs(byPullRequest),
                costs(byModel), records, tokens[0], tokens[1], tokens[2], tokens[3], Collections.unmodifiableSortedSet(unpriced));
    }

    private static <K extends Comparable<? super K>> SortedMap<K, Cost> costs(Map<K, CostTotals> map) {
        TreeMap<K, Cost> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, v.cost(0)));
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * Cost totals by dimension, each sorted by key.
     *
     * @param total all records
     * @param byDay per day in the zone
     * @param bySession per session
     * @param byBranch per git branch
     * @param byPullRequest per pull request (through the branch mapping)
     * @param byModel per model
     * @param records the records counted
     * @param inputTokens all input tokens
     * @param outputTokens all output tokens
     * @param cacheWriteTokens all cache-write tokens
     * @param cacheReadTokens all cache-read tokens
     * @param unpricedModels the models without a price
     */
    public record Summary(Cost total, SortedMap<LocalDate, Cost> byDay, SortedMap<String, Cost> bySession,
            SortedMap<String, Cost> byBranch, SortedMap<String, Cost> byPullRequest, SortedMap<String, Cost> byModel,
            long records, long inputTokens, long outputTokens, long cacheWriteTokens, long cacheReadTokens,
            SortedSet<String> unpricedModels) {}
}
