package io.github.deliverykit.metrics.dora;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Commit;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.stats.Quantiles;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.deliverykit.metrics.dora.DoraReport.ChangeFailureRate;
import io.github.deliverykit.metrics.dora.DoraReport.DeploymentFrequency;
import io.github.deliverykit.metrics.dora.DoraReport.LeadTime;
import io.github.deliverykit.metrics.dora.DoraReport.TimeToRestore;
import io.github.deliverykit.metrics.dora.DoraReport.RecoveryTime;
import io.github.deliverykit.metrics.dora.DoraConfig.CommitScope;
import io.github.deliverykit.metrics.dora.DoraConfig.LeadTimeStart;
import io.github.deliverykit.metrics.dora.DoraConfig.IncidentAttribution;
import io.github.deliverykit.metrics.dora.DoraConfig.DeploymentLookup;
import io.github.deliverykit.metrics.dora.DoraAssessment.FourKeysBucket;

/**
 * DORA metrics over a history of events, indexed once and queried per window and slice.
 *
 * <p>{@link #of(DoraEvents, DoraConfig)} sorts the deployments once by service and environment
 * ("stream"), then finish (ties by id), attributes every incident and every change, and keeps the
 * results in primitive arrays: per deployment its finish and flags with prefix counts, lead times
 * and restore times in order-statistic indexes (wavelet matrices), and per stream the days with a
 * successful deployment. A query binary-searches each stream for the window and answers from
 * differences of prefix counts and k-th selections in the indexes: it reads no value of the window
 * and allocates O(streams), whatever the window holds. Building is O((D + I) log D + C log C) for D
 * deployments, I incidents and C commits (primitive sorts), plus O(C x levels) for the index, whose
 * levels are the bits of the largest lead time (35 for a year in milliseconds); it retains about
 * 25 bytes per change and 100 per deployment. A query is O(S (log D + levels)) for S streams.
 *
 * <p>Results do not depend on the order of the input lists. Immutable after construction and
 * thread safe.
 *
 * <p>Boundary rules: a deployment belongs to a window when it finished in it (half-open
 * {@code [start, end)}); an incident when it started in it. In-progress deployments are ignored.
 * Instants must lie within about 285,000 years of 1970 (epoch milliseconds within 2^53).
 */
public final class DoraDataset {

    private static final Logger LOG = LoggerFactory.getLogger(DoraDataset.class);

    /** The largest window, in calendar days, that deployment-frequency queries accept (100 years). */
    public static final int MAX_WINDOW_DAYS = 36_525;

    static final long MAX_EPOCH_MILLIS = 1L << 53;
    private static final long NONE = Long.MIN_VALUE;
    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private final DoraConfig config;

    // streams (service, environment), sorted by service then environment
    private final String[] streamService;
    private final String[] streamEnvironment;
    private final boolean[] streamProduction;
    private final Map<String, Map<String, Integer>> streamIds;

    // finished deployments sorted by stream, finish, id
    private final Deployment[] deployments;
    private final int[] deploymentFrom; // per stream, size streams + 1
    private final long[] finish;
    private final boolean[] success;
    private final boolean[] failedByOutcome;
    private final boolean[] failedByIncident;
    private final boolean[] rework;
    private final long[] recovery; // -1 when unrecovered or not failed
    private final int[] leadFrom; // size deployments + 1
    private final int changes;
    private final OrderIndex leadIndex; // lead times in deployment order, positive ones included
    // prefix counts over deployments in index order, size deployments + 1
    private final int[] successBefore;
    private final int[] byOutcomeBefore;
    private final int[] byIncidentOnlyBefore;
    private final int[] reworkBefore;
    private final int[] noChangesBefore;
    private final long[] unknownBefore;
    // per stream, the local days with a successful deployment: runs of successes by day
    private final int[] runFrom; // per stream, size streams + 1
    private final long[] runDay; // epoch day in the configured zone
    private final long[] runFirst; // the day's first successful finish of the stream
    private final long[] runLast; // and its last
    private final int[] unknownCommits;
    private final boolean[] noChanges;
    private final Map<String, Integer> deploymentIndex;

    // incidents sorted by stream, start, id
    private final int[] incidentFrom; // per stream
    private final long[] incidentStart;
    private final long[] incidentRestore; // -1 when open
    private final OrderIndex restoreIndex; // restore times in incident order, closed ones included
    // production incidents of every stream by start: a window of the whole is one range
    private final long[] productionIncidentStart;
    private final OrderIndex productionRestoreIndex;

    private DoraDataset(DoraEvents events, DoraConfig config) {
        this(events, config, null);
    }

