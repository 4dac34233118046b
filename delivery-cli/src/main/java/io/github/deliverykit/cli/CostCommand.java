package io.github.deliverykit.cli;

import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.money.Money;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.usage.ClaudeCodeLogs;
import io.github.deliverykit.formats.usage.ClaudeUsage;
import io.github.deliverykit.formats.usage.LiteLlmPrices;
import io.github.deliverykit.formats.usage.PriceRead;
import io.github.deliverykit.formats.usage.UsageCosts;
import io.github.deliverykit.metrics.cost.CostReport.Cost;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code delivery cost}: the cost of Claude Code sessions priced with LiteLLM's price file, per day,
 * session, branch, pull request and model, with the seed's cost per iteration (one agent session is
 * one iteration) and cost per merged pull request.
 */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Price Claude Code session logs with LiteLLM prices: cost per day, session, branch, pull request and model, "
                + "cost per iteration (session, seed target < $0.50) and per merged pull request.")
final class CostCommand extends ReportCommand {

    /** The seed's cost-per-iteration target. */
    static final Money CPI_TARGET = Money.of("0.50", "USD");

    @Option(names = "--claude-logs", required = true, paramLabel = "DIR",
            description = "The Claude Code projects directory (e.g. ~/.claude/projects) or one session .jsonl file.")
    Path logs;

    @Option(names = "--prices", required = true, paramLabel = "FILE",
            description = "LiteLLM's model_prices_and_context_window.json.")
    Path prices;

    @Option(names = "--pr-links", paramLabel = "FILE",
            description = "Pull requests of branches: a JSON array of {\"branch\", \"pullRequest\", \"merged\"}.")
    @Nullable Path prLinks;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", description = "The zone days are counted in (default UTC).")
    String zone = "UTC";

    @Override
    Report report() {
        ZoneId z;
        try {
            z = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InputException("--zone: must be a time zone such as UTC or Europe/Berlin, but was '" + zone + "'");
        }
        if (!Files.exists(logs)) {
            throw new InputException("--claude-logs: " + logs + " does not exist");
        }
        // the prices are read on another thread while the logs' first blocks are parsed (reading them and
        // starting Jackson took about a tenth of a second of a short run); responses merged before then wait in Pricing
        CompletableFuture<PriceRead> pricing = CompletableFuture.supplyAsync(() -> LiteLlmPrices.read(prices), task -> {
            Thread t = new Thread(task, "price-reader");
            t.setDaemon(true);
            t.start();
        });
        Map<String, String> prOfBranch = new HashMap<>();
        TreeSet<String> merged = new TreeSet<>();
        if (prLinks != null) {
            readLinks(prLinks, prOfBranch, merged);
        }
        Pricing costs = new Pricing(pricing, z, prOfBranch);
        ReadReport logRead = ClaudeCodeLogs.stream(logs, costs);
        PriceRead priceRead = join(pricing);
        UsageCosts.Summary s = costs.costs().summary();

        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.info("cost.logs", "Claude Code logs: " + logRead.summary(),
                Facts.of("read", logRead.read(), "accepted", logRead.accepted(), "rejected", logRead.rejected(),
                        "skipped", logRead.skipped(), "merged", logRead.merged(), "noted", logRead.noted())));
        findings.add(Finding.info("cost.prices", "LiteLLM prices: " + priceRead.report().summary(),
                Facts.of("models", priceRead.table().prices().size(), "skipped", priceRead.report().skipped(),
                        "rejected", priceRead.report().rejected())));
        findings.add(Finding.info("cost.total", "Cost of " + s.records() + " responses: " + s.total(),
                Facts.of("known", s.total().known(), "pricedRecords", s.total().pricedRecords(),
                        "unknownRecords", s.total().unknownRecords())));
        if (!s.unpricedModels().isEmpty()) {
            findings.add(Finding.warn("cost.unknown", s.total().unknownRecords() + " responses have no price; their cost is unknown, not zero",
                    Facts.of("models", String.join(",", s.unpricedModels()))));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        int sessions = s.bySession().size();
        if (sessions > 0) {
            Money cpi = s.total().known().dividedBy(sessions, RoundingMode.HALF_EVEN);
            String amount = s.total().isComplete() ? cpi.toString() : "at least " + cpi;
            boolean over = cpi.compareTo(CPI_TARGET) > 0;
            Facts facts = Facts.of("costPerIteration", cpi, "iterations", sessions, "target", CPI_TARGET,
                    "complete", s.total().isComplete());
            findings.add(over ? Finding.warn("cost.cpi", "Cost per iteration (session) " + amount + " is above the target " + CPI_TARGET, facts)
                    : !s.total().isComplete() ? Finding.warn("cost.cpi", "Cost per iteration (session) is " + amount
                            + ": unpriced responses leave it unconfirmed against the target " + CPI_TARGET, facts)
                    : Finding.pass("cost.cpi", "Cost per iteration (session) " + amount + " is within the target " + CPI_TARGET, facts));
            data.put("costPerIteration", cpi.toString());
        }
        if (!merged.isEmpty()) {
            Money sum = Money.zero(s.total().known().currency());
            long unknown = 0;
            for (String pr : merged) {
                Cost c = s.byPullRequest().get(pr);
                if (c != null) {
                    sum = sum.plus(c.known());
                    unknown += c.unknownRecords();
                }
            }
            Money perPr = sum.dividedBy(merged.size(), RoundingMode.HALF_EVEN);
            findings.add(Finding.info("cost.merged-pr", "Cost per merged pull request: " + (unknown == 0 ? "" : "at least ") + perPr,
                    Facts.of("costPerMergedPr", perPr, "mergedPullRequests", merged.size(), "unknownRecords", unknown)));
            data.put("costPerMergedPr", perPr.toString());
        }
        // each cost rendered once, for the JSON data and the text and Markdown sections (a thousand sessions)
        Map<String, String> byDay = strings(s.byDay());
        Map<String, String> bySession = strings(s.bySession());
        Map<String, String> byBranch = strings(s.byBranch());
        Map<String, String> byPullRequest = strings(s.byPullRequest());
        Map<String, String> byModel = strings(s.byModel());
        data.put("total", s.total().toString());
        data.put("byDay", byDay);
        data.put("bySession", bySession);
        data.put("byBranch", byBranch);
        data.put("byPullRequest", byPullRequest);
        data.put("byModel", byModel);
        Map<String, Object> tokens = new LinkedHashMap<>(); // in this order on every run (Map.of's order is not)
        tokens.put("input", s.inputTokens());
        tokens.put("output", s.outputTokens());
        tokens.put("cacheWrite", s.cacheWriteTokens());
        tokens.put("cacheRead", s.cacheReadTokens());
        data.put("tokens", tokens);
        Findings all = Findings.of(findings);
        String title = "AI usage cost";
        StringBuilder text = new StringBuilder(title).append(": ").append(s.total()).append('\n').append(all.toText());
        StringBuilder md = new StringBuilder("## ").append(title).append("\n\n").append(all.toMarkdown());
        section(text, md, "day", byDay);
        section(text, md, "session", bySession);
        section(text, md, "branch", byBranch);
        section(text, md, "pull request", byPullRequest);
        section(text, md, "model", byModel);
        String verdict = s.total().isComplete() ? "COMPLETE" : "INCOMPLETE";
        return new Report(title, verdict, all, text.toString(), md.toString(), data, ExitCode.OK);
    }

