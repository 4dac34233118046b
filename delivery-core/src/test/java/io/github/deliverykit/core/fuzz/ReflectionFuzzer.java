package io.github.deliverykit.core.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A reflection fuzzer over the exported packages of a deliverykit module: it calls every public
 * constructor, static method and instance method with hostile arguments (null, nulls inside arrays and
 * collections, extreme numbers, huge-scale {@code BigDecimal}s, extreme durations and instants, empty and
 * huge strings), one hostile argument at a time with the others sane, and records every exception that is
 * not an {@link IllegalArgumentException} or {@link IllegalStateException} (or a checked exception the
 * method declares), and every call that takes longer than the time limit.
 *
 * <p>Receivers and sane arguments come from the library's own factories: public static constants, enum
 * constants, then whatever the public static methods, constructors and instance methods return when called
 * with sane arguments (builders, {@code ofDefaults()}, {@code of(...)}, decisions, their findings...),
 * grown over a few rounds. Classes, members and values are visited in a fixed order and the only random
 * choices come from a fixed seed, so two runs make the same calls.
 *
 * <p>Enum {@code values()} / {@code valueOf(String)} are the compiler's, not the library's, and are skipped.
 */
public final class ReflectionFuzzer {

    private static final Pattern EXPORTS = Pattern.compile("^\\s*exports\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final String ROOT = "io.github.deliverykit.";
    private static final int POOL_PER_TYPE = 4;
    private static final int SEED_ROUNDS = 4;

    private final List<String> fuzzedPackages = new ArrayList<>();
    private final List<String> seedPackages = new ArrayList<>();
    private final Set<String> excluded = new HashSet<>();
    private final Set<String> excludedUsed = new HashSet<>();
    private long timeoutMillis = 2_000;
    private long seed = 20261201L;
    private final List<Object> extraSeeds = new ArrayList<>();

    private final Map<Class<?>, List<Object>> pool = new LinkedHashMap<>();
    private final Set<Object> pooled = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Report report = new Report();
    private ExecutorService worker = newWorker();
    private final AtomicReference<Thread> workerThread = new AtomicReference<>();

    /** The exported packages named in a {@code module-info.java} source file. */
    public static List<String> exportsOf(Path moduleInfo) {
        try {
            String text = Files.readString(moduleInfo).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
            List<String> out = new ArrayList<>();
            Matcher m = EXPORTS.matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fuzzes these packages. */
    public ReflectionFuzzer fuzz(Collection<String> packages) {
        fuzzedPackages.addAll(packages);
        return this;
    }

    /** Uses these packages (for example a dependency module's exports) only to build arguments. */
    public ReflectionFuzzer seedFrom(Collection<String> packages) {
        seedPackages.addAll(packages);
        return this;
    }

    /** Adds ready-made sane values to the pool. */
    public ReflectionFuzzer seedValues(Object... values) {
        extraSeeds.addAll(Arrays.asList(values));
        return this;
    }

    /**
     * Skips the members whose {@link #signature} is listed: known failures owned elsewhere, to be
     * emptied once fixed.
     */
    public ReflectionFuzzer exclude(Collection<String> signatures) {
        excluded.addAll(signatures);
        return this;
    }

    public ReflectionFuzzer timeoutMillis(long millis) {
        this.timeoutMillis = millis;
        return this;
    }

    public ReflectionFuzzer seed(long value) {
        this.seed = value;
        return this;
    }

    /** {@code Class#method(ParamSimpleName,...)}: the key of {@link #exclude}. */
    public static String signature(Executable e) {
        StringBuilder sb = new StringBuilder(e.getDeclaringClass().getName().substring(
                e.getDeclaringClass().getPackageName().length() + 1));
        sb.append('#').append(e instanceof Constructor ? "<init>" : e.getName()).append('(');
        Class<?>[] types = e.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            sb.append(i == 0 ? "" : ",").append(types[i].getSimpleName());
        }
        return e.getDeclaringClass().getPackageName() + "." + sb.append(')');
    }

    /** Runs the fuzzer; the report lists the figures and the failures. */
    public Report run() {
        try {
            List<Class<?>> fuzzed = classesOf(fuzzedPackages);
            List<Class<?>> seeds = new ArrayList<>(classesOf(seedPackages));
            seeds.addAll(fuzzed);
            seedPool(seeds);
            Random random = new Random(seed);
            for (Class<?> type : fuzzed) {
                for (Executable e : members(type)) {
                    if (excluded.contains(signature(e))) {
                        excludedUsed.add(signature(e));
                        report.skipped++;
                        continue;
                    }
                    fuzzMember(e, random);
                }
            }
            report.unusedExclusions.addAll(excluded);
            report.unusedExclusions.removeAll(excludedUsed);
            return report;
        } finally {
            worker.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- discovery

    static List<Class<?>> classesOf(List<String> packages) {
        List<Class<?>> out = new ArrayList<>();
        ClassLoader loader = ReflectionFuzzer.class.getClassLoader();
        for (String pkg : packages) {
            Set<String> names = new TreeSet<>();
            String path = pkg.replace('.', '/');
            try {
                Enumeration<URL> urls = loader.getResources(path);
                while (urls.hasMoreElements()) {
                    URL url = urls.nextElement();
                    String where = url.toString();
                    if (where.contains("/test-classes/") || where.contains("-tests.jar")) {
                        continue; // the module's own tests are not its API
                    }
                    if ("file".equals(url.getProtocol())) {
                        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class"))
                                    .forEach(n -> names.add(pkg + "." + n.substring(0, n.length() - 6)));
                        }
                    } else if ("jar".equals(url.getProtocol())) {
                        JarURLConnection c = (JarURLConnection) url.openConnection();
                        c.setUseCaches(false);
                        try (JarFile jar = c.getJarFile()) {
                            for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
                                String n = en.nextElement().getName();
                                if (n.startsWith(path + "/") && n.endsWith(".class")
                                        && n.indexOf('/', path.length() + 1) < 0) {
                                    names.add(n.substring(0, n.length() - 6).replace('/', '.'));
                                }
                            }
                        }
                    }
                }
            } catch (IOException | java.net.URISyntaxException e) {
                throw new IllegalStateException("cannot list " + pkg, e);
            }
            for (String name : names) {
                if (name.endsWith("package-info") || name.endsWith("module-info")) {
                    continue;
                }
                try {
                    Class<?> c = Class.forName(name, false, loader);
                    if (isApi(c)) {
                        out.add(c);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        out.sort(Comparator.comparing(Class::getName));
        return out;
    }

    private static boolean isApi(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return !c.isAnonymousClass() && !c.isSynthetic();
    }

    private static List<Executable> members(Class<?> type) {
        List<Executable> out = new ArrayList<>();
        if (!Modifier.isAbstract(type.getModifiers()) && !type.isEnum() && !type.isInterface()) {
            Arrays.stream(type.getConstructors()).forEach(out::add);
        }
        for (Method m : type.getMethods()) {
            if (m.isSynthetic() || m.isBridge() || !m.getDeclaringClass().getName().startsWith(ROOT)) {
                continue;
            }
            if (m.getDeclaringClass() != type && Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            if (type.isEnum() && Modifier.isStatic(m.getModifiers())
                    && (m.getName().equals("values") && m.getParameterCount() == 0
                    || m.getName().equals("valueOf") && Arrays.equals(m.getParameterTypes(), new Class<?>[] {String.class}))) {
                continue;
            }
            out.add(m);
        }
        out.sort(Comparator.comparing(Executable::toGenericString));
        return out;
    }

    // ---------------------------------------------------------------- the pool of sane values

    private void seedPool(List<Class<?>> classes) {
        Instant t = Instant.parse("2026-01-05T10:00:00Z");
        for (Object v : List.of("a", "svc", "1.0.0", "USD", "p1", 1, 2L, 0.5d, 0.5f, true, (short) 1, (byte) 1, 'a',
                BigDecimal.ONE, new BigDecimal("0.25"), BigInteger.TEN, Duration.ofMinutes(5), Duration.ofHours(1),
                t, t.plusSeconds(3600), Clock.fixed(t.plusSeconds(7200), ZoneOffset.UTC), ZoneOffset.UTC,
                LocalDate.of(2026, 1, 5), LocalTime.of(10, 0), LocalDateTime.of(2026, 1, 5, 10, 0),
                YearMonth.of(2026, 1), Year.of(2026), Period.ofDays(1), Locale.ROOT, Currency.getInstance("USD"),
                OffsetDateTime.of(2026, 1, 5, 10, 0, 0, 0, ZoneOffset.UTC),
                ZonedDateTime.of(2026, 1, 5, 10, 0, 0, 0, ZoneOffset.UTC), new Object(), new Random(1),
                ReflectionFuzzer.class.getClassLoader(), ModuleLayer.boot())) {
            add(v);
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            add(d);
        }
        for (Month m : Month.values()) {
            add(m);
        }
        extraSeeds.forEach(this::add);
        for (Class<?> c : classes) {
            if (c.isEnum()) {
                Arrays.stream(c.getEnumConstants()).forEach(this::add);
            }
            for (Field f : c.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getDeclaringClass().getName().startsWith(ROOT)) {
                    try {
                        collect(f.get(null));
                    } catch (ReflectiveOperationException | RuntimeException | LinkageError ignored) {
                        // an unreadable constant is not a sane value
                    }
                }
            }
        }
        for (Class<?> c : classes) {
            if (c.isInterface() && c.getPackageName().endsWith(".spi")) {
                loadProviders(c);
            }
        }
        for (int round = 0; round < SEED_ROUNDS; round++) {
            for (Class<?> c : classes) {
                for (Executable e : members(c)) {
                    if (excluded.contains(signature(e))) {
                        continue;
                    }
                    Object[] args = saneArgs(e, 0);
                    if (args == null) {
                        continue;
                    }
                    boolean counted = fuzzedPackages.contains(c.getPackageName());
                    if (e instanceof Method && !Modifier.isStatic(e.getModifiers())) {
                        List<Object> receivers = new ArrayList<>(instancesOf(c));
                        for (Object r : receivers) {
                            Outcome o = call(e, r, args, counted);
                            collect(o.result);
                        }
                    } else {
                        collect(call(e, null, args, counted).result);
                        if (e.getParameterCount() > 0) {
                            Object[] other = saneArgs(e, 1);
                            if (other != null && !Arrays.equals(other, args)) {
                                collect(call(e, null, other, counted).result);
                            }
                        }
                    }
                }
            }
        }
    }

    private void loadProviders(Class<?> spi) {
        Iterator<?> it = java.util.ServiceLoader.load(spi, ReflectionFuzzer.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                Object provider = it.next();
                java.security.CodeSource source = provider.getClass().getProtectionDomain().getCodeSource();
                String where = source == null ? "" : String.valueOf(source.getLocation());
                if (!where.contains("test-classes") && !where.contains("-tests.jar")) {
                    add(provider); // the built-ins, not the module's test fixtures
                }
            } catch (java.util.ServiceConfigurationError | RuntimeException | LinkageError broken) {
                // a broken test provider: not a sane value
            }
        }
    }

    private void collect(Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> c) {
            int n = 0;
            for (Object o : c) {
                if (n++ >= POOL_PER_TYPE) {
                    break;
                }
                collect(o);
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            int n = 0;
            for (Map.Entry<?, ?> en : m.entrySet()) {
                if (n++ >= POOL_PER_TYPE) {
                    break;
                }
                collect(en.getKey());
                collect(en.getValue());
            }
            return;
        }
        if (value instanceof Optional<?> o) {
            o.ifPresent(this::collect);
            return;
        }
        if (value.getClass().getName().startsWith(ROOT)) {
            add(value);
        }
    }

    private void add(Object value) {
        if (value == null || pooled.contains(value)) {
            return;
        }
        List<Object> list = pool.computeIfAbsent(value.getClass(), k -> new ArrayList<>());
        if (list.size() < POOL_PER_TYPE && !list.contains(value)) {
            list.add(value);
            pooled.add(value);
        }
    }

    private List<Object> instancesOf(Class<?> type) {
        Class<?> boxed = box(type);
        List<Object> out = new ArrayList<>();
        List<Object> exact = pool.get(boxed);
        if (exact != null) {
            out.addAll(exact);
        }
        for (Map.Entry<Class<?>, List<Object>> en : pool.entrySet()) {
            if (en.getKey() != boxed && boxed.isAssignableFrom(en.getKey())) {
                out.addAll(en.getValue());
            }
            if (out.size() >= 2 * POOL_PER_TYPE) {
                break;
            }
        }
        return out;
    }

    /** Sane arguments for every parameter, the {@code pick}-th choice where there are several; null if none. */
    private Object[] saneArgs(Executable e, int pick) {
        Type[] types = e.getGenericParameterTypes();
        Class<?>[] raw = e.getParameterTypes();
        if (types.length != raw.length) {
            types = raw;
        }
        Object[] args = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            List<Object> options = sane(types[i], raw[i], 0);
            if (options.isEmpty()) {
                return null;
            }
            args[i] = options.get(Math.min(pick, options.size() - 1));
        }
        return args;
    }

    private List<Object> sane(Type generic, Class<?> raw, int depth) {
        if (depth > 3) {
            return List.of();
        }
        if (raw.isArray()) {
            Class<?> component = raw.getComponentType();
            Type componentGeneric = generic instanceof GenericArrayType g ? g.getGenericComponentType() : component;
            List<Object> elements = sane(componentGeneric, component, depth + 1);
            Object empty = Array.newInstance(component, 0);
            if (elements.isEmpty()) {
                return List.of(empty);
            }
            Object one = Array.newInstance(component, 1);
            Array.set(one, 0, elements.get(0));
            return List.of(one, empty);
        }
        if (Collection.class.isAssignableFrom(raw) || raw == Iterable.class) {
            List<Object> elements = sane(typeArg(generic, 0), rawOf(typeArg(generic, 0)), depth + 1);
            List<Object> one = elements.isEmpty() ? List.of() : List.of(elements.get(0));
            return List.of(collectionOf(raw, one), collectionOf(raw, List.of()));
        }
        if (Map.class.isAssignableFrom(raw)) {
            List<Object> keys = sane(typeArg(generic, 0), rawOf(typeArg(generic, 0)), depth + 1);
            List<Object> values = sane(typeArg(generic, 1), rawOf(typeArg(generic, 1)), depth + 1);
            Map<Object, Object> m = SortedMap.class.isAssignableFrom(raw) ? new TreeMap<>() : new LinkedHashMap<>();
            if (!keys.isEmpty() && !values.isEmpty()) {
                m.put(keys.get(0), values.get(0));
            }
            return List.of(m, SortedMap.class.isAssignableFrom(raw) ? new TreeMap<>() : Map.of());
        }
        if (raw == Optional.class) {
            List<Object> elements = sane(typeArg(generic, 0), rawOf(typeArg(generic, 0)), depth + 1);
            return elements.isEmpty() ? List.of(Optional.empty()) : List.of(Optional.of(elements.get(0)), Optional.empty());
        }
        if (raw == OptionalInt.class) {
            return List.of(OptionalInt.of(1), OptionalInt.empty());
        }
        if (raw == OptionalLong.class) {
            return List.of(OptionalLong.of(1), OptionalLong.empty());
        }
        if (raw == OptionalDouble.class) {
            return List.of(OptionalDouble.of(0.5), OptionalDouble.empty());
        }
        if (raw == Class.class) {
            Type arg = typeArg(generic, 0);
            Class<?> bound = rawOf(arg);
            return bound == Object.class ? List.of(Object.class) : List.of(bound);
        }
        if (raw == Object.class) {
            return List.of("x");
        }
        return instancesOf(raw);
    }

    private static Type typeArg(Type generic, int index) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Class<?> rawOf(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof WildcardType w) {
            return rawOf(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> v) {
            return rawOf(v.getBounds()[0]);
        }
        if (type instanceof GenericArrayType g) {
            return Array.newInstance(rawOf(g.getGenericComponentType()), 0).getClass();
        }
        return Object.class;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object collectionOf(Class<?> raw, List<?> elements) {
        if (SortedSet.class.isAssignableFrom(raw)) {
            TreeSet s = new TreeSet<>((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
            s.addAll(elements);
            return s;
        }
        if (Set.class.isAssignableFrom(raw)) {
            return new LinkedHashSet<>(elements);
        }
        return new ArrayList<>(elements);
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "char" -> Character.class;
            default -> Void.class;
        };
    }

    // ---------------------------------------------------------------- hostile values

    private static final String HUGE = "x".repeat(1 << 20);

    private List<Object> hostile(Type generic, Class<?> raw) {
        List<Object> out = new ArrayList<>();
        if (!raw.isPrimitive()) {
            out.add(null);
        }
        Class<?> b = box(raw);
        if (b == Integer.class || b == Short.class || b == Byte.class) {
            List<Integer> ints = List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1_000_000_000, -1_000_000_000);
            for (Integer i : ints) {
                out.add(b == Integer.class ? i : b == Short.class ? (Object) i.shortValue() : (Object) i.byteValue());
            }
        } else if (b == Long.class) {
            out.addAll(List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE / 1000, -Long.MAX_VALUE / 1000));
        } else if (b == Double.class) {
            out.addAll(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0d, 0.0d, -1.0d,
                    Double.MAX_VALUE, Double.MIN_VALUE, 1e300));
        } else if (b == Float.class) {
            out.addAll(List.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, -1.0f, Float.MAX_VALUE));
        } else if (b == Character.class) {
            out.addAll(List.of('\0', '\uffff', ' '));
        } else if (b == Boolean.class) {
            out.addAll(List.of(true, false));
        } else if (raw == String.class || raw == CharSequence.class) {
            out.addAll(List.of("", " ", "\0", HUGE, "-1", "NaN", "1e999999999", "../\n\t\"'<>&|*#", "\ud800"));
        } else if (raw == BigDecimal.class || raw == Number.class) {
            out.addAll(List.of(new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE + 1), new BigDecimal("1e999999999"),
                    new BigDecimal("-1e999999999"), new BigDecimal(BigInteger.ONE, Integer.MAX_VALUE),
                    new BigDecimal(BigInteger.ONE.negate(), Integer.MIN_VALUE + 1), BigDecimal.ZERO,
                    new BigDecimal("-0.000"), BigDecimal.ONE.negate(), new BigDecimal(BigInteger.TEN.pow(400))));
        } else if (raw == BigInteger.class) {
            out.addAll(List.of(BigInteger.ZERO, BigInteger.ONE.negate(), BigInteger.TEN.pow(400)));
        } else if (raw == Duration.class) {
            out.addAll(List.of(Duration.ZERO, Duration.ofNanos(-1), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999),
                    Duration.ofSeconds(Long.MIN_VALUE), Duration.ofNanos(1), Duration.ofDays(365L * 1_000_000)));
        } else if (raw == Instant.class) {
            out.addAll(List.of(Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.EPOCH.minusNanos(1)));
        } else if (raw == Clock.class) {
            out.addAll(List.of(Clock.fixed(Instant.MAX, ZoneOffset.UTC), Clock.fixed(Instant.MIN, ZoneOffset.UTC)));
        } else if (raw == LocalDate.class) {
            out.addAll(List.of(LocalDate.MIN, LocalDate.MAX));
        } else if (raw == YearMonth.class) {
            out.addAll(List.of(YearMonth.of(Year.MIN_VALUE, 1), YearMonth.of(Year.MAX_VALUE, 12)));
        } else if (raw == ZoneId.class) {
            out.addAll(List.of(ZoneId.of("Pacific/Kiritimati"), ZoneOffset.MIN));
        } else if (raw.isArray()) {
            Class<?> c = raw.getComponentType();
            out.add(Array.newInstance(c, 0));
            if (!c.isPrimitive()) {
                Object withNull = Array.newInstance(c, 2);
                List<Object> sane = sane(generic instanceof GenericArrayType g ? g.getGenericComponentType() : c, c, 1);
                if (!sane.isEmpty()) {
                    Array.set(withNull, 0, sane.get(0));
                }
                out.add(withNull);
            } else {
                for (Object v : hostile(c, c)) {
                    Object one = Array.newInstance(c, 3);
                    Array.set(one, 1, v);
                    out.add(one);
                }
            }
        } else if (Collection.class.isAssignableFrom(raw) || raw == Iterable.class) {
            Type elemType = typeArg(generic, 0);
            List<Object> sane = sane(elemType, rawOf(elemType), 1);
            List<Object> withNull = new ArrayList<>();
            if (!sane.isEmpty()) {
                withNull.add(sane.get(0));
            }
            withNull.add(null);
            out.add(collectionOf(raw, List.of()));
            if (!SortedSet.class.isAssignableFrom(raw)) {
                out.add(collectionOf(raw, withNull));
            }
            for (Object h : hostile(elemType, rawOf(elemType))) {
                if (h != null && !SortedSet.class.isAssignableFrom(raw)) {
                    out.add(collectionOf(raw, List.of(h)));
                }
            }
            if (!sane.isEmpty() && !Set.class.isAssignableFrom(raw)) {
                out.add(Collections.nCopies(1000, sane.get(0)));
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            out.add(Map.of());
            Type kt = typeArg(generic, 0);
            Type vt = typeArg(generic, 1);
            List<Object> keys = sane(kt, rawOf(kt), 1);
            List<Object> values = sane(vt, rawOf(vt), 1);
            if (!keys.isEmpty()) {
                Map<Object, Object> m = NavigableMap.class.isAssignableFrom(raw) || SortedMap.class.isAssignableFrom(raw)
                        ? new TreeMap<>() : new LinkedHashMap<>();
                m.put(keys.get(0), null);
                out.add(m);
                for (Object h : hostile(vt, rawOf(vt))) {
                    if (h != null) {
                        Map<Object, Object> hm = new LinkedHashMap<>();
                        hm.put(keys.get(0), h);
                        out.add(hm);
                    }
                }
            }
            if (!values.isEmpty() && !(SortedMap.class.isAssignableFrom(raw))) {
                Map<Object, Object> m = new LinkedHashMap<>();
                m.put(null, values.get(0));
                out.add(m);
            }
        } else if (raw == Optional.class) {
            out.add(Optional.empty());
        } else if (raw.isEnum() || raw.getName().startsWith(ROOT)) {
            out.addAll(instancesOf(raw));
        }
        return out;
    }

    // ---------------------------------------------------------------- calling

    private void fuzzMember(Executable e, Random random) {
        boolean instance = e instanceof Method && !Modifier.isStatic(e.getModifiers());
        List<Object> receivers = instance ? instancesOf(e.getDeclaringClass()) : Collections.singletonList(null);
        if (instance && receivers.isEmpty()) {
            report.noReceiver.add(signature(e));
            return;
        }
        Type[] types = e.getGenericParameterTypes();
        Class<?>[] raw = e.getParameterTypes();
        if (types.length != raw.length) {
            types = raw;
        }
        Object[] base = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            List<Object> s = sane(types[i], raw[i], 0);
            base[i] = s.isEmpty() ? defaultOf(raw[i]) : s.get(0);
        }
        List<Object[]> argLists = new ArrayList<>();
        argLists.add(base.clone());
        for (int i = 0; i < raw.length; i++) {
            for (Object h : hostile(types[i], raw[i])) {
                Object[] a = base.clone();
                a[i] = h;
                argLists.add(a);
            }
            List<Object> s = sane(types[i], raw[i], 0);
            for (int k = 1; k < s.size(); k++) {
                Object[] a = base.clone();
                a[i] = s.get(k);
                argLists.add(a);
            }
        }
        // a few random mixes of hostile values, from the fixed seed
        if (raw.length > 1) {
            for (int n = 0; n < 3; n++) {
                Object[] a = base.clone();
                for (int i = 0; i < raw.length; i++) {
                    List<Object> h = hostile(types[i], raw[i]);
                    if (!h.isEmpty() && random.nextBoolean()) {
                        a[i] = h.get(random.nextInt(h.size()));
                    }
                }
                argLists.add(a);
            }
        }
        for (int r = 0; r < receivers.size(); r++) {
            Object receiver = receivers.get(r);
            // every receiver gets the sane call; the hostile ones go to the first two receivers
            List<Object[]> lists = r < 2 ? argLists : argLists.subList(0, 1);
            for (Object[] args : lists) {
                collect(call(e, receiver, args, true).result);
            }
        }
    }