    private DoraDataset(DoraEvents events, DoraConfig config, @Nullable ListedChanges bulk) {
        this.config = config;
        List<Deployment> finished = new ArrayList<>();
        int[] finishedInput = bulk == null ? null : new int[events.deployments().size()];
        Map<String, Integer> seenIds = new HashMap<>();
        List<Deployment> all = events.deployments();
        for (int i = 0; i < all.size(); i++) {
            Deployment d = all.get(i);
            if (seenIds.put(d.id(), i) != null) {
                throw Checks.invalid("deployments[" + i + "].id", "must be unique", d.id());
            }
            millis(d.started(), "deployments[" + i + "].started");
            if (d.finished() != null) {
                millis(d.finished(), "deployments[" + i + "].finished");
                if (finishedInput != null) {
                    finishedInput[finished.size()] = i;
                }
                finished.add(d);
            }
        }
        List<Incident> incidents = events.incidents();
        Map<String, Integer> seenIncidents = new HashMap<>();
        for (int i = 0; i < incidents.size(); i++) {
            Incident inc = incidents.get(i);
            if (seenIncidents.put(inc.id(), i) != null) {
                throw Checks.invalid("incidents[" + i + "].id", "must be unique", inc.id());
            }
            millis(inc.started(), "incidents[" + i + "].started");
            Optional<Instant> ended = inc.impactEnded();
            if (ended.isPresent()) {
                millis(ended.get(), "incidents[" + i + "].mitigated");
            }
        }

        // streams
        TreeMap<String, TreeSet<String>> keys = new TreeMap<>();
        for (Deployment d : finished) {
            keys.computeIfAbsent(d.service(), k -> new TreeSet<>()).add(d.environment());
        }
        for (Incident inc : incidents) {
            keys.computeIfAbsent(inc.service(), k -> new TreeSet<>()).add(inc.environment());
        }
        List<String> svc = new ArrayList<>();
        List<String> env = new ArrayList<>();
        Map<String, Map<String, Integer>> ids = new HashMap<>();
        for (Map.Entry<String, TreeSet<String>> e : keys.entrySet()) {
            Map<String, Integer> byEnv = new HashMap<>();
            for (String en : e.getValue()) {
                byEnv.put(en, svc.size());
                svc.add(e.getKey());
                env.add(en);
            }
            ids.put(e.getKey(), byEnv);
        }
        int streams = svc.size();
        this.streamService = svc.toArray(new String[0]);
        this.streamEnvironment = env.toArray(new String[0]);
        this.streamIds = ids;
        this.streamProduction = new boolean[streams];
        for (int s = 0; s < streams; s++) {
            streamProduction[s] = config.productionEnvironments().contains(streamEnvironment[s]);
        }

        // deployments: counting sort by stream, then merge sort by (finish, id) within each stream
        int n = finished.size();
        int[] streamOf = new int[n];
        long[] rawFinish = new long[n];
        this.deploymentFrom = new int[streams + 1];
        for (int i = 0; i < n; i++) {
            Deployment d = finished.get(i);
            streamOf[i] = stream(d.service(), d.environment());
            rawFinish[i] = toMillis(d.finished());
            deploymentFrom[streamOf[i] + 1]++;
        }
        for (int s = 0; s < streams; s++) {
            deploymentFrom[s + 1] += deploymentFrom[s];
        }
        Deployment[] raw = finished.toArray(new Deployment[0]);
        // by finish (ties by id, then input order), then stably by stream
        int[] byFinish = IndexSort.orderByKey(rawFinish, (x, y) -> raw[x].id().compareTo(raw[y].id()));
        int[] order = new int[n];
        int[] next = Arrays.copyOf(deploymentFrom, streams);
        for (int i : byFinish) {
            order[next[streamOf[i]]++] = i;
        }
        this.deployments = new Deployment[n];
        this.finish = new long[n];
        this.success = new boolean[n];
        this.failedByOutcome = new boolean[n];
        this.failedByIncident = new boolean[n];
        this.rework = new boolean[n];
        this.recovery = new long[n];
        this.deploymentIndex = new HashMap<>(Math.max(16, n * 2));
        for (int k = 0; k < n; k++) {
            Deployment d = raw[order[k]];
            deployments[k] = d;
            finish[k] = rawFinish[order[k]];
            success[k] = !d.isFailure();
            failedByOutcome[k] = d.isFailure();
            deploymentIndex.put(d.id(), k);
        }

        // incidents: attribution, then sorted by stream, start, id
        int m = incidents.size();
        IncidentAttribution attribution = config.incidentAttribution();
        Lookup lookup = new Lookup();
        int[] incStream = new int[m];
        long[] rawStart = new long[m];
        long[] rawEnd = new long[m];
        this.incidentFrom = new int[streams + 1];
        for (int i = 0; i < m; i++) {
            Incident inc = incidents.get(i);
            incStream[i] = stream(inc.service(), inc.environment());
            rawStart[i] = toMillis(inc.started());
            Optional<Instant> end = inc.impactEnded();
            rawEnd[i] = end.isPresent() ? toMillis(end.get()) : Long.MAX_VALUE;
            incidentFrom[incStream[i] + 1]++;
            Optional<Deployment> cause = attribution.causeOf(inc, lookup);
            if (cause == null) {
                throw Checks.invalid("incidentAttribution", "must not return null", attribution.getClass().getName());
            }
            if (cause.isPresent()) {
                Integer k = deploymentIndex.get(cause.get().id());
                if (k != null && deployments[k].equals(cause.get())) {
                    failedByIncident[k] = true;
                }
            }
        }
        for (int s = 0; s < streams; s++) {
            incidentFrom[s + 1] += incidentFrom[s];
        }
        int[] incOrder = new int[m];
        int[] incNext = Arrays.copyOf(incidentFrom, streams);
        for (int i = 0; i < m; i++) {
            incOrder[incNext[incStream[i]]++] = i;
        }
        IndexSort.sort(incOrder, (x, y) -> {
            int c = Long.compare(rawStart[x], rawStart[y]);
            return c != 0 ? c : incidents.get(x).id().compareTo(incidents.get(y).id());
        }, incidentFrom);
        this.incidentStart = new long[m];
        this.incidentRestore = new long[m];
        long[] incidentEnd = new long[m];
        for (int k = 0; k < m; k++) {
            int i = incOrder[k];
            incidentStart[k] = rawStart[i];
            incidentEnd[k] = rawEnd[i];
            incidentRestore[k] = rawEnd[i] == Long.MAX_VALUE ? -1 : rawEnd[i] - rawStart[i];
        }

        // recovery and rework, per stream in finish order
        for (int s = 0; s < streams; s++) {
            long nextGood = NONE;
            for (int k = deploymentFrom[s + 1] - 1; k >= deploymentFrom[s]; k--) {
                boolean failed = failedByOutcome[k] || failedByIncident[k];
                recovery[k] = failed && nextGood != NONE ? nextGood - finish[k] : -1;
                if (!failed) {
                    nextGood = finish[k];
                }
            }
            int j = incidentFrom[s];
            long maxEnd = NONE;
            boolean previousFailed = false;
            for (int k = deploymentFrom[s]; k < deploymentFrom[s + 1]; k++) {
                // open incident: started strictly before the finish, impact ended at or after it
                // (a deployment finishing as the impact ends is the fix; one finishing as it starts is not)
                while (j < incidentFrom[s + 1] && incidentStart[j] < finish[k]) {
                    maxEnd = Math.max(maxEnd, incidentEnd[j]);
                    j++;
                }
                rework[k] = success[k] && (previousFailed || maxEnd >= finish[k]);
                previousFailed = failedByOutcome[k] || failedByIncident[k];
            }
        }

        // lead times
        this.leadFrom = new int[n + 1];
        this.unknownCommits = new int[n];
        this.noChanges = new boolean[n];
        int[] bulkOf = null; // per indexed deployment, its input index (bulk changes only)
        if (bulk != null) {
            bulkOf = new int[n];
            for (int k = 0; k < n; k++) {
                bulkOf[k] = finishedInput[order[k]];
            }
        }
        long[] leadMillis = attributeChanges(events, bulk, bulkOf);
        this.changes = leadMillis.length;
        this.leadIndex = new OrderIndex(leadMillis, 1);
        this.restoreIndex = new OrderIndex(incidentRestore, 0);
        int production = 0;
        for (int s = 0; s < streams; s++) {
            production += streamProduction[s] ? incidentFrom[s + 1] - incidentFrom[s] : 0;
        }
        long[] prodStart = new long[production];
        long[] prodRestore = new long[production];
        int p = 0;
        for (int s = 0; s < streams; s++) {
            if (streamProduction[s]) {
                for (int k = incidentFrom[s]; k < incidentFrom[s + 1]; k++) {
                    prodStart[p] = incidentStart[k];
                    prodRestore[p++] = incidentRestore[k];
                }
            }
        }
        int[] byStart = IndexSort.orderByKey(prodStart, (x, y) -> 0);
        this.productionIncidentStart = new long[production];
        long[] restoreByStart = new long[production];
        for (int i = 0; i < production; i++) {
            productionIncidentStart[i] = prodStart[byStart[i]];
            restoreByStart[i] = prodRestore[byStart[i]];
        }
        this.productionRestoreIndex = new OrderIndex(restoreByStart, 0);

        // prefix counts, so that a window's counts are differences, not loops
        this.successBefore = new int[n + 1];
        this.byOutcomeBefore = new int[n + 1];
        this.byIncidentOnlyBefore = new int[n + 1];
        this.reworkBefore = new int[n + 1];
        this.noChangesBefore = new int[n + 1];
        this.unknownBefore = new long[n + 1];
        for (int k = 0; k < n; k++) {
            successBefore[k + 1] = successBefore[k] + (success[k] ? 1 : 0);
            byOutcomeBefore[k + 1] = byOutcomeBefore[k] + (failedByOutcome[k] ? 1 : 0);
            byIncidentOnlyBefore[k + 1] = byIncidentOnlyBefore[k] + (!failedByOutcome[k] && failedByIncident[k] ? 1 : 0);
            reworkBefore[k + 1] = reworkBefore[k] + (rework[k] ? 1 : 0);
            noChangesBefore[k + 1] = noChangesBefore[k] + (success[k] && noChanges[k] ? 1 : 0);
            unknownBefore[k + 1] = unknownBefore[k] + (success[k] ? unknownCommits[k] : 0);
        }

        // day runs of successful deployments, per stream
        java.time.zone.ZoneRules rules = config.zone().getRules();
        long offset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L : 0;
        int successes = successBefore[n];
        long[] days = new long[successes];
        long[] firsts = new long[successes];
        long[] lasts = new long[successes];
        this.runFrom = new int[streams + 1];
        int runs = 0;
        for (int s = 0; s < streams; s++) {
            runFrom[s] = runs;
            for (int k = deploymentFrom[s]; k < deploymentFrom[s + 1]; k++) {
                if (!success[k]) {
                    continue;
                }
                long f = finish[k];
                long day = rules.isFixedOffset() ? Math.floorDiv(f + offset, 86_400_000L)
                        : LocalDate.ofInstant(Instant.ofEpochMilli(f), config.zone()).toEpochDay();
                if (runs > runFrom[s] && days[runs - 1] == day) {
                    lasts[runs - 1] = f;
                } else {
                    days[runs] = day;
                    firsts[runs] = f;
                    lasts[runs] = f;
                    runs++;
                }
            }
        }
        runFrom[streams] = runs;
        this.runDay = Arrays.copyOf(days, runs);
        this.runFirst = Arrays.copyOf(firsts, runs);
        this.runLast = Arrays.copyOf(lasts, runs);
        LOG.debug("indexed {} finished deployments in {} streams, {} incidents, {} changes ({} + {} index bytes)", n,
                streams, m, changes, leadIndex.bytes(), restoreIndex.bytes());
    }

