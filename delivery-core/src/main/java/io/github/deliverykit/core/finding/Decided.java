package io.github.deliverykit.core.finding;

/**
 * What every capability's decision type implements: a verdict of the capability's own enum, the
 * ordered findings that explain it, and the generic {@link Decision} view for rendering. Typed
 * results sit beside these on the implementing record; callers read them there, never by looking a
 * finding up by code or casting a fact.
 *
 * @param <V> the capability's verdict type
 */
public interface Decided<V extends Enum<V>> {

    /**
     * The verdict.
     *
     * @return the verdict
     */
    V verdict();

    /**
     * The findings that explain the verdict, in order.
     *
     * @return the findings
     */
    Findings findings();

    /**
     * The generic verdict-plus-findings view, for rendering ({@link Decision#toText(String)}).
     *
     * @return the decision
     */
    default Decision<V> toDecision() {
        return Decision.of(verdict(), findings());
    }
}