    private static Object defaultOf(Class<?> raw) {
        if (!raw.isPrimitive()) {
            return null;
        }
        return switch (raw.getName()) {
            case "int" -> 0;
            case "long" -> 0L;
            case "double" -> 0d;
            case "float" -> 0f;
            case "boolean" -> false;
            case "short" -> (short) 0;
            case "byte" -> (byte) 0;
            case "char" -> 'a';
            default -> null;
        };
    }

    private record Outcome(Object result, Throwable thrown) {
    }

    private Outcome call(Executable e, Object receiver, Object[] args, boolean counted) {
        long started = System.nanoTime();
        try {
            return callTimed(e, receiver, args, counted);
        } finally {
            if (counted) {
                report.nanosByMember.merge(signature(e), System.nanoTime() - started, Long::sum);
            }
        }
    }

    private Outcome callTimed(Executable e, Object receiver, Object[] args, boolean counted) {
        if (counted) {
            report.calls++;
        }
        Future<Object> future = worker.submit(() -> {
            workerThread.set(Thread.currentThread());
            try {
                if (e instanceof Constructor<?> c) {
                    return c.newInstance(args);
                }
                return ((Method) e).invoke(receiver, args);
            } catch (InvocationTargetException ite) {
                throw new Wrapped(ite.getCause());
            } catch (IllegalArgumentException | IllegalAccessException | InstantiationException bad) {
                throw new Wrapped(new FuzzerBug(bad));
            }
        });
        try {
            return new Outcome(future.get(timeoutMillis, TimeUnit.MILLISECONDS), null);
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause() instanceof Wrapped w ? w.getCause() : ex.getCause();
            if (cause instanceof FuzzerBug) {
                if (counted) {
                    report.calls--;
                }
                return new Outcome(null, null);
            }
            if (counted) {
                report.record(e, args, cause, accepted(e, args, cause));
            }
            return new Outcome(null, cause);
        } catch (TimeoutException timeout) {
            future.cancel(true);
            Thread stuck = workerThread.get();
            worker.shutdownNow();
            stopThread(stuck);
            worker = newWorker();
            if (counted) {
                report.record(e, args, new CallTimedOut(timeoutMillis), false);
            }
            return new Outcome(null, null);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ie);
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stopThread(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.stop();
        } catch (UnsupportedOperationException | SecurityException ignored) {
            // newer JDKs: the daemon thread is abandoned
        }
    }