    /**
     * Indexes events.
     *
     * @param events the events
     * @param config the config
     * @return the dataset
     * @throws IllegalArgumentException if an argument is null, an id repeats, a sha is timed twice
     *     differently, an instant is out of range, or the attribution misbehaves
     */
    public static DoraDataset of(DoraEvents events, DoraConfig config) {
        Checks.notNull(events, "events");
        Checks.notNull(config, "config");
        return new DoraDataset(events, config);
    }

    /**
     * Indexes events with the default config.
     *
     * @param events the events
     * @return the dataset
     * @throws IllegalArgumentException on bad input
     */
    public static DoraDataset of(DoraEvents events) {
        return of(events, DoraConfig.ofDefaults());
    }

    /**
     * The config.
     *
     * @return the config
     */
    public DoraConfig config() {
        return config;
    }

    /**
     * The number of finished deployments indexed (all environments).
     *
     * @return the count
     */
    public int deploymentCount() {
        return deployments.length;
    }

    /**
     * The number of changes attributed to successful production deployments (all windows).
     *
     * @return the count
     */
    public int changeCount() {
        return changes;
    }

    /**
     * Indexes events whose deployments' listed changes come as primitive arrays instead of
     * {@link Commit}s named by sha (a bulk load, e.g. of a git history: no object per change). The
     * changes of the deployment at index {@code i} of {@code events.deployments()} are the entries
     * {@code changesFrom[i] .. changesFrom[i + 1] - 1} of the time arrays; they count exactly as if
     * that deployment listed them by distinct shas of commits with these times (they make it a
     * listed deployment under {@link CommitScope#LISTED_OR_RANGE}, and are ignored under
     * {@link CommitScope#RANGE} like any list). A deployment given bulk changes must list no sha
     * itself. The arrays are read during the call and not retained.
     *
     * @param events the events (their commits and histories count as in {@link #of(DoraEvents, DoraConfig)})
     * @param config the config
     * @param changesFrom per deployment the first index of its changes, then the end: size
     *     deployments + 1, from 0, non-decreasing, ending at the length of the time arrays
     * @param authoredMillis per change, the author time in epoch milliseconds
     * @param committedMillis per change, the commit time in epoch milliseconds
     * @return the dataset
     * @throws IllegalArgumentException on what {@link #of(DoraEvents, DoraConfig)} refuses, an array
     *     that is null or of the wrong size, offsets out of order, a time out of range, or a
     *     deployment with both bulk changes and listed shas
     */
    public static DoraDataset ofListedChanges(DoraEvents events, DoraConfig config, int[] changesFrom,
            long[] authoredMillis, long[] committedMillis) {
        Checks.notNull(events, "events");
        Checks.notNull(config, "config");
        Checks.notNull(changesFrom, "changesFrom");
        Checks.notNull(authoredMillis, "authoredMillis");
        Checks.notNull(committedMillis, "committedMillis");
        int d = events.deployments().size();
        if (changesFrom.length != d + 1) {
            throw Checks.invalid("changesFrom", "must have deployments + 1 = " + (d + 1) + " entries",
                    changesFrom.length);
        }
        if (committedMillis.length != authoredMillis.length) {
            throw Checks.invalid("committedMillis", "must have as many entries as authoredMillis ("
                    + authoredMillis.length + ")", committedMillis.length);
        }
        if (changesFrom[0] != 0) {
            throw Checks.invalid("changesFrom[0]", "must be 0", changesFrom[0]);
        }
        if (changesFrom[d] != authoredMillis.length) {
            throw Checks.invalid("changesFrom[" + d + "]", "must be the number of changes " + authoredMillis.length,
                    changesFrom[d]);
        }
        for (int i = 0; i < d; i++) {
            if (changesFrom[i + 1] < changesFrom[i]) {
                throw Checks.invalid("changesFrom[" + (i + 1) + "]", "must not be below changesFrom[" + i + "] = "
                        + changesFrom[i], changesFrom[i + 1]);
            }
            if (changesFrom[i + 1] > changesFrom[i] && !events.deployments().get(i).commits().isEmpty()) {
                throw Checks.invalid("deployments[" + i + "].commits", "must be empty when bulk changes are given",
                        events.deployments().get(i).commits().size() + " shas");
            }
        }
        inRange(authoredMillis, "authoredMillis");
        inRange(committedMillis, "committedMillis");
        return new DoraDataset(events, config, new ListedChanges(changesFrom, authoredMillis, committedMillis));
    }

    private static void inRange(long[] epochMillis, String field) {
        for (int c = 0; c < epochMillis.length; c++) {
            if (epochMillis[c] > MAX_EPOCH_MILLIS || epochMillis[c] < -MAX_EPOCH_MILLIS) {
                throw Checks.invalid(field + "[" + c + "]", "must lie within 2^53 milliseconds of the epoch",
                        epochMillis[c]);
            }
        }
    }

    /** Bulk listed changes: per input deployment a range of the time arrays. */
    private record ListedChanges(int[] from, long[] authored, long[] committed) {}

