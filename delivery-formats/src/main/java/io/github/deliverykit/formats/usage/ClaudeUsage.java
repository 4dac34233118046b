package io.github.deliverykit.formats.usage;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.metrics.cost.UsageRecord;
import org.jspecify.annotations.Nullable;

/**
 * One model response of a Claude Code session log: its usage record and where it was made.
 *
 * @param usage the usage record (id {@code messageId:requestId}, or {@code file:line} without ids)
 * @param gitBranch the branch checked out, or null
 * @param project the project directory name the log lies in
 */
public record ClaudeUsage(UsageRecord usage, @Nullable String gitBranch, String project) {

    /**
     * Validates the usage.
     *
     * @throws IllegalArgumentException if the record or project is null
     */
    public ClaudeUsage {
        Checks.notNull(usage, "usage");
        Checks.notNull(project, "project");
    }
}