    private static boolean accepted(Executable e, Object[] args, Throwable t) {
        if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
            return true;
        }
        // Comparable documents compareTo(null) as a NullPointerException
        if (t instanceof NullPointerException && e.getName().equals("compareTo") && args.length == 1 && args[0] == null
                && Comparable.class.isAssignableFrom(e.getDeclaringClass())) {
            return true;
        }
        if (!(t instanceof RuntimeException) && !(t instanceof Error)) {
            for (Class<?> declared : e.getExceptionTypes()) {
                if (declared.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reflection-fuzzer");
            t.setDaemon(true);
            return t;
        });
    }

    private static final class Wrapped extends Exception {
        private static final long serialVersionUID = 1L;

        Wrapped(Throwable cause) {
            super(cause);
        }
    }

    private static final class FuzzerBug extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FuzzerBug(Throwable cause) {
            super(cause);
        }
    }

    /** A call that did not return within the time limit. */
    public static final class CallTimedOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallTimedOut(long millis) {
            super("call did not finish within " + millis + " ms");
        }
    }

    // ---------------------------------------------------------------- the report

    /** The figures of one run and the failures it found. */
    public static final class Report {
        long calls;
        long skipped;
        final Map<String, Long> exceptionsByType = new TreeMap<>();
        final Map<String, Long> nanosByMember = new java.util.HashMap<>();
        final Map<String, Long> failuresByType = new TreeMap<>();
        /** signature -> one example per (exception type) */
        final Map<String, Map<String, String>> failures = new TreeMap<>();
        final Set<String> noReceiver = new TreeSet<>();
        final Set<String> unusedExclusions = new TreeSet<>();

        void record(Executable e, Object[] args, Throwable t, boolean ok) {
            String type = t.getClass().getName();
            exceptionsByType.merge(type, 1L, Long::sum);
            if (!ok) {
                failuresByType.merge(type, 1L, Long::sum);
                failures.computeIfAbsent(signature(e), k -> new TreeMap<>())
                        .putIfAbsent(type, describe(args) + " -> " + firstLine(t));
            }
        }

        private static String firstLine(Throwable t) {
            StackTraceElement[] st = t.getStackTrace();
            String where = st.length == 0 ? "" : " at " + st[0];
            String msg = String.valueOf(t.getMessage());
            return t.getClass().getSimpleName() + ": " + (msg.length() > 120 ? msg.substring(0, 120) + "..." : msg) + where;
        }

        private static String describe(Object[] args) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < args.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(show(args[i]));
            }
            return sb.append(')').toString();
        }

        private static String show(Object o) {
            if (o == null) {
                return "null";
            }
            if (o.getClass().isArray()) {
                int n = Array.getLength(o);
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < Math.min(n, 3); i++) {
                    parts.add(show(Array.get(o, i)));
                }
                return o.getClass().getComponentType().getSimpleName() + "[" + String.join(",", parts) + (n > 3 ? ",..." : "") + "]";
            }
            if (o instanceof Collection<?> c) {
                List<String> parts = new ArrayList<>();
                Iterator<?> it = c.iterator();
                for (int i = 0; i < 3 && it.hasNext(); i++) {
                    parts.add(show(it.next()));
                }
                return "[" + String.join(",", parts) + (c.size() > 3 ? ",...(" + c.size() + ")" : "") + "]";
            }
            if (o instanceof BigDecimal d) {
                return "BigDecimal(unscaled=" + d.unscaledValue().bitLength() + "bits, scale=" + d.scale() + ")";
            }
            if (o instanceof String s) {
                return s.length() > 20 ? "\"" + s.substring(0, 10) + "...(" + s.length() + " chars)\"" : "\"" + s + "\"";
            }
            String s;
            try {
                s = String.valueOf(o);
            } catch (RuntimeException ex) {
                s = o.getClass().getSimpleName() + "@?";
            }
            return s.length() > 60 ? o.getClass().getSimpleName() + "(" + s.substring(0, 50) + "...)" : s;
        }

        public long calls() {
            return calls;
        }

        public Map<String, Map<String, String>> failures() {
            return failures;
        }

        public Set<String> unusedExclusions() {
            return unusedExclusions;
        }

        /** The figures and the failures, for the test log. */
        public String summary(String title) {
            StringBuilder sb = new StringBuilder();
            long thrown = exceptionsByType.values().stream().mapToLong(Long::longValue).sum();
            long failed = failuresByType.values().stream().mapToLong(Long::longValue).sum();
            sb.append("== reflection fuzzer: ").append(title).append('\n');
            sb.append("calls: ").append(calls).append(", exceptions: ").append(thrown)
                    .append(", undocumented: ").append(failed).append(" in ").append(failures.size())
                    .append(" members, excluded members: ").append(skipped).append('\n');
            sb.append("exceptions by type:\n");
            exceptionsByType.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
            sb.append("undocumented by type:\n");
            failuresByType.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
            if (!noReceiver.isEmpty()) {
                sb.append("instance methods without a receiver from the factories: ").append(noReceiver.size()).append('\n');
                noReceiver.forEach(s -> sb.append("  ").append(s).append('\n'));
            }
            sb.append("slowest members (total ms over their calls):\n");
            nanosByMember.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(8)
                    .forEach(en -> sb.append("  ").append(en.getValue() / 1_000_000).append(" ms ").append(en.getKey()).append('\n'));
            failures.forEach((sig, byType) -> byType.forEach((type, example) ->
                    sb.append("FAIL ").append(sig).append(' ').append(example).append('\n')));
            return sb.toString();
        }
    }
}
