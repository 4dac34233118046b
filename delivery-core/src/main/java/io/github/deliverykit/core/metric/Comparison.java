package io.github.deliverykit.core.metric;

/** How a {@link Threshold} compares a measured value with its threshold(s). */
public enum Comparison {
    /** value &lt; threshold. */
    LESS_THAN("<"),
    /** value &lt;= threshold. */
    AT_MOST("<="),
    /** value &gt; threshold. */
    GREATER_THAN(">"),
    /** value &gt;= threshold. */
    AT_LEAST(">="),
    /** threshold &lt;= value &lt;= upper, both inclusive. */
    BETWEEN("between");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /**
     * The operator as people read it: {@code <}, {@code <=}, {@code >}, {@code >=}, {@code between}.
     *
     * @return the symbol
     */
    public String symbol() {
        return symbol;
    }
}
