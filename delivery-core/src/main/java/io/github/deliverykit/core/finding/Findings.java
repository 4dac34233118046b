package io.github.deliverykit.core.finding;

import io.github.deliverykit.core.check.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An immutable, ordered list of findings with the queries and renderings every decision needs.
 * Order is the order the findings were produced in and is kept exactly, so the same input renders
 * byte for byte the same.
 *
 * @param list the findings in order
 */
public record Findings(List<Finding> list) implements Iterable<Finding> {

    private static final Findings EMPTY = new Findings(List.of());

    /**
     * Copies the findings.
     *
     * @throws IllegalArgumentException if the list or an element is null
     */
    public Findings {
        list = Checks.listOf(list, "findings");
    }

    /**
     * No findings.
     *
     * @return the empty list
     */
    public static Findings none() {
        return EMPTY;
    }

    /**
     * Findings in the given order.
     *
     * @param findings the findings
     * @return the findings
     * @throws IllegalArgumentException if the array or an element is null (the message names its index)
     */
    public static Findings of(Finding... findings) {
        return new Findings(Checks.listOf(java.util.Arrays.asList(Checks.notNull(findings, "findings")), "findings"));
    }

    /**
     * Findings in iteration order.
     *
     * @param findings the findings
     * @return the findings
     */
    public static Findings of(Collection<Finding> findings) {
        return new Findings(Checks.listOf(findings, "findings"));
    }

    /**
     * This list followed by {@code more}.
     *
     * @param more the findings to append
     * @return a new list
     */
    public Findings plus(Findings more) {
        Checks.notNull(more, "more");
        List<Finding> all = new ArrayList<>(list);
        all.addAll(more.list);
        return new Findings(all);
    }

    /**
     * This list followed by one more finding.
     *
     * @param finding the finding to append
     * @return a new list
     */
    public Findings plus(Finding finding) {
        Checks.notNull(finding, "finding");
        List<Finding> all = new ArrayList<>(list);
        all.add(finding);
        return new Findings(all);
    }

    /**
     * The most severe level present, or {@link Level#INFO} when empty.
     *
     * @return the worst level
     */
    public Level worst() {
        Level worst = Level.INFO;
        for (Finding f : list) {
            worst = worst.worse(f.level());
        }
        return worst;
    }

    /**
     * Whether any finding has exactly this level.
     *
     * @param level the level
     * @return true if present
     */
    public boolean has(Level level) {
        return list.stream().anyMatch(f -> f.level() == level);
    }

    /**
     * The findings of one level, in order.
     *
     * @param level the level
     * @return the matching findings
     */
    public Findings withLevel(Level level) {
        return filter(f -> f.level() == level);
    }

    /**
     * The findings matching a predicate, in order.
     *
     * @param predicate the predicate
     * @return the matching findings
     */
    public Findings filter(Predicate<Finding> predicate) {
        Checks.notNull(predicate, "predicate");
        List<Finding> out = new ArrayList<>();
        for (Finding f : list) {
            if (predicate.test(f)) {
                out.add(f);
            }
        }
        return new Findings(out);
    }

    /**
     * The first finding with a code.
     *
     * @param code the code
     * @return the finding, if any
     */
    public Optional<Finding> find(String code) {
        return list.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    /**
     * The codes in order.
     *
     * @return the codes
     */
    public List<String> codes() {
        return list.stream().map(Finding::code).toList();
    }

    /**
     * The number of findings.
     *
     * @return the size
     */
    public int size() {
        return list.size();
    }

    /**
     * Whether there are none.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return list.isEmpty();
    }

    @Override
    public Iterator<Finding> iterator() {
        return list.iterator();
    }

    /**
     * Plain text, one finding per line, each line ending in {@code \n}.
     *
     * @return the rendered text
     */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Finding f : list) {
            sb.append(f.toText()).append('\n');
        }
        return sb.toString();
    }

    /**
     * A Markdown table with columns level, code, message and facts; {@code |} and line breaks in
     * cells are escaped.
     *
     * @return the rendered table, ending in {@code \n}
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("| level | code | message | facts |\n| --- | --- | --- | --- |\n");
        for (Finding f : list) {
            sb.append("| ").append(f.level())
                    .append(" | `").append(f.code()).append('`')
                    .append(" | ").append(cell(f.message()))
                    .append(" | ").append(cell(f.facts().toString()))
                    .append(" |\n");
        }
        return sb.toString();
    }

    static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>");
    }
}
