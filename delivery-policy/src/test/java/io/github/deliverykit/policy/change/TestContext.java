package io.github.deliverykit.policy.change;

import io.github.deliverykit.policy.budget.FreezeDecision;
import io.github.deliverykit.policy.change.ChangeApproval.FreezeWindow;
import io.github.deliverykit.policy.change.ChangeApproval.Input;
import io.github.deliverykit.policy.change.ChangeApproval.ScheduledChange;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The instant and upstream results of a test evaluation, applied to any request. */
record TestContext(Instant now, @Nullable FreezeDecision freeze, List<FreezeWindow> freezeWindows,
        List<ScheduledChange> scheduled) {

    static TestContext at(Instant now) {
        return new TestContext(now, null, List.of(), List.of());
    }

    TestContext withFreeze(FreezeDecision decision) {
        return new TestContext(now, decision, freezeWindows, scheduled);
    }

    TestContext withFreezeWindows(List<FreezeWindow> windows) {
        return new TestContext(now, freeze, windows, scheduled);
    }

    TestContext withScheduled(List<ScheduledChange> changes) {
        return new TestContext(now, freeze, freezeWindows, changes);
    }

    Input input(ChangeRequest request) {
        Input in = Input.of(request).withFreezeWindows(freezeWindows).withScheduled(scheduled);
        return freeze == null ? in : in.withFreeze(freeze);
    }

    Clock clock() {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    ChangeDecision decide(ChangeApproval approval, ChangeRequest request) {
        return approval.evaluate(input(request), clock());
    }
}
