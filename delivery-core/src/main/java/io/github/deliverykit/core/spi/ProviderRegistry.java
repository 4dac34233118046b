package io.github.deliverykit.core.spi;

import io.github.deliverykit.core.check.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The providers of one service, immutable and in a deterministic order: higher
 * {@link Provider#priority()} first, then id. Never in class-path or discovery order. Built by
 * {@link Providers} from {@link java.util.ServiceLoader}, or by hand with {@link #of(Class,
 * Collection)} where {@code ServiceLoader} is not wanted (Spring, OSGi, native images). Thread safe.
 *
 * @param <T> the service type
 */
public final class ProviderRegistry<T extends Provider> {

    /** The registry order: priority descending, then id. */
    public static final Comparator<Provider> ORDER =
            Comparator.comparingInt(Provider::priority).reversed().thenComparing(Provider::id);

    private final Class<T> service;
    private final List<T> providers;
    private final Map<String, T> byId;
    private final List<ProviderProblem> problems;

    private ProviderRegistry(Class<T> service, List<T> ordered, List<ProviderProblem> problems) {
        this.service = service;
        this.providers = List.copyOf(ordered);
        Map<String, T> map = new LinkedHashMap<>();
        for (T p : ordered) {
            map.put(p.id(), p);
        }
        this.byId = map;
        this.problems = List.copyOf(problems);
    }

    /**
     * Builds a registry by hand, with the same ordering and duplicate-id rules as a
     * {@code ServiceLoader} load.
     *
     * @param <T> the service type
     * @param service the service interface
     * @param providers the providers, in any order
     * @return the registry
     * @throws IllegalArgumentException if the service or a provider is null, a provider is not an
     *     instance of the service, or an id is blank
     * @throws ProviderException if two providers claim one id
     */
    public static <T extends Provider> ProviderRegistry<T> of(Class<T> service, Collection<? extends T> providers) {
        Checks.notNull(service, "service");
        List<T> list = Checks.listOf(providers, "providers");
        List<Candidate<T>> candidates = new ArrayList<>();
        for (T p : list) {
            if (!service.isInstance(p)) {
                throw Checks.invalid("providers", "must implement " + service.getName(), p.getClass().getName());
            }
            String id = p.id();
            if (id == null || id.isBlank()) {
                throw Checks.invalid("id() of " + p.getClass().getName(), "must not be blank", id);
            }
            candidates.add(new Candidate<>(p, id, p.priority()));
        }
        return build(service, candidates, List.of(), false);
    }

    /**
     * A registry by hand from an array.
     *
     * @param <T> the service type
     * @param service the service interface
     * @param providers the providers
     * @return the registry
     * @throws IllegalArgumentException if the service, the array or an element is null (the message names its
     *     index), a provider is not an instance of the service, or an id is blank
     * @throws ProviderException if two providers claim one id
     */
    @SafeVarargs
    public static <T extends Provider> ProviderRegistry<T> of(@Nullable Class<T> service, T... providers) {
        return of(service, java.util.Arrays.asList(Checks.notNull(providers, "providers")));
    }

    record Candidate<T>(T provider, String id, int priority) {}

    static <T extends Provider> ProviderRegistry<T> build(
            Class<T> service, List<Candidate<T>> candidates, List<ProviderProblem> problems, boolean lenient) {
        List<Candidate<T>> sorted = new ArrayList<>(candidates);
        // class name as the last key so that even duplicate ids resolve the same way every time
        sorted.sort(Comparator.<Candidate<T>>comparingInt(c -> c.priority).reversed()
                .thenComparing(c -> c.id)
                .thenComparing(c -> c.provider.getClass().getName()));
        List<ProviderProblem> allProblems = new ArrayList<>(problems);
        Map<String, Candidate<T>> seen = new LinkedHashMap<>();
        List<T> kept = new ArrayList<>();
        for (Candidate<T> c : sorted) {
            Candidate<T> first = seen.putIfAbsent(c.id, c);
            if (first == null) {
                kept.add(c.provider);
                continue;
            }
            String a = first.provider.getClass().getName();
            String b = c.provider.getClass().getName();
            String msg = Checks.message("two providers of %s claim id '%s': %s and %s",
                    service.getName(), c.id, a, b);
            if (!lenient) {
                throw new ProviderException(msg, List.of(new ProviderProblem(b, msg)));
            }
            allProblems.add(new ProviderProblem(b, msg + " (kept " + a + ")"));
        }
        // kept is in (priority desc, id) order already, which is ORDER
        return new ProviderRegistry<>(service, kept, allProblems);
    }

    /**
     * The service interface.
     *
     * @return the service
     */
    public Class<T> service() {
        return service;
    }

    /**
     * All providers in registry order.
     *
     * @return an immutable list
     */
    public List<T> all() {
        return providers;
    }

    /**
     * The ids in registry order.
     *
     * @return the ids
     */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /**
     * The provider with an id.
     *
     * @param id the id
     * @return the provider, if present
     */
    public Optional<T> find(@Nullable String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /**
     * The provider with an id, which must exist.
     *
     * @param id the id
     * @return the provider
     * @throws IllegalArgumentException naming the id and the known ids if there is none
     */
    public T get(String id) {
        Checks.notNull(id, "id");
        T p = byId.get(id);
        if (p == null) {
            throw Checks.invalid("id", "must be one of " + ids() + " for " + service.getSimpleName(), id);
        }
        return p;
    }

    /**
     * The first provider in registry order (the highest priority).
     *
     * @return the first provider, if any
     */
    public Optional<T> first() {
        return providers.isEmpty() ? Optional.empty() : Optional.of(providers.get(0));
    }

    /**
     * Providers that were skipped by a lenient load, with the reasons; empty otherwise.
     *
     * @return the problems in discovery order
     */
    public List<ProviderProblem> problems() {
        return problems;
    }

    /**
     * The number of providers.
     *
     * @return the size
     */
    public int size() {
        return providers.size();
    }

    /**
     * Whether there are none.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return providers.isEmpty();
    }

    @Override
    public String toString() {
        return service.getSimpleName() + ids();
    }
}
