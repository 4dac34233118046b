package io.github.deliverykit.policy.change;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A request for change (seed: description, justification, impact analysis, implementation plan,
 * rollback plan, testing plan and scheduled window), with who asked for it, when, for which service,
 * what kind of change it is for a deploy freeze, and the approvals given so far.
 *
 * <p>The identifying fields are required and validated here; the documented parts may be absent
 * (null or blank), because a missing part is an expected outcome reported by the rules as a
 * finding, not bad input.
 *
 * <p>The {@link ChangeKind} is given explicitly and never derived from the {@link Type}: it is what
 * a deploy freeze may still allow ({@link io.github.deliverykit.policy.budget.FreezeDecision#allows(ChangeKind)}).
 * Usually an emergency fix is {@link ChangeKind#CRITICAL} or {@link ChangeKind#SECURITY_FIX}, a
 * rollback {@link ChangeKind#ROLLBACK}, and every other change {@link ChangeKind#ROUTINE}; but an
 * emergency change that ships a feature is still ROUTINE, and a standard change may be a rollback.
 *
 * @param id the request id, not blank
 * @param type the change type (approvers, lead time, required fields)
 * @param kind the change kind (what a deploy freeze may still allow)
 * @param service the service changed (rate limits count per service), not blank
 * @param author who raised the change, not blank
 * @param submittedAt when the request was submitted (lead time counts from here)
 * @param description what changes, or null
 * @param justification why, or null
 * @param impact the impact analysis, or null
 * @param implementationPlan how, or null
 * @param rollbackPlan how to undo it, or null
 * @param testingPlan how it is verified, or null
 * @param window when it is carried out, or null
 * @param approvals the approvals given so far, in order
 */
public record ChangeRequest(
        String id,
        Type type,
        ChangeKind kind,
        String service,
        String author,
        Instant submittedAt,
        @Nullable String description,
        @Nullable String justification,
        @Nullable Impact impact,
        @Nullable String implementationPlan,
        @Nullable String rollbackPlan,
        @Nullable String testingPlan,
        @Nullable Interval window,
        List<Approval> approvals) {

    /**
     * Validates the request.
     *
     * @throws IllegalArgumentException if the id, service or author is blank, the type, kind or
     *     submission time is null, the time is outside {@link Interval#MIN}..{@link Interval#MAX},
     *     or the approvals list or an element is null
     */
    public ChangeRequest {
        Checks.notBlank(id, "id");
        Checks.notNull(type, "type");
        Checks.notNull(kind, "kind");
        Checks.notBlank(service, "service");
        Checks.notBlank(author, "author");
        checkInstant(submittedAt, "submittedAt");
        approvals = Checks.listOf(approvals, "approvals");
    }

    static Instant checkInstant(@Nullable Instant value, String field) {
        Checks.notNull(value, field);
        if (value.isBefore(Interval.MIN) || value.isAfter(Interval.MAX)) {
            throw Checks.invalid(field, "must lie between " + Interval.MIN + " and " + Interval.MAX, value);
        }
        return value;
    }

    /**
     * A builder for a request; the documented parts start absent.
     *
     * @param id the request id
     * @param type the type
     * @param kind the kind, for deploy freezes (see the class comment for the usual mapping)
     * @param service the service changed
     * @param author who raised it
     * @param submittedAt when it was submitted
     * @return a builder
     */
    public static Builder builder(String id, Type type, ChangeKind kind, String service, String author,
            Instant submittedAt) {
        return new Builder(id, type, kind, service, author, submittedAt);
    }

    /**
     * Whether an approver is the author (segregation of duties): names are compared ignoring case
     * and surrounding white space.
     *
     * @param approver the approver name
     * @return true if the approver is the author
     */
    public boolean isAuthor(@Nullable String approver) {
        return approver != null && normalise(approver).equals(normalise(author));
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * This request with one more approval.
     *
     * @param approval the approval
     * @return a new request
     * @throws IllegalArgumentException if the approval is null
     */
    public ChangeRequest withApproval(Approval approval) {
        Checks.notNull(approval, "approval");
        List<Approval> all = new ArrayList<>(approvals);
        all.add(approval);
        return new ChangeRequest(id, type, kind, service, author, submittedAt, description, justification, impact,
                implementationPlan, rollbackPlan, testingPlan, window, all);
    }

    /**
     * Whether this request documents a field: a text that is not blank, an impact analysis that
     * names a system or service, or a scheduled window.
     *
     * @param field the field
     * @return true when present
     * @throws IllegalArgumentException if the field is null
     */
    public boolean documents(Field field) {
        return switch (Checks.notNull(field, "field")) {
            case DESCRIPTION -> text(description);
            case JUSTIFICATION -> text(justification);
            case IMPACT_ANALYSIS -> impact != null && impact.isComplete();
            case IMPLEMENTATION_PLAN -> text(implementationPlan);
            case ROLLBACK_PLAN -> text(rollbackPlan);
            case TESTING_PLAN -> text(testingPlan);
            case SCHEDULED_WINDOW -> window != null;
        };
    }

    private static boolean text(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    /**
     * The four ITIL change types of the seed, with their default approvers and lead times. Standard
     * changes are pre-approved and must stay cheap (heavyweight approval does not lower the change
     * failure rate); emergency changes are approved by the on-call engineer at once and reviewed
     * afterwards. The defaults can be changed per type in {@link ChangeApprovalConfig}.
     */
    public enum Type {
        /** Pre-approved, low risk: no approval, lead time 0. */
        STANDARD(List.of(), Duration.ZERO),
        /** Change advisory board approval, lead time 5 days. */
        NORMAL(List.of(Role.CAB), Duration.ofDays(5)),
        /** Manager approval, lead time 24 hours. */
        EXPEDITED(List.of(Role.MANAGER), Duration.ofHours(24)),
        /** On-call approval, lead time 0, a retrospective review afterwards. */
        EMERGENCY(List.of(Role.ON_CALL), Duration.ZERO);

        private final List<Role> defaultApprovers;
        private final Duration defaultLeadTime;

        Type(List<Role> defaultApprovers, Duration defaultLeadTime) {
            this.defaultApprovers = defaultApprovers;
            this.defaultLeadTime = defaultLeadTime;
        }

        /**
         * The roles that approve this type by default (the seed's table).
         *
         * @return the roles, empty for a standard change
         */
        public List<Role> defaultApprovers() {
            return defaultApprovers;
        }

        /**
         * The default minimum time between submitting the request and the start of its window.
         *
         * @return the lead time
         */
        public Duration defaultLeadTime() {
            return defaultLeadTime;
        }
    }

    /**
     * Who must approve a change: a role such as the change advisory board, a manager or the on-call
     * engineer. Roles are compared by name; the three ITIL roles of the seed are constants, and any
     * other lower-case name (for example {@code security}) can be used by a config or a custom rule.
     *
     * @param name the role name: lower-case letters, digits, {@code -} and {@code _}
     */
    public record Role(String name) implements Comparable<Role> {

        private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

        /** The change advisory board, which approves normal changes. */
        public static final Role CAB = new Role("cab");
        /** A manager, who approves expedited changes. */
        public static final Role MANAGER = new Role("manager");
        /** The on-call engineer, who approves emergency changes. */
        public static final Role ON_CALL = new Role("on-call");

        /**
         * Validates the role.
         *
         * @throws IllegalArgumentException if the name is null or not a lower-case token
         */
        public Role {
            Checks.notNull(name, "role");
            if (!NAME.matcher(name).matches()) {
                throw Checks.invalid("role", "must be a lower-case name like 'cab' or 'on-call'", name);
            }
        }

        /**
         * A role by name.
         *
         * @param name the name
         * @return the role
         * @throws IllegalArgumentException if the name is not a lower-case token
         */
        public static Role of(String name) {
            return new Role(name);
        }

        @Override
        public int compareTo(Role other) {
            return name.compareTo(other.name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * One approval given to a change request: who approved and in which role.
     *
     * @param approver the person (or group member) who approved, not blank
     * @param role the role they approved in
     */
    public record Approval(String approver, Role role) {

        /**
         * Validates the approval.
         *
         * @throws IllegalArgumentException if the approver is blank or the role null
         */
        public Approval {
            Checks.notBlank(approver, "approver");
            Checks.notNull(role, "role");
        }

        /**
         * An approval.
         *
         * @param approver the approver
         * @param role the role
         * @return the approval
         * @throws IllegalArgumentException if the approver is blank or the role null
         */
        public static Approval of(String approver, Role role) {
            return new Approval(approver, role);
        }
    }

    /**
     * The impact analysis of a change request (seed): the systems and services touched, how many
     * users are affected and the expected downtime. An analysis that names no system and no service
     * is treated as missing by the required-fields rule.
     *
     * @param systems the systems touched, in order
     * @param services the services touched, in order
     * @param usersAffected the number of users affected, zero or more
     * @param downtime the expected downtime, zero or more
     */
    public record Impact(List<String> systems, List<String> services, long usersAffected, Duration downtime) {

        /**
         * Validates and copies the analysis.
         *
         * @throws IllegalArgumentException if a list or element is null or blank, the user count is
         *     negative or the downtime null or negative
         */
        public Impact {
            systems = names(systems, "systems");
            services = names(services, "services");
            Checks.nonNegative(usersAffected, "usersAffected");
            Checks.nonNegative(downtime, "downtime");
        }

        private static List<String> names(List<String> values, String field) {
            List<String> copy = Checks.listOf(values, field);
            for (int i = 0; i < copy.size(); i++) {
                Checks.notBlank(copy.get(i), field + "[" + i + "]");
            }
            return copy;
        }

        /**
         * Whether the analysis names at least one system or service.
         *
         * @return true when something is named
         */
        public boolean isComplete() {
            return !systems.isEmpty() || !services.isEmpty();
        }
    }

    /**
     * The documented parts of a change request the seed requires. Which are required depends on the
     * change type ({@link ChangeApprovalConfig#requiredFields(Type)}); the rollback plan has a rule
     * of its own ({@link ChangeApprovalConfig#rollbackPlanRequired(Type)}).
     */
    public enum Field {
        /** What changes. */
        DESCRIPTION("description"),
        /** Why it changes. */
        JUSTIFICATION("justification"),
        /** Systems, services, users and downtime affected. */
        IMPACT_ANALYSIS("impact_analysis"),
        /** How it is carried out. */
        IMPLEMENTATION_PLAN("implementation_plan"),
        /** How it is undone. */
        ROLLBACK_PLAN("rollback_plan"),
        /** How it is verified. */
        TESTING_PLAN("testing_plan"),
        /** When it is carried out. */
        SCHEDULED_WINDOW("scheduled_window");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        /**
         * The stable name used in findings and facts.
         *
         * @return e.g. {@code rollback_plan}
         */
        public String key() {
            return key;
        }
    }

    /** A reusable builder of {@link ChangeRequest}. */
    public static final class Builder {
        private final String id;
        private Type type;
        private ChangeKind kind;
        private final String service;
        private final String author;
        private final Instant submittedAt;
        private @Nullable String description;
        private @Nullable String justification;
        private @Nullable Impact impact;
        private @Nullable String implementationPlan;
        private @Nullable String rollbackPlan;
        private @Nullable String testingPlan;
        private @Nullable Interval window;
        private final List<Approval> approvals = new ArrayList<>();

        private Builder(String id, Type type, ChangeKind kind, String service, String author, Instant submittedAt) {
            this.id = id;
            this.type = type;
            this.kind = kind;
            this.service = service;
            this.author = author;
            this.submittedAt = submittedAt;
        }

        /**
         * Sets the type.
         *
         * @param type the type
         * @return this builder
         */
        public Builder type(Type type) {
            this.type = type;
            return this;
        }

        /**
         * Sets the kind.
         *
         * @param kind the kind
         * @return this builder
         */
        public Builder kind(ChangeKind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets the description.
         *
         * @param description what changes
         * @return this builder
         */
        public Builder description(@Nullable String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets the justification.
         *
         * @param justification why
         * @return this builder
         */
        public Builder justification(@Nullable String justification) {
            this.justification = justification;
            return this;
        }

        /**
         * Sets the impact analysis.
         *
         * @param impact the analysis
         * @return this builder
         */
        public Builder impact(@Nullable Impact impact) {
            this.impact = impact;
            return this;
        }

        /**
         * Sets the implementation plan.
         *
         * @param implementationPlan how
         * @return this builder
         */
        public Builder implementationPlan(@Nullable String implementationPlan) {
            this.implementationPlan = implementationPlan;
            return this;
        }

        /**
         * Sets the rollback plan.
         *
         * @param rollbackPlan how to undo it
         * @return this builder
         */
        public Builder rollbackPlan(@Nullable String rollbackPlan) {
            this.rollbackPlan = rollbackPlan;
            return this;
        }

        /**
         * Sets the testing plan.
         *
         * @param testingPlan how it is verified
         * @return this builder
         */
        public Builder testingPlan(@Nullable String testingPlan) {
            this.testingPlan = testingPlan;
            return this;
        }

        /**
         * Sets the scheduled window.
         *
         * @param window when
         * @return this builder
         */
        public Builder window(@Nullable Interval window) {
            this.window = window;
            return this;
        }

        /**
         * Adds an approval.
         *
         * @param approver who approved
         * @param role in which role
         * @return this builder
         * @throws IllegalArgumentException if the approver is blank or the role null
         */
        public Builder approval(String approver, Role role) {
            approvals.add(new Approval(approver, role));
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException if a required field is invalid
         */
        public ChangeRequest build() {
            return new ChangeRequest(id, type, kind, service, author, submittedAt, description, justification, impact,
                    implementationPlan, rollbackPlan, testingPlan, window, approvals);
        }
    }
}