    private long[] attributeChanges(DoraEvents events, @Nullable ListedChanges bulk, int @Nullable [] bulkOf) {
        CommitScope scope = config.commitScope();
        boolean authored = config.leadTimeStart() == LeadTimeStart.AUTHORED;
        // listed commits by sha
        List<Commit> commits = events.commits();
        Map<String, Integer> shaIndex = new HashMap<>(Math.max(16, (int) Math.min(1 << 30, commits.size() * 4L / 3 + 1)));
        long[] commitStart = new long[commits.size()];
        List<Commit> kept = new ArrayList<>();
        for (int i = 0; i < commits.size(); i++) {
            Commit c = commits.get(i);
            String sha = c.sha().toLowerCase(Locale.ROOT);
            Integer prior = shaIndex.get(sha);
            if (prior != null) {
                Commit p = kept.get(prior);
                if (!p.authored().equals(c.authored()) || !p.committed().equals(c.committed())) {
                    throw Checks.invalid("commits[" + i + "].sha", "must not repeat with other timestamps", c.sha());
                }
                continue;
            }
            commitStart[kept.size()] = millis(authored ? c.authored() : c.committed(), "commits[" + i + "]");
            millis(c.committed(), "commits[" + i + "].committed");
            shaIndex.put(sha, kept.size());
            kept.add(c);
        }
        int[] lastStream = new int[kept.size()];
        Arrays.fill(lastStream, -1);
        // histories, per service sorted by commit time then sha
        Map<String, History> histories = new HashMap<>();
        for (Map.Entry<String, List<Commit>> e : events.histories().entrySet()) {
            histories.put(e.getKey(), History.of(e.getKey(), e.getValue(), authored));
        }

        long historySize = 0;
        for (List<Commit> h : events.histories().values()) {
            historySize += h.size();
        }
        long bulkSize = bulk == null ? 0 : bulk.authored().length;
        LongBuffer out = new LongBuffer((int) Math.min(Integer.MAX_VALUE - 8L,
                Math.max(16, kept.size() + historySize + bulkSize)));
        int streams = streamService.length;
        for (int s = 0; s < streams; s++) {
            int from = deploymentFrom[s];
            int to = deploymentFrom[s + 1];
            if (!streamProduction[s]) {
                for (int k = from; k < to; k++) {
                    leadFrom[k + 1] = out.size;
                }
                continue;
            }
            History history = histories.get(streamService[s]);
            long previousSuccess = NONE;
            for (int k = from; k < to; k++) {
                leadFrom[k] = out.size;
                if (success[k]) {
                    Deployment d = deployments[k];
                    long f = finish[k];
                    int bulkFrom = 0;
                    int bulkTo = 0;
                    if (bulk != null) {
                        bulkFrom = bulk.from()[bulkOf[k]];
                        bulkTo = bulk.from()[bulkOf[k] + 1];
                    }
                    boolean listed = scope == CommitScope.LISTED
                            || (scope == CommitScope.LISTED_OR_RANGE && (!d.commits().isEmpty() || bulkTo > bulkFrom));
                    int before = out.size;
                    if (listed) {
                        List<String> shas = d.commits();
                        for (int c = 0; c < shas.size(); c++) {
                            Integer idx = shaIndex.get(shas.get(c).toLowerCase(Locale.ROOT));
                            if (idx == null) {
                                unknownCommits[k]++;
                            } else if (lastStream[idx] != s) {
                                lastStream[idx] = s;
                                out.add(f - commitStart[idx]);
                            }
                        }
                        if (bulkTo > bulkFrom) {
                            long[] starts = authored ? bulk.authored() : bulk.committed();
                            for (int c = bulkFrom; c < bulkTo; c++) {
                                out.add(f - starts[c]);
                            }
                        }
                    } else {
                        long rangeStart = previousSuccess;
                        String prevId = d.previousDeploymentId();
                        if (prevId != null) {
                            Integer p = deploymentIndex.get(prevId);
                            if (p != null && p >= from && p < k) {
                                rangeStart = finish[p];
                            }
                        }
                        if (rangeStart != NONE && history != null) {
                            history.appendRange(rangeStart, f, out);
                        }
                    }
                    noChanges[k] = out.size == before && unknownCommits[k] == 0;
                    previousSuccess = f;
                }
                leadFrom[k + 1] = out.size;
            }
        }
        return out.toArray();
    }

    /**
     * All DORA figures of everything in a window.
     *
     * @param window the window, not empty
     * @return the report
     * @throws IllegalArgumentException if the window is null, empty, out of range or longer than
     *     {@link #MAX_WINDOW_DAYS} calendar days
     */
    public DoraReport report(Interval window) {
        return report(window, Slice.ALL);
    }

    /**
     * All DORA figures of one slice in a window. A slice value that matches nothing gives a report
     * without data.
     *
     * @param window the window
     * @param slice the slice
     * @return the report
     * @throws IllegalArgumentException on a bad window or a null slice
     */
    public DoraReport report(Interval window, Slice slice) {
        Checks.notNull(slice, "slice");
        return report(window, window(window), slice);
    }

    private DoraReport report(Interval window, Window w, Slice slice) {
        boolean[] mask = mask(slice);
        DeploymentFrequency df = deploymentFrequency(w, mask);
        LeadTime lt = leadTime(w, mask);
        ChangeFailureRate cfr = changeFailureRate(w, mask);
        TimeToRestore ttr = timeToRestore(w, mask);
        RecoveryTime rt = recoveryTime(w, mask);
        Rate rw = reworkRate(w, mask);
        DoraCounts counts = new DoraCounts(cfr.deployments(), df.deployments(), cfr.failed(), rw.numerator(),
                lt.summary().sampleSize(), lt.nonPositiveDropped(), ttr.incidents(), ttr.open());
        DoraReport report = new DoraReport(window, slice, df, lt, cfr, ttr, rt, rw, counts);
        LOG.debug("DORA report {} {}: {}", slice, window, counts);
        return report;
    }

    /**
     * One report per value of a dimension (production streams only), in value order. The reports'
     * {@link DoraReport#counts() counts} add up to those of {@link #report(Interval)}.
     *
     * @param window the window
     * @param dimension the dimension
     * @return the reports by slice
     * @throws IllegalArgumentException on a bad window or a null dimension
     */
    public Map<Slice, DoraReport> slices(Interval window, SliceDimension dimension) {
        Checks.notNull(dimension, "dimension");
        Window w = window(window);
        Map<Slice, DoraReport> out = new LinkedHashMap<>();
        if (dimension == SliceDimension.ALL) {
            out.put(Slice.ALL, report(window, w, Slice.ALL));
            return out;
        }
        TreeSet<String> values = new TreeSet<>();
        for (int s = 0; s < streamService.length; s++) {
            if (streamProduction[s]) {
                values.add(sliceValue(s, dimension));
            }
        }
        for (String v : values) {
            Slice slice = Slice.of(dimension, v);
            out.put(slice, report(window, w, slice));
        }
        return out;
    }

    /**
     * Deployment frequency of everything in a window.
     *
     * @param window the window
     * @return the figures
     * @throws IllegalArgumentException on a bad window
     */
    public DeploymentFrequency deploymentFrequency(Interval window) {
        return deploymentFrequency(window(window), mask(Slice.ALL));
    }

    /**
     * Lead time for changes of everything in a window.
     *
     * @param window the window
     * @return the figures
     * @throws IllegalArgumentException on a bad window
     */
    public LeadTime leadTime(Interval window) {
        return leadTime(window(window), mask(Slice.ALL));
    }

