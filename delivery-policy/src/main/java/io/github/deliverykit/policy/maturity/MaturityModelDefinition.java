package io.github.deliverykit.policy.maturity;

import io.github.deliverykit.core.metric.Threshold;
import io.github.deliverykit.core.check.Checks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The content of a maturity model, validated as a whole: dimensions, an ordered ladder of levels
 * and the criteria of each dimension at each level. A definition is valid when ids are unique,
 * level ranks run 1, 2, 3... without gaps, every criterion names a known dimension and level, and
 * no dimension has an empty level (a level without criteria could never be failed). Criteria are
 * kept in dimension order, then level, then the order given.
 *
 * @param id the model id, e.g. {@code ai-delivery}
 * @param title the display title
 * @param description what the model measures; may be empty
 * @param dimensions the dimensions, in display order
 * @param levels the levels, ranks 1..n in order
 * @param criteria the criteria
 */
public record MaturityModelDefinition(String id, String title, String description, List<Dimension> dimensions,
        List<MaturityLevel> levels, List<Criterion> criteria) {

    /**
     * Validates the definition.
     *
     * @throws IllegalArgumentException naming the first problem: a null or malformed field, a
     *     duplicate id, a gap in the level ranks, an unknown dimension or level, an empty level
     */
    public MaturityModelDefinition {
        Ids.check(id, "model id");
        Checks.notBlank(title, "model title");
        Checks.notNull(description, "model description");
        dimensions = Checks.listOf(dimensions, "dimensions");
        levels = Checks.listOf(levels, "levels");
        criteria = Checks.listOf(criteria, "criteria");
        if (dimensions.isEmpty()) {
            throw Checks.invalid("dimensions of " + id, "must not be empty", dimensions);
        }
        if (levels.isEmpty()) {
            throw Checks.invalid("levels of " + id, "must not be empty", levels);
        }
        Map<String, Integer> dimIndex = new HashMap<>();
        for (Dimension d : dimensions) {
            if (dimIndex.putIfAbsent(d.id(), dimIndex.size()) != null) {
                throw Checks.invalid("dimension id", "must be unique in " + id, d.id());
            }
        }
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).rank() != i + 1) {
                throw Checks.invalid("levels[" + i + "].rank", "must be " + (i + 1)
                        + " (ranks start at 1 and are contiguous, in order)", levels.get(i).rank());
            }
        }
        Set<String> seen = new HashSet<>();
        int n = levels.size();
        int[] perCell = new int[dimensions.size() * n];
        for (Criterion c : criteria) {
            if (!seen.add(c.id())) {
                throw Checks.invalid("criterion id", "must be unique in " + id, c.id());
            }
            Integer d = dimIndex.get(c.dimension());
            if (d == null) {
                throw Checks.invalid("dimension of " + c.id(), "must be one of " + dimIndex.keySet().stream().sorted().toList(),
                        c.dimension());
            }
            if (c.level() > n) {
                throw Checks.invalid("level of " + c.id(), "must be between 1 and " + n, c.level());
            }
            perCell[d * n + c.level() - 1]++;
        }
        for (int d = 0; d < dimensions.size(); d++) {
            for (int l = 0; l < n; l++) {
                if (perCell[d * n + l] == 0) {
                    throw Checks.invalid("criteria of " + dimensions.get(d).id() + " at level " + (l + 1),
                            "must not be empty", 0);
                }
            }
        }
        List<Criterion> ordered = new ArrayList<>(criteria);
        // stable: keeps the given order within one dimension and level
        ordered.sort((a, b) -> {
            int byDim = Integer.compare(dimIndex.get(a.dimension()), dimIndex.get(b.dimension()));
            return byDim != 0 ? byDim : Integer.compare(a.level(), b.level());
        });
        criteria = List.copyOf(ordered);
    }

    /**
     * A builder.
     *
     * @param id the model id
     * @param title the title
     * @return a new builder
     */
    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    /**
     * The number of levels (the top rank).
     *
     * @return the top rank
     */
    public int topLevel() {
        return levels.size();
    }

    /**
     * The level of a rank.
     *
     * @param rank the rank, 1..{@link #topLevel()}
     * @return the level
     * @throws IllegalArgumentException if out of range
     */
    public MaturityLevel level(int rank) {
        Checks.inRange(rank, 1, levels.size(), "rank");
        return levels.get(rank - 1);
    }

    /**
     * The dimension with an id.
     *
     * @param dimensionId the id
     * @return the dimension
     * @throws IllegalArgumentException if there is none
     */
    public Dimension dimension(@Nullable String dimensionId) {
        for (Dimension d : dimensions) {
            if (d.id().equals(dimensionId)) {
                return d;
            }
        }
        throw Checks.invalid("dimension", "must be one of " + dimensions.stream().map(Dimension::id).toList()
                + " in " + id, dimensionId);
    }

    /**
     * The criterion with an id.
     *
     * @param criterionId the id
     * @return the criterion, or null
     */
    public @Nullable Criterion criterion(@Nullable String criterionId) {
        for (Criterion c : criteria) {
            if (c.id().equals(criterionId)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The criteria of one dimension at one level, in model order.
     *
     * @param dimensionId the dimension id
     * @param rank the level rank
     * @return the criteria (empty for an unknown dimension or rank)
     */
    public List<Criterion> criteria(String dimensionId, int rank) {
        List<Criterion> out = new ArrayList<>();
        for (Criterion c : criteria) {
            if (c.dimension().equals(dimensionId) && c.level() == rank) {
                out.add(c);
            }
        }
        return out;
    }

    /** Builds a definition step by step; validation happens in {@link #build()}. */
    public static final class Builder {
        private final String id;
        private final String title;
        private String description = "";
        private final List<Dimension> dimensions = new ArrayList<>();
        private final List<MaturityLevel> levels = new ArrayList<>();
        private final List<Criterion> criteria = new ArrayList<>();

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        /**
         * Sets the description.
         *
         * @param description the description
         * @return this builder
         */
        public Builder description(@Nullable String description) {
            this.description = Checks.notNull(description, "model description");
            return this;
        }

        /**
         * Adds a dimension.
         *
         * @param dimensionId the id
         * @param name the name
         * @param dimensionDescription what it covers
         * @return this builder
         */
        public Builder dimension(String dimensionId, String name, String dimensionDescription) {
            dimensions.add(new Dimension(dimensionId, name, dimensionDescription));
            return this;
        }

        /**
         * Adds a level.
         *
         * @param rank the rank
         * @param name the name
         * @param summary what the level looks like
         * @return this builder
         */
        public Builder level(int rank, String name, String summary) {
            levels.add(new MaturityLevel(rank, name, summary));
            return this;
        }

        /**
         * Adds an answer-only criterion.
         *
         * @param criterionId the id
         * @param dimensionId the dimension id
         * @param rank the level rank
         * @param text the text
         * @return this builder
         */
        public Builder criterion(String criterionId, String dimensionId, int rank, String text) {
            criteria.add(new Criterion(criterionId, dimensionId, rank, text, null));
            return this;
        }

        /**
         * Adds a measurable criterion.
         *
         * @param criterionId the id
         * @param dimensionId the dimension id
         * @param rank the level rank
         * @param text the text
         * @param rule the rule that decides it from evidence
         * @return this builder
         */
        public Builder criterion(String criterionId, String dimensionId, int rank, String text, @Nullable Threshold rule) {
            criteria.add(new Criterion(criterionId, dimensionId, rank, text, Checks.notNull(rule, "rule of " + criterionId)));
            return this;
        }

        /**
         * Validates and builds the definition.
         *
         * @return the definition
         * @throws IllegalArgumentException if the definition is invalid
         */
        public MaturityModelDefinition build() {
            return new MaturityModelDefinition(id, title, description, dimensions, levels, criteria);
        }
    }
}
