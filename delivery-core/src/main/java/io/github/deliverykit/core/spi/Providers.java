package io.github.deliverykit.core.spi;

import io.github.deliverykit.core.check.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one helper every plug point loads its providers with. It wraps {@link ServiceLoader} so that
 * the result is deterministic and its failures are explained:
 *
 * <ul>
 *   <li>from a given {@link ClassLoader} or {@link ModuleLayer} (class path and module path alike;
 *       the caller's module does not need a {@code uses} clause for this to work);
 *   <li>ordered by priority, then id, never by discovery order;
 *   <li>two providers with one id fail with a {@link ProviderException} naming both classes;
 *   <li>a provider that cannot be loaded or constructed fails naming its class, or, in lenient
 *       mode, is skipped and reported in {@link ProviderRegistry#problems()}.
 * </ul>
 *
 * <pre>{@code
 * ProviderRegistry<CanaryJudge> judges = Providers.load(CanaryJudge.class);
 * CanaryJudge judge = judges.get("mann-whitney");
 * }</pre>
 */
public final class Providers {

    private static final Logger LOG = LoggerFactory.getLogger(Providers.class);
    private static final Pattern PROVIDER_NAME = Pattern.compile("Provider ([\\w$.]+)");
    /** Guards against a misbehaving iterator that keeps failing on the same entry. */
    private static final int MAX_CONSECUTIVE_ERRORS = 1_000;

    private Providers() {}

    /**
     * Loads the providers of a service visible to the service's own class loader, failing fast.
     *
     * @param <T> the service type
     * @param service the service interface
     * @return the registry
     * @throws IllegalArgumentException if service is null
     * @throws ProviderException if a provider is broken or two claim one id
     */
    public static <T extends Provider> ProviderRegistry<T> load(Class<T> service) {
        return loader(service).load();
    }

    /**
     * Loads the providers of a service visible to a class loader, failing fast.
     *
     * @param <T> the service type
     * @param service the service interface
     * @param classLoader the class loader to search
     * @return the registry
     * @throws ProviderException if a provider is broken or two claim one id
     */
    public static <T extends Provider> ProviderRegistry<T> load(Class<T> service, ClassLoader classLoader) {
        return loader(service).classLoader(classLoader).load();
    }

    /**
     * Loads the providers of a service in a module layer and its parents, failing fast.
     *
     * @param <T> the service type
     * @param service the service interface
     * @param layer the module layer to search
     * @return the registry
     * @throws ProviderException if a provider is broken or two claim one id
     */
    public static <T extends Provider> ProviderRegistry<T> load(Class<T> service, ModuleLayer layer) {
        return loader(service).layer(layer).load();
    }

    /**
     * A configurable load.
     *
     * @param <T> the service type
     * @param service the service interface
     * @return a loader for it
     * @throws IllegalArgumentException if service is null
     */
    public static <T extends Provider> Loader<T> loader(Class<T> service) {
        return new Loader<>(Checks.notNull(service, "service"));
    }

    /**
     * Where and how to load the providers of one service. Reusable; each {@link #load()} runs a
     * fresh {@link ServiceLoader}.
     *
     * @param <T> the service type
     */
    public static final class Loader<T extends Provider> {
        private final Class<T> service;
        private @Nullable ClassLoader classLoader;
        private @Nullable ModuleLayer layer;
        private boolean lenient;

        private Loader(Class<T> service) {
            this.service = service;
        }

        /**
         * Searches this class loader (and its parents); clears any layer.
         *
         * @param classLoader the class loader
         * @return this loader
         */
        public Loader<T> classLoader(ClassLoader classLoader) {
            this.classLoader = Checks.notNull(classLoader, "classLoader");
            this.layer = null;
            return this;
        }

        /**
         * Searches this module layer (and its parents); clears any class loader.
         *
         * @param layer the module layer
         * @return this loader
         */
        public Loader<T> layer(ModuleLayer layer) {
            this.layer = Checks.notNull(layer, "layer");
            this.classLoader = null;
            return this;
        }

        /**
         * Skips broken providers and duplicate ids instead of failing, reporting them in
         * {@link ProviderRegistry#problems()}. Of two providers with one id the first in registry
         * order is kept.
         *
         * @return this loader
         */
        public Loader<T> lenient() {
            this.lenient = true;
            return this;
        }

        /**
         * Runs the load.
         *
         * @return the registry
         * @throws ProviderException in fail-fast mode, if a provider is broken or two claim one id
         */
        public ProviderRegistry<T> load() {
            Module self = Providers.class.getModule();
            if (self.isNamed() && !self.canUse(service)) {
                // ServiceLoader checks the caller's (this) module; the SPI owner declares `uses`
                self.addUses(service);
            }
            ServiceLoader<T> sl;
            if (layer != null) {
                sl = ServiceLoader.load(layer, service);
            } else {
                ClassLoader cl = classLoader != null ? classLoader : service.getClassLoader();
                sl = ServiceLoader.load(service, cl);
            }
            List<ProviderRegistry.Candidate<T>> candidates = new ArrayList<>();
            List<ProviderProblem> problems = new ArrayList<>();
            Iterator<T> it = sl.iterator();
            int consecutiveErrors = 0;
            while (true) {
                T provider;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    provider = it.next();
                    consecutiveErrors = 0;
                } catch (ServiceConfigurationError | LinkageError e) {
                    ProviderProblem problem = new ProviderProblem(className(e), describe(e));
                    fail(problem, e);
                    problems.add(problem);
                    if (++consecutiveErrors > MAX_CONSECUTIVE_ERRORS) {
                        break;
                    }
                    continue;
                }
                String cls = provider.getClass().getName();
                String id;
                int priority;
                try {
                    id = provider.id();
                    priority = provider.priority();
                } catch (RuntimeException e) {
                    ProviderProblem problem = new ProviderProblem(cls, "id() or priority() failed: " + describe(e));
                    fail(problem, e);
                    problems.add(problem);
                    continue;
                }
                if (id == null || id.isBlank()) {
                    ProviderProblem problem = new ProviderProblem(cls, "id() must not be blank, but was "
                            + (id == null ? "null" : "'" + id + "'"));
                    fail(problem, null);
                    problems.add(problem);
                    continue;
                }
                candidates.add(new ProviderRegistry.Candidate<>(provider, id, priority));
            }
            ProviderRegistry<T> registry = ProviderRegistry.build(service, candidates, problems, lenient);
            LOG.debug("loaded {} providers of {}: {} (problems: {})", registry.size(), service.getName(),
                    registry.ids(), registry.problems());
            return registry;
        }

        /**
         * Runs the load for a caller that uses only the providers with the given ids (a config that
         * selects one table or a list of judges): a broken provider, or two providers claiming an id,
         * that the selection does not need are tolerated and kept in {@link ProviderRegistry#problems()};
         * when a selected id is missing or claimed twice while there were problems, the load fails like
         * the strict one, naming every problem (the broken provider may be the selected one).
         *
         * @param selectedIds the ids the caller will use
         * @return the registry
         * @throws IllegalArgumentException if the ids or one of them is null
         * @throws ProviderException if a selected id is missing or claimed twice and some provider was broken
         */
        public ProviderRegistry<T> loadSelected(Collection<String> selectedIds) {
            List<String> selected = Checks.listOf(selectedIds, "selectedIds");
            boolean wasLenient = lenient;
            lenient = true;
            ProviderRegistry<T> registry;
            try {
                registry = load();
            } finally {
                lenient = wasLenient;
            }
            if (registry.problems().isEmpty()) {
                return registry;
            }
            List<String> unmet = new ArrayList<>();
            for (String id : selected) {
                boolean duplicated = registry.problems().stream()
                        .anyMatch(p -> p.reason().contains("claim id '" + id + "'"));
                if (registry.find(id).isEmpty() || duplicated) {
                    unmet.add(id);
                }
            }
            if (unmet.isEmpty()) {
                LOG.debug("providers of {} not selected and skipped: {}", service.getName(), registry.problems());
                return registry;
            }
            throw new ProviderException(Checks.message("providers of %s selected as %s are missing or claimed twice, "
                    + "and loading had problems: %s", service.getName(), unmet, registry.problems()),
                    registry.problems());
        }

        private void fail(ProviderProblem problem, @Nullable Throwable cause) {
            if (lenient) {
                return;
            }
            String msg = "provider " + problem.providerClass() + " of " + service.getName() + " is broken: "
                    + problem.reason();
            if (cause == null) {
                throw new ProviderException(msg, List.of(problem));
            }
            throw new ProviderException(msg, List.of(problem), cause);
        }
    }

    private static String className(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                Matcher matcher = PROVIDER_NAME.matcher(m);
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
        }
        return "(unknown provider)";
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.toString();
    }
}
