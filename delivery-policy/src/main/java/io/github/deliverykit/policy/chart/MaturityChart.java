package io.github.deliverykit.policy.chart;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.CriterionStatus;
import java.util.List;

/**
 * The maturity matrix: one row per dimension, one cell per level, each met, not met or unknown,
 * with the dimension's current and target level.
 *
 * @param model the model id
 * @param title the model title
 * @param levels the level names, by rank from 1
 * @param currentLevel the overall level (the lowest dimension), 0 for not yet L1
 * @param targetLevel the next overall level, or the top level when reached
 * @param rows one row per dimension, in model order
 */
public record MaturityChart(String model, String title, List<String> levels, int currentLevel, int targetLevel,
        List<Row> rows) {

    /**
     * Validates the matrix.
     *
     * @throws IllegalArgumentException if a field is null, a level out of range, or a row's cells
     *     do not match the levels
     */
    public MaturityChart {
        Checks.notBlank(model, "model");
        Checks.notBlank(title, "title");
        levels = Checks.listOf(levels, "levels");
        Checks.inRange(currentLevel, 0, levels.size(), "currentLevel");
        Checks.inRange(targetLevel, currentLevel, levels.size(), "targetLevel");
        rows = Checks.listOf(rows, "rows");
        for (Row r : rows) {
            if (r.cells().size() != levels.size()) {
                throw Checks.invalid("rows[" + r.dimension() + "].cells", "must hold one cell per level ("
                        + levels.size() + ")", r.cells().size());
            }
            Checks.inRange(r.currentLevel(), 0, levels.size(), "rows[" + r.dimension() + "].currentLevel");
            Checks.inRange(r.targetLevel(), 0, levels.size(), "rows[" + r.dimension() + "].targetLevel");
        }
    }

    /**
     * One dimension.
     *
     * @param dimension the dimension id
     * @param name the dimension name
     * @param currentLevel the level reached, 0 for not yet L1
     * @param targetLevel the next level, or the top level when reached
     * @param cells one cell per level, by rank from 1
     */
    public record Row(String dimension, String name, int currentLevel, int targetLevel, List<Cell> cells) {

        /**
         * Validates the row.
         *
         * @throws IllegalArgumentException if a field is null or blank, or the target below the current level
         */
        public Row {
            Checks.notBlank(dimension, "dimension");
            Checks.notBlank(name, "name");
            Checks.nonNegative(currentLevel, "currentLevel");
            Checks.inRange(targetLevel, currentLevel, Integer.MAX_VALUE, "targetLevel");
            cells = Checks.listOf(cells, "cells");
        }
    }

    /**
     * One dimension at one level: MET when every criterion holds, NOT_MET when one does not,
     * UNKNOWN otherwise (also when the level has no criteria for the dimension).
     *
     * @param level the level rank, from 1
     * @param status the cell's status
     * @param met the criteria met
     * @param notMet the criteria not met
     * @param unknown the criteria nobody answered and nothing measured
     */
    public record Cell(int level, CriterionStatus status, int met, int notMet, int unknown) {

        /**
         * Validates the cell.
         *
         * @throws IllegalArgumentException if a field is null or a count negative
         */
        public Cell {
            Checks.inRange(level, 1, Integer.MAX_VALUE, "level");
            Checks.notNull(status, "status");
            Checks.nonNegative(met, "met");
            Checks.nonNegative(notMet, "notMet");
            Checks.nonNegative(unknown, "unknown");
        }
    }
}
