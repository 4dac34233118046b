package io.github.deliverykit.policy.change;

import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.policy.change.spi.ChangeRule;
import java.time.Instant;
import java.util.regex.Pattern;

/** A test-only rule registered in src/test/resources/META-INF/services: descriptions cite a ticket. */
public final class TicketReferenceRule implements ChangeRule {

    private static final Pattern TICKET = Pattern.compile("\\b[A-Z]+-\\d+\\b");

    @Override
    public String id() {
        return "ticket-reference";
    }

    @Override
    public RuleResult<Extras> evaluate(ChangeApproval.Input input, Instant now, ChangeApprovalConfig config) {
        String description = input.request().description();
        if (description != null && TICKET.matcher(description).find()) {
            return RuleResult.of(Extras.none(), Finding.pass("ticket-reference.found", "The description cites a ticket",
                    Facts.none()));
        }
        return RuleResult.of(Extras.none(), Finding.fail("ticket-reference.missing",
                "The description must cite a ticket such as OPS-123", Facts.of("description", String.valueOf(description))));
    }
}
