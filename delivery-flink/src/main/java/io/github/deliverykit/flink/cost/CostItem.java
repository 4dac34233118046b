package io.github.deliverykit.flink.cost;

/**
 * One distinct usage record's cost attributed to one key of one dimension: what
 * {@link CostAttribution} emits and {@link CostAggregate} sums.
 *
 * @param dimension {@code total}, {@code iteration}, {@code pullRequest}, {@code feature},
 *     {@code session}, {@code day} or {@code model}
 * @param key the key within the dimension ({@code *} for the total, an ISO date for a day)
 * @param femtos the priced cost in femto units, or -1 if unpriced (ignored with an explicit cost)
 * @param explicitNanos an explicit cost in nano units of the table's currency, or -1 for none
 */
public record CostItem(String dimension, String key, long femtos, long explicitNanos) {

    /**
     * The key Flink partitions by.
     *
     * @return {@code dimension + '/' + key}
     */
    public String groupKey() {
        return dimension + "/" + key;
    }
}