    /** The read prices, or the reader's exception as it was thrown (bad input stays bad input). */
    /**
     * The responses priced as they come once the prices are read. Until then (the first tenth of a second of a
     * run) up to {@value #EARLY} of them wait in order, so that neither the merge nor, behind it, the parser
     * threads stop for the prices; the next one waits for them.
     */
    static final class Pricing implements Consumer<ClaudeUsage> {
        static final int EARLY = 1 << 15;
        private final CompletableFuture<PriceRead> read;
        private final ZoneId days;
        private final Map<String, String> prOfBranch;
        private final List<ClaudeUsage> early = new ArrayList<>();
        private @Nullable UsageCosts costs;

        Pricing(CompletableFuture<PriceRead> read, ZoneId days, Map<String, String> prOfBranch) {
            this.read = read;
            this.days = days;
            this.prOfBranch = prOfBranch;
        }

        @Override
        public void accept(ClaudeUsage usage) {
            UsageCosts c = costs;
            if (c == null) {
                if (!read.isDone() && early.size() < EARLY) {
                    early.add(usage);
                    return;
                }
                c = costs();
            }
            c.accept(usage);
        }

        /** The totals, once the prices are read (waiting for them), with the responses that waited for them. */
        UsageCosts costs() {
            UsageCosts c = costs;
            if (c == null) {
                c = UsageCosts.of(join(read).table(), days, prOfBranch::get);
                early.forEach(c);
                early.clear();
                costs = c;
            }
            return c;
        }
    }

    private static PriceRead join(CompletableFuture<PriceRead> pricing) {
        try {
            return pricing.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static <K> Map<String, String> strings(SortedMap<K, Cost> costs) {
        Map<String, String> out = new LinkedHashMap<>();
        costs.forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }

    private static void section(StringBuilder text, StringBuilder md, String name, Map<String, String> rows) {
        if (rows.isEmpty()) {
            return;
        }
        text.append("By ").append(name).append(":\n");
        md.append("\n| ").append(name).append(" | cost |\n| --- | --- |\n");
        rows.forEach((k, v) -> {
            // "  %-40s %s%n" written out: String.format parses its pattern on each of the thousand rows
            text.append("  ").append(k);
            for (int pad = k.length(); pad < 40; pad++) {
                text.append(' ');
            }
            text.append(' ').append(v).append(System.lineSeparator());
            md.append("| ").append(k.replace("|", "\\|")).append(" | ").append(v).append(" |\n");
        });
    }

    /** One line of the --pr-links file. */
    record PrLink(@Nullable String branch, @Nullable String pullRequest, boolean merged) {}

    /** The --pr-links reader, made on first use (an ObjectMapper takes tens of milliseconds to start). */
    private static final class Links {
        static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        private Links() {}
    }

    private static void readLinks(Path file, Map<String, String> prOfBranch, TreeSet<String> merged) {
        PrLink[] links;
        try {
            links = Links.MAPPER.readValue(file.toFile(), PrLink[].class);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            StringBuilder path = new StringBuilder("$");
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
                path.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
            }
            throw new InputException(file.toString(), path.toString(), e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new InputException(file.toString(), "$", "cannot read: " + e.getMessage());
        }
        for (int i = 0; i < links.length; i++) {
            PrLink l = links[i];
            if (l == null || l.branch() == null || l.branch().isBlank() || l.pullRequest() == null || l.pullRequest().isBlank()) {
                throw new InputException(file.toString(), "$[" + i + "]", "needs a branch and a pullRequest");
            }
            prOfBranch.put(l.branch(), l.pullRequest());
            if (l.merged()) {
                merged.add(l.pullRequest());
            }
        }
    }
}
