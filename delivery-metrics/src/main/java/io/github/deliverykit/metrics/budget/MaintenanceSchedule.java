package io.github.deliverykit.metrics.budget;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.IntervalSet;
import java.util.ArrayList;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import java.util.List;

/**
 * Scheduled maintenance that never consumes error budget: one-off intervals plus recurring windows.
 *
 * @param oneOff one-off maintenance intervals, in any order
 * @param recurring recurring maintenance windows
 */
public record MaintenanceSchedule(List<Interval> oneOff, List<RecurringMaintenance> recurring) {

    private static final MaintenanceSchedule NONE = new MaintenanceSchedule(List.of(), List.of());

    /**
     * Validates and copies the schedule.
     *
     * @throws IllegalArgumentException if a list or an element is null
     */
    public MaintenanceSchedule {
        oneOff = Checks.listOf(oneOff, "oneOff");
        recurring = Checks.listOf(recurring, "recurring");
    }

    /**
     * No maintenance.
     *
     * @return the empty schedule
     */
    public static MaintenanceSchedule none() {
        return NONE;
    }

    /**
     * One-off maintenance intervals only.
     *
     * @param intervals the intervals
     * @return the schedule
     * @throws IllegalArgumentException if the array or an element is null
     */
    public static MaintenanceSchedule of(Interval @Nullable ... intervals) {
        return new MaintenanceSchedule(Checks.listOf(Arrays.asList(Checks.notNull(intervals, "intervals")),
                "intervals"), List.of());
    }

    /**
     * This schedule plus a one-off interval.
     *
     * @param interval the interval
     * @return a new schedule
     */
    public MaintenanceSchedule plus(Interval interval) {
        List<Interval> l = new ArrayList<>(oneOff);
        l.add(Checks.notNull(interval, "interval"));
        return new MaintenanceSchedule(l, recurring);
    }

    /**
     * This schedule plus a recurring window.
     *
     * @param window the recurring window
     * @return a new schedule
     */
    public MaintenanceSchedule plus(RecurringMaintenance window) {
        List<RecurringMaintenance> l = new ArrayList<>(recurring);
        l.add(Checks.notNull(window, "window"));
        return new MaintenanceSchedule(oneOff, l);
    }

    /**
     * All maintenance inside a window, as a normalised set.
     *
     * @param window the window
     * @return the maintenance instants within the window
     */
    public IntervalSet within(Interval window) {
        Checks.notNull(window, "window");
        List<Interval> all = new ArrayList<>(oneOff);
        for (RecurringMaintenance r : recurring) {
            all.addAll(r.occurrencesWithin(window));
        }
        return IntervalSet.of(all).clip(window);
    }
}
