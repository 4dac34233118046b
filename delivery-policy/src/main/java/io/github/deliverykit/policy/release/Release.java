package io.github.deliverykit.policy.release;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Feature;
import io.github.deliverykit.policy.strategy.StrategyInput;
import io.github.deliverykit.policy.strategy.StrategyInput.DeploymentConstraints;
import io.github.deliverykit.policy.strategy.StrategyInput.ReleaseType;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A planned release: its version, the version before it, the target date and the scope.
 *
 * @param version the version released
 * @param previousVersion the version before it, or null for a first release
 * @param targetDate the release date (T-0)
 * @param scope what it contains
 */
public record Release(SemanticVersion version, @Nullable SemanticVersion previousVersion, LocalDate targetDate,
        Scope scope) {

    /** The earliest supported target date. */
    public static final LocalDate MIN_TARGET_DATE = LocalDate.of(1900, 1, 1);
    /** The latest supported target date. */
    public static final LocalDate MAX_TARGET_DATE = LocalDate.of(9999, 1, 1);

    /**
     * Validates the release.
     *
     * @throws IllegalArgumentException if a required field is null, the target date is outside
     *     {@link #MIN_TARGET_DATE}..{@link #MAX_TARGET_DATE}, or the version is not after the previous one
     */
    public Release {
        Checks.notNull(version, "version");
        Checks.notNull(targetDate, "targetDate");
        if (targetDate.isBefore(MIN_TARGET_DATE) || targetDate.isAfter(MAX_TARGET_DATE)) {
            throw Checks.invalid("targetDate", "must lie between " + MIN_TARGET_DATE + " and " + MAX_TARGET_DATE,
                    targetDate);
        }
        Checks.notNull(scope, "scope");
        typeOf(version, previousVersion);
    }

    /**
     * A release with an empty scope.
     *
     * @param version e.g. {@code v2.5.0}
     * @param previousVersion e.g. {@code v2.4.3}, or null
     * @param targetDate the target date
     * @return the release
     * @throws IllegalArgumentException if a version does not parse or the release is invalid
     */
    public static Release of(String version, @Nullable String previousVersion, LocalDate targetDate) {
        return new Release(SemanticVersion.parse(version),
                previousVersion == null ? null : SemanticVersion.parse(previousVersion), targetDate,
                Scope.empty());
    }

    /**
     * This release with a scope.
     *
     * @param scope the scope
     * @return a new release
     */
    public Release withScope(Scope scope) {
        return new Release(version, previousVersion, targetDate, scope);
    }

    /**
     * The release type by semantic versioning.
     *
     * @return the type
     */
    public ReleaseType type() {
        return typeOf(version, previousVersion);
    }

    /**
     * The number of changes the release carries: features, bug fixes and dependencies.
     *
     * @return the size
     */
    public int size() {
        long n = (long) scope.features().size() + scope.bugFixes().size() + scope.dependencies().size();
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    /**
     * What the strategy choice needs from this release: its type, its size and the constraints; a
     * database migration among the dependencies turns "no schema change" into a backward-compatible
     * (expand/contract) one.
     *
     * @param constraints the infrastructure constraints
     * @return the strategy input
     * @throws IllegalArgumentException if constraints is null
     */
    public StrategyInput strategyInput(DeploymentConstraints constraints) {
        Checks.notNull(constraints, "constraints");
        DeploymentConstraints c = constraints;
        boolean migration = scope.dependencies().stream().anyMatch(d -> d.kind() == Dependency.Kind.DB_MIGRATION);
        if (migration && c.schemaChange() == DeploymentConstraints.SchemaChange.NONE) {
            c = c.withSchemaChange(DeploymentConstraints.SchemaChange.BACKWARD_COMPATIBLE);
        }
        return StrategyInput.of(type(), size(), c);
    }

    /**
     * The type of a release by semantic versioning: a pre-release tag makes a pre-release; otherwise
     * the first component that grew decides (a release after a pre-release of the same version is
     * judged from the version alone), and a patch release whose build metadata holds the identifier
     * {@code hotfix} is a hotfix.
     */
    static ReleaseType typeOf(SemanticVersion version, @Nullable SemanticVersion previous) {
        Checks.notNull(version, "version");
        if (previous != null && version.compareTo(previous) <= 0) {
            throw new IllegalArgumentException(Checks.message(
                    "version must be after previousVersion (%s), but was %s", previous, version));
        }
        if (version.isPreRelease()) {
            return ReleaseType.PRE_RELEASE;
        }
        ReleaseType t;
        if (previous == null || (previous.isPreRelease() && previous.sameCore(version))) {
            t = version.patch() > 0 ? ReleaseType.PATCH : version.minor() > 0 ? ReleaseType.MINOR : ReleaseType.MAJOR;
        } else if (version.major() > previous.major()) {
            t = ReleaseType.MAJOR;
        } else if (version.minor() > previous.minor()) {
            t = ReleaseType.MINOR;
        } else {
            t = ReleaseType.PATCH;
        }
        if (t == ReleaseType.PATCH && List.of(version.build().split("\\.")).contains("hotfix")) {
            return ReleaseType.HOTFIX;
        }
        return t;
    }

    /**
     * A semantic version (semver.org 2.0.0): {@code MAJOR.MINOR.PATCH}, an optional pre-release and
     * optional build metadata. Ordered by semver precedence (build metadata is ignored; a pre-release
     * comes before its release; numeric identifiers compare numerically).
     *
     * @param major the major version, zero or more
     * @param minor the minor version, zero or more
     * @param patch the patch version, zero or more
     * @param preRelease the pre-release identifiers (e.g. {@code rc.1}), empty when none
     * @param build the build metadata, empty when none
     */
    public record SemanticVersion(long major, long minor, long patch, String preRelease, String build)
            implements Comparable<SemanticVersion> {

        private static final String NUM = "0|[1-9]\\d{0,17}";
        private static final String IDS = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
        private static final Pattern SEMVER = Pattern.compile(
                "[vV]?(" + NUM + ")\\.(" + NUM + ")\\.(" + NUM + ")(?:-(" + IDS + "))?(?:\\+(" + IDS + "))?");
        private static final Pattern IDENTIFIERS = Pattern.compile("(" + IDS + ")?");
        private static final Pattern NUMERIC = Pattern.compile("\\d+");

        /**
         * Validates the version.
         *
         * @throws IllegalArgumentException if a number is negative or the identifiers are malformed
         */
        public SemanticVersion {
            Checks.nonNegative(major, "major");
            Checks.nonNegative(minor, "minor");
            Checks.nonNegative(patch, "patch");
            Checks.notNull(preRelease, "preRelease");
            Checks.notNull(build, "build");
            if (!IDENTIFIERS.matcher(preRelease).matches()) {
                throw Checks.invalid("preRelease", "must be dot-separated identifiers [0-9A-Za-z-]", preRelease);
            }
            if (!IDENTIFIERS.matcher(build).matches()) {
                throw Checks.invalid("build", "must be dot-separated identifiers [0-9A-Za-z-]", build);
            }
        }

        /**
         * Parses a version such as {@code v2.5.0}, {@code 2.5.0-rc.1} or {@code 1.0.0+build.7}; a leading
         * {@code v} is accepted.
         *
         * @param text the text
         * @return the version
         * @throws IllegalArgumentException if the text is not a semantic version
         */
        public static SemanticVersion parse(String text) {
            Checks.notNull(text, "version");
            Matcher m = SEMVER.matcher(text.strip());
            if (!m.matches()) {
                throw Checks.invalid("version", "must be a semantic version like 'v2.5.0' or '2.5.0-rc.1'", text);
            }
            return new SemanticVersion(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    m.group(4) == null ? "" : m.group(4), m.group(5) == null ? "" : m.group(5));
        }

        /**
         * Whether this is a pre-release.
         *
         * @return true when a pre-release is present
         */
        public boolean isPreRelease() {
            return !preRelease.isEmpty();
        }

        /**
         * Whether two versions have the same major, minor and patch.
         *
         * @param other the other version
         * @return true when the cores are equal
         * @throws IllegalArgumentException if other is null
         */
        public boolean sameCore(SemanticVersion other) {
            Checks.notNull(other, "other");
            return major == other.major && minor == other.minor && patch == other.patch;
        }

        @Override
        public int compareTo(SemanticVersion o) {
            int c = Long.compare(major, o.major);
            if (c == 0) {
                c = Long.compare(minor, o.minor);
            }
            if (c == 0) {
                c = Long.compare(patch, o.patch);
            }
            if (c != 0) {
                return c;
            }
            if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
                return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty());
            }
            String[] a = preRelease.split("\\.");
            String[] b = o.preRelease.split("\\.");
            for (int i = 0; i < Math.min(a.length, b.length); i++) {
                c = compareIdentifier(a[i], b[i]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.length, b.length);
        }

        private static int compareIdentifier(String a, String b) {
            boolean na = NUMERIC.matcher(a).matches();
            boolean nb = NUMERIC.matcher(b).matches();
            if (na && nb) {
                return new BigInteger(a).compareTo(new BigInteger(b));
            }
            if (na != nb) {
                return na ? -1 : 1;
            }
            return a.compareTo(b);
        }

        /**
         * The version as {@code MAJOR.MINOR.PATCH[-pre][+build]}, without a {@code v}.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease)
                    + (build.isEmpty() ? "" : "+" + build);
        }
    }

    /**
     * What a release contains (seed): features with their status, bug fixes and dependencies.
     *
     * @param features the features, in order
     * @param bugFixes the bug fixes (ticket ids or titles), in order
     * @param dependencies the dependencies, in order
     */
    public record Scope(List<Feature> features, List<String> bugFixes, List<Dependency> dependencies) {

        private static final Scope EMPTY = new Scope(List.of(), List.of(), List.of());

        /**
         * Validates and copies the scope.
         *
         * @throws IllegalArgumentException if a list or element is null, or a bug fix is blank
         */
        public Scope {
            features = Checks.listOf(features, "features");
            bugFixes = Checks.listOf(bugFixes, "bugFixes");
            for (int i = 0; i < bugFixes.size(); i++) {
                Checks.notBlank(bugFixes.get(i), "bugFixes[" + i + "]");
            }
            dependencies = Checks.listOf(dependencies, "dependencies");
        }

        /**
         * An empty scope (not stated).
         *
         * @return the empty scope
         */
        public static Scope empty() {
            return EMPTY;
        }

        /**
         * The features that are neither done nor deferred.
         *
         * @return the open features, in order
         */
        public List<Feature> openFeatures() {
            return features.stream()
                    .filter(f -> f.status() == Feature.Status.IN_PROGRESS || f.status() == Feature.Status.AT_RISK)
                    .toList();
        }
    }

    /**
     * Something a release depends on or ships (seed: DB migrations, API versions, SDK updates).
     *
     * @param kind the kind
     * @param name what, e.g. {@code V42__add_orders_index} or {@code payments API v3}
     */
    public record Dependency(Kind kind, String name) {

        /** The kinds of release dependencies. */
        public enum Kind {
            /** A database migration. */
            DB_MIGRATION,
            /** A new or changed API version. */
            API_VERSION,
            /** An SDK update. */
            SDK_UPDATE
        }

        /**
         * Validates the dependency.
         *
         * @throws IllegalArgumentException if the kind is null or the name blank
         */
        public Dependency {
            Checks.notNull(kind, "kind");
            Checks.notBlank(name, "name");
        }

        /**
         * A dependency.
         *
         * @param kind the kind
         * @param name the name
         * @return the dependency
         */
        public static Dependency of(Kind kind, String name) {
            return new Dependency(kind, name);
        }
    }
}
