package io.github.deliverykit.metrics.cost;

import io.github.deliverykit.core.metric.Measurement;
import io.github.deliverykit.core.metric.MetricKeys;
import io.github.deliverykit.core.metric.Unit;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Findings;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.github.deliverykit.core.money.Money;
import java.util.Optional;

/**
 * The cost of a set of usage records, attributed every way the metrics and the governance spend
 * caps need it, each map sorted by key. Records without an iteration, pull request, feature or
 * session are simply absent from that map (they still count in the total and per day and model).
 *
 * @param currency the currency
 * @param total the cost of all distinct records
 * @param byIteration cost per agent iteration
 * @param byPullRequest cost per pull request
 * @param byFeature cost per feature
 * @param bySession spend per agent session
 * @param byDay spend per calendar day in the ledger's zone
 * @param byModel cost per model
 * @param records the records given
 * @param duplicates records dropped because an earlier one had the same id
 * @param conflictingDuplicates duplicates whose content differed from the record kept
 * @param unpricedModels the models with records that could not be priced, sorted
 * @param findings what the report found, in order: {@code cost.total}, then
 *     {@code cost.unknown} and {@code cost.duplicates} when they apply
 */
public record CostReport(
        Currency currency,
        Cost total,
        Map<String, Cost> byIteration,
        Map<String, Cost> byPullRequest,
        Map<String, Cost> byFeature,
        Map<String, Cost> bySession,
        Map<LocalDate, Cost> byDay,
        Map<String, Cost> byModel,
        long records,
        long duplicates,
        long conflictingDuplicates,
        List<String> unpricedModels,
        Findings findings) {

    /**
     * Validates and copies the report.
     *
     * @throws IllegalArgumentException if a field is null or a count negative
     */
    public CostReport {
        Checks.notNull(currency, "currency");
        Checks.notNull(total, "total");
        byIteration = sorted(byIteration, "byIteration");
        byPullRequest = sorted(byPullRequest, "byPullRequest");
        byFeature = sorted(byFeature, "byFeature");
        bySession = sorted(bySession, "bySession");
        byDay = sorted(byDay, "byDay");
        byModel = sorted(byModel, "byModel");
        Checks.nonNegative(records, "records");
        Checks.nonNegative(duplicates, "duplicates");
        Checks.nonNegative(conflictingDuplicates, "conflictingDuplicates");
        unpricedModels = Checks.listOf(unpricedModels, "unpricedModels");
        Checks.notNull(findings, "findings");
    }

    /**
     * The maturity evidence of this report: {@code cost.total} (the exact cost of the priced
     * records, in US dollars) when at least one record was priced and the report is in USD, the
     * unit of the {@link MetricKeys} cost keys. Unpriced records make the total partial; that is
     * already the {@code cost.unknown} finding. The per-iteration, per-merged-PR and per-feature
     * means need the flow events and are measured by the flow report.
     *
     * @return the measurements, immutable (empty without priced records or in another currency)
     */
    public List<Measurement> measurements() {
        if (total.pricedRecords() == 0 || !Unit.USD.symbol().equals(currency.getCurrencyCode())) {
            return List.of();
        }
        return List.of(new Measurement(MetricKeys.COST_TOTAL, total.known().toBigDecimal(), Unit.USD));
    }

    private static <K extends Comparable<? super K>> Map<K, Cost> sorted(Map<K, Cost> map, String field) {
        Checks.notNull(map, field);
        TreeMap<K, Cost> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(Checks.notNull(k, field + " key"), Checks.notNull(v, field + "[" + k + "]")));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The cost of a set of usage records (one iteration, pull request, feature, session, day...):
     * the exact sum of the records that could be priced, rounded once to nano units, and how many
     * records could not be priced. A cost with unpriced records is <em>incomplete</em>: its
     * {@link #amount()} is empty, because an unknown cost is never treated as zero.
     *
     * @param known the sum of the priced records
     * @param pricedRecords how many records were priced
     * @param unknownRecords how many records had no price (unknown model, no explicit cost)
     */
    public record Cost(Money known, long pricedRecords, long unknownRecords) {

        /**
         * Validates the cost.
         *
         * @throws IllegalArgumentException if known is null or negative or a count is negative
         */
        public Cost {
            Checks.notNull(known, "known");
            if (known.signum() < 0) {
                throw Checks.invalid("known", "must not be negative", known);
            }
            Checks.nonNegative(pricedRecords, "pricedRecords");
            Checks.nonNegative(unknownRecords, "unknownRecords");
        }

        /**
         * Whether every record was priced (and there was at least one).
         *
         * @return true when the amount is known
         */
        public boolean isComplete() {
            return unknownRecords == 0 && pricedRecords > 0;
        }

        /**
         * The amount, when every record was priced.
         *
         * @return the amount, or empty when a record's cost is unknown or there were no records
         */
        public Optional<Money> amount() {
            return isComplete() ? Optional.of(known) : Optional.empty();
        }

        /**
         * The number of records.
         *
         * @return priced plus unknown records
         */
        public long records() {
            return pricedRecords + unknownRecords;
        }

        @Override
        public String toString() {
            return unknownRecords == 0 ? known + " (" + pricedRecords + " records)"
                    : "at least " + known + " (" + pricedRecords + " priced, " + unknownRecords + " unknown)";
        }
    }
}