    /**
     * The lead-time histogram of everything in a window: per bucket {@code [bounds[i], bounds[i + 1])}
     * the number of measured (positive) lead times, counted by rank queries of the order index (one
     * descent per bound, O(S x levels) word reads for S streams; no value is read or copied). Lead
     * times are whole milliseconds, so a bound with a fraction of a millisecond counts from the next
     * millisecond up.
     *
     * @param window the window
     * @param bounds the bucket bounds, strictly ascending, none negative, 2 to
     *     {@link LeadTimeHistogram#MAX_BOUNDS}; {@link LeadTimeHistogram#DEFAULT_BOUNDS} for the defaults
     * @return the histogram; its {@link LeadTimeHistogram#total() total} is the sample size of
     *     {@link #leadTime(Interval)}
     * @throws IllegalArgumentException on a bad window or bad bounds
     */
    public LeadTimeHistogram leadTimeHistogram(Interval window, List<Duration> bounds) {
        return leadTimeHistogram(window, Slice.ALL, bounds);
    }

    /**
     * The lead-time histogram of one slice in a window (see {@link #leadTimeHistogram(Interval, List)}).
     *
     * @param window the window
     * @param slice the slice
     * @param bounds the bucket bounds
     * @return the histogram
     * @throws IllegalArgumentException on a bad window, a null slice or bad bounds
     */
    public LeadTimeHistogram leadTimeHistogram(Interval window, Slice slice, List<Duration> bounds) {
        Checks.notNull(slice, "slice");
        List<Duration> checked = LeadTimeHistogram.checkBounds(bounds);
        Window w = window(window);
        boolean[] mask = mask(slice);
        int[] from = new int[mask.length];
        int[] to = new int[mask.length];
        int count = 0;
        for (int s = 0; s < mask.length; s++) {
            if (mask[s] && streamProduction[s]) {
                int lo = lowerBound(finish, deploymentFrom[s], deploymentFrom[s + 1], w.start);
                int hi = lowerBound(finish, lo, deploymentFrom[s + 1], w.end);
                count = addRange(from, to, count, leadFrom[lo], leadFrom[hi]);
            }
        }
        int[] f = Arrays.copyOf(from, count);
        int[] t = Arrays.copyOf(to, count);
        long excluded = leadIndex.excluded(f, t, count);
        long all = 0;
        for (int j = 0; j < count; j++) {
            all += to[j] - from[j];
        }
        long measured = all - excluded;
        int k = checked.size();
        long[] below = new long[k]; // measured lead times below each bound
        for (int i = 0; i < k; i++) {
            long bound = ceilMillis(checked.get(i));
            if (measured == 0 || (i > 0 && bound == ceilMillis(checked.get(i - 1)))) {
                below[i] = i == 0 ? 0 : below[i - 1];
                continue;
            }
            System.arraycopy(from, 0, f, 0, count);
            System.arraycopy(to, 0, t, 0, count);
            below[i] = leadIndex.includedBelow(f, t, count, bound, excluded);
        }
        Long[] counts = new Long[k - 1];
        for (int i = 0; i + 1 < k; i++) {
            counts[i] = below[i + 1] - below[i];
        }
        return new LeadTimeHistogram(checked, List.of(counts), below[0], measured - below[k - 1]);
    }

    /** A non-negative duration in milliseconds, rounded up, saturated at {@code Long.MAX_VALUE}. */
    private static long ceilMillis(Duration d) {
        long seconds = d.getSeconds();
        if (seconds >= Long.MAX_VALUE / 1000) {
            return Long.MAX_VALUE;
        }
        int nanos = d.getNano();
        return seconds * 1000 + nanos / 1_000_000 + (nanos % 1_000_000 == 0 ? 0 : 1);
    }

    /**
     * Change failure rate of everything in a window.
     *
     * @param window the window
     * @return the figures
     * @throws IllegalArgumentException on a bad window
     */
    public ChangeFailureRate changeFailureRate(Interval window) {
        return changeFailureRate(window(window), mask(Slice.ALL));
    }

    /**
     * Time to restore of everything in a window.
     *
     * @param window the window
     * @return the figures
     * @throws IllegalArgumentException on a bad window
     */
    public TimeToRestore timeToRestore(Interval window) {
        return timeToRestore(window(window), mask(Slice.ALL));
    }

    /**
     * Failed-deployment recovery time of everything in a window.
     *
     * @param window the window
     * @return the figures
     * @throws IllegalArgumentException on a bad window
     */
    public RecoveryTime recoveryTime(Interval window) {
        return recoveryTime(window(window), mask(Slice.ALL));
    }

    /**
     * Deployment rework rate of everything in a window: successful production deployments that
     * followed a failed one of the same service and environment, or finished while a production
     * incident of that service and environment was open (after its impact started, up to and
     * including the instant its impact ended), over all finished production deployments.
     *
     * @param window the window
     * @return the rate
     * @throws IllegalArgumentException on a bad window
     */
    public Rate reworkRate(Interval window) {
        return reworkRate(window(window), mask(Slice.ALL));
    }

    // ---- queries on primitive arrays

    private DeploymentFrequency deploymentFrequency(Window window, boolean[] mask) {
        Window w = window.calendar();
        int days = w.dayStart.length;
        boolean[] deployed = new boolean[days];
        long firstDay = w.first.toEpochDay();
        long count = 0;
        for (int s = 0; s < mask.length; s++) {
            if (!mask[s]) {
                continue;
            }
            int lo = lowerBound(finish, deploymentFrom[s], deploymentFrom[s + 1], w.start);
            int hi = lowerBound(finish, lo, deploymentFrom[s + 1], w.end);
            int c = successBefore[hi] - successBefore[lo];
            if (c == 0) {
                continue;
            }
            count += c;
            // the stream's days with a success: the runs that end at or after the start and begin
            // before the end; only the first and the last may lie partly outside the window
            int r0 = lowerBound(runLast, runFrom[s], runFrom[s + 1], w.start);
            int r1 = lowerBound(runFirst, r0, runFrom[s + 1], w.end);
            for (int r = r0; r < r1; r++) {
                boolean inside = (r > r0 || runFirst[r] >= w.start) && (r < r1 - 1 || runLast[r] < w.end);
                if (!inside) {
                    int a = lowerBound(finish, lo, hi, Math.max(w.start, runFirst[r]));
                    int b = lowerBound(finish, a, hi, Math.min(w.end, runLast[r] + 1));
                    inside = successBefore[b] > successBefore[a];
                }
                if (inside) {
                    deployed[(int) (runDay[r] - firstDay)] = true;
                }
            }
        }
        double[] perWeek = new double[w.weeks];
        double[] perMonth = new double[w.months];
        double[] perHalf = new double[(w.months + 5) / 6];
        long deploymentDays = 0;
        for (int d = 0; d < days; d++) {
            if (deployed[d]) {
                deploymentDays++;
                perWeek[w.weekOf[d]]++;
                perMonth[w.monthOf[d]]++;
                perHalf[w.monthOf[d] / 6]++;
            }
        }
        // Four Keys: per week, "deployed" 0/1; per week row, the deployed weeks of the week-start's month
        double[] weekDeployed = new double[w.weeks];
        double[] monthly = new double[w.weeks];
        for (int k = 0; k < w.weeks; k++) {
            weekDeployed[k] = perWeek[k] > 0 ? 1 : 0;
        }
        // weeks are in order, so the weeks of one week-start month are consecutive
        for (int k = 0; k < w.weeks;) {
            int j = k;
            double sum = 0;
            while (j < w.weeks && w.weekMonth[j] == w.weekMonth[k]) {
                sum += weekDeployed[j++];
            }
            Arrays.fill(monthly, k, j, sum);
            k = j;
        }
        FourKeysBucket bucket;
        if (Quantiles.quantile(perWeek, 0.5) >= 3) {
            bucket = FourKeysBucket.DAILY;
        } else if (Quantiles.quantile(weekDeployed, 0.5) >= 1) {
            bucket = FourKeysBucket.WEEKLY;
        } else if (Quantiles.quantile(monthly, 0.5) >= 1) {
            bucket = FourKeysBucket.MONTHLY;
        } else {
            bucket = FourKeysBucket.YEARLY;
        }
        double windowDays = (w.end - w.start) / MILLIS_PER_DAY;
        double perDay = count / windowDays;
        var def = config.quantileDefinition();
        return new DeploymentFrequency(count, windowDays, perDay, perDay * 7, days, deploymentDays,
                Quantiles.quantile(perWeek, 0.5, def), Quantiles.quantile(perMonth, 0.5, def),
                Quantiles.quantile(perHalf, 0.5, def), bucket);
    }

