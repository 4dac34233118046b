package io.github.deliverykit.benchmarks.dora;

import io.github.deliverykit.core.event.Commit;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.dora.DoraReport.ChangeFailureRate;
import io.github.deliverykit.metrics.dora.DoraReport.DeploymentFrequency;
import io.github.deliverykit.metrics.dora.DoraConfig;
import io.github.deliverykit.metrics.dora.DoraDataset;
import io.github.deliverykit.metrics.dora.DoraEvents;
import io.github.deliverykit.metrics.dora.DoraReport;
import io.github.deliverykit.metrics.dora.DoraReport.LeadTime;
import io.github.deliverykit.metrics.dora.DoraReport.TimeToRestore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * DORA over a large history: 10^6 production deployments of 100 services over one year, 10^7
 * mainline commits attributed by range (each deployment ships the commits since the previous
 * one), 5 % failed deployments and 2 x 10^4 incidents. The dataset is indexed once in setup; the
 * metric benchmarks query the whole year. {@link #index()} measures the one-time indexing (sort,
 * attribution, lead times) as a single shot.
 *
 * <p>Peer: DuckDB in-process (one thread, like ours), tables loaded in setup the way Four Keys
 * stores them (deployments; changes already mapped to the deployment that shipped them; incidents),
 * and the four queries as Four Keys computes them: median lead time over positive commit-to-deploy
 * times ({@code quantile_cont}, i.e. {@code PERCENTILE_CONT}), change failure rate as distinct failed
 * deployments over distinct deployments (incidents linked to the latest successful deployment within
 * 24 h by an ASOF join), median time to restore, and deployment days per ISO week. The setup checks
 * that both give the same figures.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DoraBenchmark {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final long YEAR_SECONDS = 366L * 86_400;

    @Param("1000000")
    int deployments;

    @Param("10000000")
    int commits;

    @Param("100")
    int services;

    Connection duck;
    PreparedStatement duckLeadTime;
    PreparedStatement duckChangeFailureRate;
    PreparedStatement duckTimeToRestore;
    PreparedStatement duckDeploymentFrequency;

    DoraEvents events;
    DoraDataset dataset;
    Interval year;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom r = new SplittableRandom(42);
        List<Deployment> deps = new ArrayList<>(deployments);
        List<Incident> incidents = new ArrayList<>();
        DoraEvents.Builder b = DoraEvents.builder();
        int perService = deployments / services;
        int commitsPerService = commits / services;
        long step = YEAR_SECONDS / perService;
        int incidentId = 0;
        for (int s = 0; s < services; s++) {
            String service = "svc-" + s;
            List<Commit> history = new ArrayList<>(commitsPerService);
            for (int c = 0; c < commitsPerService; c++) {
                Instant committed = START.plusSeconds(r.nextLong(YEAR_SECONDS));
                Instant authored = committed.minusSeconds(r.nextLong(3 * 86_400));
                history.add(new Commit(Long.toHexString((1L << 40) | ((long) s * commitsPerService + c)), authored, committed));
            }
            b.history(service, history);
            for (int d = 0; d < perService; d++) {
                Instant finished = START.plusSeconds(d * step + r.nextLong(step / 2));
                boolean fail = r.nextInt(20) == 0;
                deps.add(new Deployment(service + "-" + d, service, "production", "v" + d, finished.minusSeconds(300),
                        finished, fail ? DeploymentOutcome.FAILED : DeploymentOutcome.SUCCESS, List.of(), null));
                if (r.nextInt(50) == 0) {
                    Instant started = finished.plusSeconds(r.nextLong(7_200));
                    Instant mitigated = started.plusSeconds(60 + r.nextLong(4 * 3_600));
                    incidents.add(Incident.builder("inc-" + incidentId++, service, Severity.SEV2).started(started)
                            .mitigated(mitigated).resolved(mitigated).build());
                }
            }
        }
        events = b.deployments(deps).incidents(incidents).build();
        dataset = DoraDataset.of(events, DoraConfig.ofDefaults());
        year = Interval.of(START, START.plusSeconds(YEAR_SECONDS));
        DoraReport report = dataset.report(year);
        if (report.counts().deployments() != (long) perService * services
                || report.leadTime().summary().sampleSize() + report.leadTime().nonPositiveDropped() < commits * 0.9) {
            throw new IllegalStateException("unexpected dataset: " + report.counts());
        }
        try {
            loadDuckDb(events);
            checkPeer(report);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        System.out.println("\n" + report.counts() + " median lead time " + report.leadTime().summary().median().orElseThrow()
                + ", CFR " + report.changeFailureRate().value().orElseThrow() + ", median TTR "
                + report.timeToRestore().summary().median().orElseThrow() + ", " + report.deploymentFrequency());
    }

    /** Deployment frequency, deployment days and Four Keys' bucket over the year. */
    @Benchmark
    public DeploymentFrequency deploymentFrequency() {
        return dataset.deploymentFrequency(year);
    }

    /** Lead time for changes over 10^7 changes: median, p90, p95, mean. */
    @Benchmark
    public LeadTime leadTime() {
        return dataset.leadTime(year);
    }

    /** Change failure rate over 10^6 deployments. */
    @Benchmark
    public ChangeFailureRate changeFailureRate() {
        return dataset.changeFailureRate(year);
    }

    /** Time to restore over the incidents. */
    @Benchmark
    public TimeToRestore timeToRestore() {
        return dataset.timeToRestore(year);
    }

    /** Every figure at once. */
    @Benchmark
    public DoraReport report() {
        return dataset.report(year);
    }

    /** Indexing: sort once, attribute incidents and changes. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public DoraDataset index() {
        return DoraDataset.of(events, DoraConfig.ofDefaults());
    }

    /** DuckDB: median, p90, p95 of positive lead times, as Four Keys' lead_time_for_changes.sql. */
    @Benchmark
    public double[] duckdbLeadTime() throws SQLException {
        try (ResultSet rs = duckLeadTime.executeQuery()) {
            rs.next();
            return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4)};
        }
    }

    /** DuckDB: change failure rate per deployment, as Four Keys' change_failure_rate.sql with a bounded link. */
    @Benchmark
    public double duckdbChangeFailureRate() throws SQLException {
        try (ResultSet rs = duckChangeFailureRate.executeQuery()) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    /** DuckDB: median time to restore, as Four Keys' time_to_restore_services.sql. */
    @Benchmark
    public double duckdbTimeToRestore() throws SQLException {
        try (ResultSet rs = duckTimeToRestore.executeQuery()) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    /** DuckDB: successful deployments and the median deployment days per week, as Four Keys' bucket query. */
    @Benchmark
    public double[] duckdbDeploymentFrequency() throws SQLException {
        try (ResultSet rs = duckDeploymentFrequency.executeQuery()) {
            rs.next();
            return new double[] {rs.getLong(1), rs.getDouble(2)};
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        if (duck != null) {
            duck.close();
        }
    }

    private void loadDuckDb(DoraEvents events) throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duck.createStatement()) {
            st.execute("SET threads = 1");
            st.execute("CREATE TABLE deployments (deploy_id INTEGER, service INTEGER, finish_ms BIGINT, failed BOOLEAN)");
            st.execute("CREATE TABLE changes (deploy_id INTEGER, start_ms BIGINT)");
            st.execute("CREATE TABLE incidents (service INTEGER, start_ms BIGINT, restored_ms BIGINT)");
        }
        DuckDBConnection dc = duck.unwrap(DuckDBConnection.class);
        // deployments by service in finish order; changes mapped by range, as the dataset does
        int deployId = 0;
        try (DuckDBAppender deps = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "deployments");
                DuckDBAppender changes = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "changes")) {
            for (int s = 0; s < services; s++) {
                String service = "svc-" + s;
                List<Commit> history = events.histories().get(service);
                long[] committed = new long[history.size()];
                long[][] pairs = new long[history.size()][];
                for (int i = 0; i < history.size(); i++) {
                    pairs[i] = new long[] {history.get(i).committed().toEpochMilli(), history.get(i).authored().toEpochMilli()};
                }
                Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
                for (int i = 0; i < pairs.length; i++) {
                    committed[i] = pairs[i][0];
                }
                int from = s * (deployments / services);
                int to = from + deployments / services;
                List<Deployment> own = new ArrayList<>(events.deployments().subList(from, to));
                own.sort((a, b) -> a.finished().compareTo(b.finished()));
                long previous = Long.MIN_VALUE;
                int c = 0;
                for (Deployment d : own) {
                    long f = d.finished().toEpochMilli();
                    deps.beginRow();
                    deps.append(deployId);
                    deps.append(s);
                    deps.append(f);
                    deps.append(d.isFailure());
                    deps.endRow();
                    if (!d.isFailure()) {
                        while (c < committed.length && committed[c] <= previous) {
                            c++;
                        }
                        while (c < committed.length && committed[c] <= f) {
                            if (previous != Long.MIN_VALUE) {
                                changes.beginRow();
                                changes.append(deployId);
                                changes.append(pairs[c][1]);
                                changes.endRow();
                            }
                            c++;
                        }
                        previous = f;
                    }
                    deployId++;
                }
            }
        }
        try (DuckDBAppender inc = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "incidents")) {
            for (Incident i : events.incidents()) {
                inc.beginRow();
                inc.append(Integer.parseInt(i.service().substring(4)));
                inc.append(i.started().toEpochMilli());
                inc.append(i.impactEnded().orElseThrow().toEpochMilli());
                inc.endRow();
            }
        }
        long from = year.start().toEpochMilli();
        long to = year.end().toEpochMilli();
        duckLeadTime = duck.prepareStatement("SELECT q[1], q[2], q[3], n FROM (SELECT quantile_cont(lt, [0.5, 0.9, 0.95]) AS q,"
                + " count(*) AS n FROM (SELECT d.finish_ms - c.start_ms AS lt FROM changes c JOIN deployments d"
                + " ON c.deploy_id = d.deploy_id WHERE d.finish_ms >= " + from + " AND d.finish_ms < " + to
                + ") WHERE lt > 0)");
        duckChangeFailureRate = duck.prepareStatement("WITH linked AS (SELECT d.deploy_id FROM incidents i"
                + " ASOF JOIN (SELECT * FROM deployments WHERE NOT failed) d"
                + " ON i.service = d.service AND i.start_ms >= d.finish_ms"
                + " WHERE i.start_ms - d.finish_ms <= " + 24 * 3_600_000L + ")"
                + " SELECT count(DISTINCT CASE WHEN failed OR deploy_id IN (SELECT deploy_id FROM linked)"
                + " THEN deploy_id END) / count(DISTINCT deploy_id) FROM deployments"
                + " WHERE finish_ms >= " + from + " AND finish_ms < " + to);
        duckTimeToRestore = duck.prepareStatement("SELECT quantile_cont(restored_ms - start_ms, 0.5) FROM incidents"
                + " WHERE start_ms >= " + from + " AND start_ms < " + to);
        String firstDay = year.start().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String lastDay = year.end().minusMillis(1).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        duckDeploymentFrequency = duck.prepareStatement("WITH days AS (SELECT DISTINCT CAST(make_timestamp(finish_ms * 1000)"
                + " AS DATE) AS day FROM deployments WHERE NOT failed AND finish_ms >= " + from + " AND finish_ms < " + to
                + "), cal AS (SELECT CAST(g AS DATE) AS day FROM generate_series(DATE '" + firstDay + "', DATE '" + lastDay
                + "', INTERVAL 1 DAY) t(g)), weeks AS (SELECT date_trunc('week', cal.day) AS w, count(days.day) AS n"
                + " FROM cal LEFT JOIN days ON days.day = cal.day GROUP BY 1)"
                + " SELECT (SELECT count(*) FROM deployments WHERE NOT failed AND finish_ms >= " + from
                + " AND finish_ms < " + to + "), quantile_cont(n, 0.5) FROM weeks");
    }

    private void checkPeer(DoraReport report) throws SQLException {
        double[] lt = duckdbLeadTime();
        var ours = report.leadTime().summary();
        check("lead time n", ours.sampleSize(), lt[3]);
        check("lead time median", ours.medianMillis().getAsDouble(), lt[0]);
        check("lead time p90", ours.p90Millis().getAsDouble(), lt[1]);
        check("lead time p95", ours.p95Millis().getAsDouble(), lt[2]);
        check("change failure rate", report.changeFailureRate().value().getAsDouble(), duckdbChangeFailureRate());
        check("time to restore", report.timeToRestore().summary().medianMillis().getAsDouble(), duckdbTimeToRestore());
        double[] df = duckdbDeploymentFrequency();
        check("deployments", report.deploymentFrequency().deployments(), df[0]);
        check("median deployment days per week", report.deploymentFrequency().medianDeploymentDaysPerWeek(), df[1]);
    }

    private static void check(String what, double ours, double peer) {
        if (Math.abs(ours - peer) > 1e-6 * Math.max(1, Math.abs(ours))) {
            throw new IllegalStateException(what + ": ours " + ours + ", DuckDB " + peer);
        }
    }
}
