package io.github.deliverykit.formats;

import io.github.deliverykit.core.check.Checks;

/**
 * A file (or payload) that cannot be read as its format: names the file, the position (line and
 * column, or a JSON path) and the problem. The one exception every reader throws for malformed input.
 */
public final class FormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String position;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param source the file or payload name
     * @param position where in it, e.g. {@code line 3, column 7} or {@code $.spec.objectives[0].target}
     * @param problem what is wrong
     * @param cause the underlying parser error, or null
     */
    public FormatException(String source, String position, String problem, Throwable cause) {
        super(Checks.message("%s: %s: %s", source, position, problem), cause);
        this.source = source;
        this.position = position;
        this.problem = problem;
    }

    /**
     * Creates the exception without a cause.
     *
     * @param source the file or payload name
     * @param position where in it
     * @param problem what is wrong
     */
    public FormatException(String source, String position, String problem) {
        this(source, position, problem, null);
    }

    /**
     * The file or payload name.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * Where in the source the problem is.
     *
     * @return a line and column or a JSON path
     */
    public String position() {
        return position;
    }

    /**
     * What is wrong.
     *
     * @return the problem
     */
    public String problem() {
        return problem;
    }
}