    private LeadTime leadTime(Window w, boolean[] mask) {
        long deploymentsInWindow = 0;
        long without = 0;
        long unknown = 0;
        int[] from = new int[mask.length];
        int[] to = new int[mask.length];
        int count = 0;
        for (int s = 0; s < mask.length; s++) {
            if (!mask[s] || !streamProduction[s]) {
                continue;
            }
            int lo = lowerBound(finish, deploymentFrom[s], deploymentFrom[s + 1], w.start);
            int hi = lowerBound(finish, lo, deploymentFrom[s + 1], w.end);
            deploymentsInWindow += successBefore[hi] - successBefore[lo];
            without += noChangesBefore[hi] - noChangesBefore[lo];
            unknown += unknownBefore[hi] - unknownBefore[lo];
            count = addRange(from, to, count, leadFrom[lo], leadFrom[hi]);
        }
        long[] sizes = new long[2];
        DurationSummary summary = summarise(leadIndex, from, to, count, sizes);
        return new LeadTime(summary, sizes[1], unknown, deploymentsInWindow, without);
    }

    private ChangeFailureRate changeFailureRate(Window w, boolean[] mask) {
        long all = 0;
        long byOutcome = 0;
        long byIncident = 0;
        for (int s = 0; s < mask.length; s++) {
            if (!mask[s] || !streamProduction[s]) {
                continue;
            }
            int lo = lowerBound(finish, deploymentFrom[s], deploymentFrom[s + 1], w.start);
            int hi = lowerBound(finish, lo, deploymentFrom[s + 1], w.end);
            all += hi - lo;
            byOutcome += byOutcomeBefore[hi] - byOutcomeBefore[lo];
            byIncident += byIncidentOnlyBefore[hi] - byIncidentOnlyBefore[lo];
        }
        return new ChangeFailureRate(all, byOutcome + byIncident, byOutcome, byIncident, incidentStart.length > 0);
    }

    private TimeToRestore timeToRestore(Window w, boolean[] mask) {
        if (Arrays.equals(mask, streamProduction)) {
            // every production stream: one range of the incidents by start
            int lo = lowerBound(productionIncidentStart, 0, productionIncidentStart.length, w.start);
            int hi = lowerBound(productionIncidentStart, lo, productionIncidentStart.length, w.end);
            long[] sizes = new long[2];
            DurationSummary summary = summarise(productionRestoreIndex, new int[] {lo}, new int[] {hi}, lo < hi ? 1 : 0,
                    sizes);
            return new TimeToRestore(summary, sizes[0], sizes[1]);
        }
        int[] from = new int[mask.length];
        int[] to = new int[mask.length];
        int count = 0;
        for (int s = 0; s < mask.length; s++) {
            if (mask[s] && streamProduction[s]) {
                int lo = lowerBound(incidentStart, incidentFrom[s], incidentFrom[s + 1], w.start);
                int hi = lowerBound(incidentStart, lo, incidentFrom[s + 1], w.end);
                count = addRange(from, to, count, lo, hi);
            }
        }
        long[] sizes = new long[2];
        DurationSummary summary = summarise(restoreIndex, from, to, count, sizes);
        return new TimeToRestore(summary, sizes[0], sizes[1]);
    }

    /** Appends {@code [a, b)} to the ranges, merged with the last one when adjacent; the new count. */
    private static int addRange(int[] from, int[] to, int count, int a, int b) {
        if (a >= b) {
            return count;
        }
        if (count > 0 && to[count - 1] == a) {
            to[count - 1] = b;
            return count;
        }
        from[count] = a;
        to[count] = b;
        return count + 1;
    }

    /**
     * Median, P90, P95 and mean of the included values in the ranges, read from the order index:
     * each quantile is one or two k-th selections, the mean one difference of prefix sums per range.
     * {@code sizes} receives the number of values in the ranges and of excluded ones.
     */
    private DurationSummary summarise(OrderIndex index, int[] from, int[] to, int count, long[] sizes) {
        long all = 0;
        for (int j = 0; j < count; j++) {
            all += to[j] - from[j];
        }
        int[] f = Arrays.copyOf(from, count);
        int[] t = Arrays.copyOf(to, count);
        long excluded = index.excluded(f, t, count);
        sizes[0] = all;
        sizes[1] = excluded;
        long size = all - excluded;
        if (size == 0) {
            return DurationSummary.empty();
        }
        var def = config.quantileDefinition();
        double mean = index.sum(from, to, count) / size;
        double median = quantile(index, from, to, count, excluded, size, 0.5, def, f, t);
        double p90 = quantile(index, from, to, count, excluded, size, 0.9, def, f, t);
        double p95 = quantile(index, from, to, count, excluded, size, 0.95, def, f, t);
        return new DurationSummary(size, OptionalDouble.of(median), OptionalDouble.of(p90), OptionalDouble.of(p95),
                OptionalDouble.of(mean));
    }

    /** One quantile under the definition of {@link Quantiles}, from order statistics of the index. */
    private static double quantile(OrderIndex index, int[] from, int[] to, int count, long excluded, long size,
            double p, Quantiles.QuantileDefinition def, int[] f, int[] t) {
        if (def == Quantiles.QuantileDefinition.NEAREST_RANK) {
            long rank = (long) Math.ceil(snap(p * size));
            return kth(index, from, to, count, excluded + Math.max(0, Math.min(size - 1, rank - 1)), f, t);
        }
        double h = snap((size - 1) * p);
        long k = (long) h;
        double lower = kth(index, from, to, count, excluded + k, f, t);
        double frac = h - k;
        if (def == Quantiles.QuantileDefinition.LOWER || frac == 0 || k + 1 >= size) {
            return lower;
        }
        double upper = kth(index, from, to, count, excluded + k + 1, f, t);
        // as Quantiles: R-7, kept within [lower, upper]
        return Math.max(lower, Math.min(upper, lower + frac * (upper - lower)));
    }

    private static double kth(OrderIndex index, int[] from, int[] to, int count, long k, int[] f, int[] t) {
        System.arraycopy(from, 0, f, 0, count);
        System.arraycopy(to, 0, t, 0, count);
        return index.kth(f, t, count, k);
    }

    /** As {@code Quantiles}: a position within four ulps of an integer is that integer. */
    private static double snap(double x) {
        double r = Math.rint(x);
        return Math.abs(x - r) <= 4 * Math.ulp(Math.max(1.0, x)) ? r : x;
    }

    private RecoveryTime recoveryTime(Window w, boolean[] mask) {
        long failed = 0;
        int recovered = 0;
        double[] sample = new double[16];
        for (int s = 0; s < mask.length; s++) {
            if (!mask[s] || !streamProduction[s]) {
                continue;
            }
            int to = lowerBound(finish, deploymentFrom[s], deploymentFrom[s + 1], w.end);
            for (int k = lowerBound(finish, deploymentFrom[s], to, w.start); k < to; k++) {
                if (failedByOutcome[k] || failedByIncident[k]) {
                    failed++;
                    if (recovery[k] >= 0) {
                        if (recovered == sample.length) {
                            sample = Arrays.copyOf(sample, sample.length * 2);
                        }
                        sample[recovered++] = recovery[k];
                    }
                }
            }
        }
        return new RecoveryTime(summarise(sample, recovered), failed, failed - recovered);
    }

    private Rate reworkRate(Window w, boolean[] mask) {
        long all = 0;
        long rw = 0;
        for (int s = 0; s < mask.length; s++) {
            if (!mask[s] || !streamProduction[s]) {
                continue;
            }
            int lo = lowerBound(finish, deploymentFrom[s], deploymentFrom[s + 1], w.start);
            int hi = lowerBound(finish, lo, deploymentFrom[s + 1], w.end);
            all += hi - lo;
            rw += reworkBefore[hi] - reworkBefore[lo];
        }
        return new Rate(rw, all);
    }

    private DurationSummary summarise(double[] sample, int size) {
        if (size == 0) {
            return DurationSummary.empty();
        }
        double[] values = size == sample.length ? sample : Arrays.copyOf(sample, size);
        double sum = 0;
        double compensation = 0;
        for (int i = 0; i < size; i++) {
            double y = values[i] - compensation;
            double t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
        }
        var def = config.quantileDefinition();
        double median = Quantiles.quantileInPlace(values, 0.5, def);
        double p90 = Quantiles.quantileInPlace(values, 0.9, def);
        double p95 = Quantiles.quantileInPlace(values, 0.95, def);
        return new DurationSummary(size, OptionalDouble.of(median), OptionalDouble.of(p90), OptionalDouble.of(p95),
                OptionalDouble.of(sum / size));
    }

    // ---- helpers

    private boolean[] mask(Slice slice) {
        boolean[] mask = new boolean[streamService.length];
        for (int s = 0; s < mask.length; s++) {
            mask[s] = streamProduction[s] && (slice.dimension() == SliceDimension.ALL
                    || sliceValue(s, slice.dimension()).equals(slice.value()));
        }
        return mask;
    }

    private String sliceValue(int s, SliceDimension dimension) {
        switch (dimension) {
            case SERVICE:
                return streamService[s];
            case ENVIRONMENT:
                return streamEnvironment[s];
            default: // TEAM; ALL never asks
                return config.teamOf(streamService[s]);
        }
    }

    private int stream(String service, String environment) {
        return streamIds.get(service).get(environment);
    }

    private int streamOrMinus(String service, String environment) {
        Map<String, Integer> byEnv = streamIds.get(service);
        Integer s = byEnv == null ? null : byEnv.get(environment);
        return s == null ? -1 : s;
    }

    private Window window(Interval window) {
        Checks.notNull(window, "window");
        if (window.isEmpty()) {
            throw Checks.invalid("window", "must not be empty", window);
        }
        long start = millis(window.start(), "window.start");
        long end = millis(window.end(), "window.end");
        return new Window(start, end, config.zone(), config.firstDayOfWeek());
    }

    private static long millis(@Nullable Instant instant, String field) {
        Checks.notNull(instant, field);
        long seconds = instant.getEpochSecond();
        if (seconds > MAX_EPOCH_MILLIS / 1000 || seconds < -MAX_EPOCH_MILLIS / 1000) {
            throw Checks.invalid(field, "must lie within 2^53 milliseconds of the epoch", instant);
        }
        return instant.toEpochMilli();
    }

    private static long toMillis(@Nullable Instant instant) {
        return Checks.notNull(instant, "instant").toEpochMilli();
    }

    /** First index in [from, to) with a[i] >= key (to if none). */
    static int lowerBound(long[] a, int from, int to, long key) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index in [from, to) with a[i] > key (to if none). */
    static int upperBound(long[] a, int from, int to, long key) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * A window in epoch milliseconds; its calendar (day starts, each day's week and month, in the
     * configured zone) is built on first use, by deployment-frequency queries only.
     */
    private static final class Window {
        final long start;
        final long end;
        private final LocalDate first;
        private final int days;
        private final ZoneId zone;
        private final DayOfWeek firstDay;
        long[] dayStart = new long[0]; // the start of each day; [0] may precede start
        int[] weekOf = new int[0];
        int[] monthOf = new int[0];
        int[] weekMonth = new int[0]; // per week, an id of the year-month of its first day
        int weeks;
        int months;
        private boolean built;

        Window(long start, long end, ZoneId zone, DayOfWeek firstDay) {
            this.start = start;
            this.end = end;
            this.zone = zone;
            this.firstDay = firstDay;
            this.first = LocalDate.ofInstant(Instant.ofEpochMilli(start), zone);
            LocalDate last = LocalDate.ofInstant(Instant.ofEpochMilli(end - 1), zone);
            long span = last.toEpochDay() - first.toEpochDay() + 1;
            if (span > MAX_WINDOW_DAYS) {
                throw Checks.invalid("window", "must span at most " + MAX_WINDOW_DAYS + " calendar days", span + " days");
            }
            this.days = (int) span;
        }

        Window calendar() {
            if (built) {
                return this;
            }
            built = true;
            long[] starts = new long[days];
            weekOf = new int[days];
            monthOf = new int[days];
            List<Integer> weekMonths = new ArrayList<>();
            int week = 0;
            int month = 0;
            for (int d = 0; d < days; d++) {
                LocalDate date = first.plusDays(d);
                starts[d] = date.atStartOfDay(zone).toInstant().toEpochMilli();
                if (d > 0 && date.getDayOfWeek() == firstDay) {
                    week++;
                }
                if (d > 0 && date.getDayOfMonth() == 1) {
                    month++;
                }
                if (weekMonths.size() == week) {
                    YearMonth ym = YearMonth.from(date.with(TemporalAdjusters.previousOrSame(firstDay)));
                    weekMonths.add(ym.getYear() * 12 + ym.getMonthValue() - 1);
                }
                weekOf[d] = week;
                monthOf[d] = month;
            }
            weeks = week + 1;
            months = month + 1;
            weekMonth = new int[weeks];
            for (int k = 0; k < weeks; k++) {
                weekMonth[k] = weekMonths.get(k);
            }
            dayStart = starts;
            return this;
        }
    }

    /** A service's mainline history sorted by commit time, with each commit's lead-time start. */
    private static final class History {
        final long[] committed;
        final long[] start;

        private History(long[] committed, long[] start) {
            this.committed = committed;
            this.start = start;
        }

        static History of(String service, List<Commit> commits, boolean authored) {
            int n = commits.size();
            long[] rawCommitted = new long[n];
            long[] rawStart = new long[n];
            for (int i = 0; i < n; i++) {
                Commit c = commits.get(i);
                String field = "histories['" + service + "'][" + i + "]";
                rawCommitted[i] = millis(c.committed(), field + ".committed");
                rawStart[i] = millis(authored ? c.authored() : c.committed(), field);
            }
            int[] order = IndexSort.orderByKey(rawCommitted, (x, y) -> {
                int c = Long.compare(rawStart[x], rawStart[y]);
                return c != 0 ? c : commits.get(x).sha().compareTo(commits.get(y).sha());
            });
            long[] committed = new long[n];
            long[] start = new long[n];
            for (int k = 0; k < n; k++) {
                committed[k] = rawCommitted[order[k]];
                start[k] = rawStart[order[k]];
            }
            return new History(committed, start);
        }

        /** Appends the lead times of commits with commit time in (after, upTo]. */
        void appendRange(long after, long upTo, LongBuffer out) {
            int from = upperBound(committed, 0, committed.length, after);
            int to = upperBound(committed, from, committed.length, upTo);
            for (int k = from; k < to; k++) {
                out.add(upTo - start[k]);
            }
        }
    }

    /** A growable long array. */
    private static final class LongBuffer {
        long[] data;
        int size;

        LongBuffer(int capacity) {
            data = new long[capacity];
        }

        void add(long v) {
            if (size == data.length) {
                if (size >= Integer.MAX_VALUE - 8) {
                    throw Checks.invalid("changes", "must number at most " + (Integer.MAX_VALUE - 8), size);
                }
                data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8L, size * 2L));
            }
            data[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    /** Answers {@link IncidentAttribution} from the sorted arrays. */
    private final class Lookup implements DeploymentLookup {
        @Override
        public Optional<Deployment> byId(String deploymentId) {
            if (deploymentId == null) {
                return Optional.empty();
            }
            Integer k = deploymentIndex.get(deploymentId);
            return k == null ? Optional.empty() : Optional.of(deployments[k]);
        }

        @Override
        public Optional<Deployment> latestSuccessful(String service, String environment, Instant atOrBefore) {
            if (service == null || environment == null || atOrBefore == null) {
                return Optional.empty();
            }
            int s = streamOrMinus(service, environment);
            if (s < 0) {
                return Optional.empty();
            }
            long t = millis(atOrBefore, "atOrBefore");
            for (int k = upperBound(finish, deploymentFrom[s], deploymentFrom[s + 1], t) - 1; k >= deploymentFrom[s]; k--) {
                if (success[k]) {
                    return Optional.of(deployments[k]);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Which part of the events a report covers.
     *
     * @param dimension the dimension
     * @param value the service, team or environment; {@code *} for {@link SliceDimension#ALL}
     */
    public record Slice(SliceDimension dimension, String value) {

        /** Everything. */
        public static final Slice ALL = new Slice(SliceDimension.ALL, "*");

        /**
         * Validates the slice.
         *
         * @throws IllegalArgumentException if a field is null or blank, or ALL has a value other than {@code *}
         */
        public Slice {
            Checks.notNull(dimension, "dimension");
            Checks.notBlank(value, "value");
            if (dimension == SliceDimension.ALL && !"*".equals(value)) {
                throw Checks.invalid("value", "must be '*' for ALL", value);
            }
        }

        /**
         * A slice.
         *
         * @param dimension the dimension
         * @param value the value
         * @return the slice
         */
        public static Slice of(SliceDimension dimension, String value) {
            return new Slice(dimension, value);
        }

        @Override
        public String toString() {
            return dimension == SliceDimension.ALL ? "all" : dimension.name().toLowerCase(java.util.Locale.ROOT) + "=" + value;
        }
    }

    /** What a report can be sliced by. */
    public enum SliceDimension {
        /** No slicing: everything. */
        ALL,
        /** The deployment's or incident's service. */
        SERVICE,
        /** The owning team of the service ({@link DoraConfig#teams()}), or the unassigned team. */
        TEAM,
        /** The (production) environment. */
        ENVIRONMENT
    }

    /**
     * The additive part of a {@link DoraReport}: counts that slices add up to the whole (a mergeable
     * accumulator: slicing by service, team or environment, then {@link #plus(DoraCounts) adding},
     * gives the counts of the unsliced report). Medians are not additive; recompute them from events.
     *
     * @param deployments finished production deployments in the window
     * @param successful of those, successful by outcome
     * @param failed failed (by outcome or attributed incident)
     * @param rework rework deployments
     * @param leadTimeChanges changes measured for lead time
     * @param leadTimeDropped non-positive lead times dropped
     * @param incidents production incidents that started in the window
     * @param openIncidents of those, still open
     */
    public record DoraCounts(
            long deployments,
            long successful,
            long failed,
            long rework,
            long leadTimeChanges,
            long leadTimeDropped,
            long incidents,
            long openIncidents) {

        /** All zero. */
        public static final DoraCounts ZERO = new DoraCounts(0, 0, 0, 0, 0, 0, 0, 0);

        /**
         * Validates the counts.
         *
         * @throws IllegalArgumentException if a count is negative
         */
        public DoraCounts {
            Checks.nonNegative(deployments, "deployments");
            Checks.nonNegative(successful, "successful");
            Checks.nonNegative(failed, "failed");
            Checks.nonNegative(rework, "rework");
            Checks.nonNegative(leadTimeChanges, "leadTimeChanges");
            Checks.nonNegative(leadTimeDropped, "leadTimeDropped");
            Checks.nonNegative(incidents, "incidents");
            Checks.nonNegative(openIncidents, "openIncidents");
        }

        /**
         * Adds two sets of counts.
         *
         * @param other the other counts
         * @return the sums
         * @throws IllegalArgumentException if other is null or a sum overflows
         */
        public DoraCounts plus(DoraCounts other) {
            Checks.notNull(other, "other");
            return new DoraCounts(
                    add(deployments, other.deployments, "deployments"),
                    add(successful, other.successful, "successful"),
                    add(failed, other.failed, "failed"),
                    add(rework, other.rework, "rework"),
                    add(leadTimeChanges, other.leadTimeChanges, "leadTimeChanges"),
                    add(leadTimeDropped, other.leadTimeDropped, "leadTimeDropped"),
                    add(incidents, other.incidents, "incidents"),
                    add(openIncidents, other.openIncidents, "openIncidents"));
        }

        static long add(long a, long b, String field) {
            long r = a + b;
            if (((a ^ r) & (b ^ r)) < 0) {
                throw Checks.invalid(field, "must not overflow when added", a + " + " + b);
            }
            return r;
        }
    }
}
