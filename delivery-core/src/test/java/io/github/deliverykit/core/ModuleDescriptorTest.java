package io.github.deliverykit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.spi.Providers;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A black-box check of the compiled module descriptor: name, exports, no qualified or internal exports. */
final class ModuleDescriptorTest {

    static ModuleDescriptor descriptor() throws URISyntaxException {
        Path classes = Path.of(Providers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<ModuleReference> all = ModuleFinder.of(classes).findAll();
        assertEquals(1, all.size(), "one module in " + classes);
        return all.iterator().next().descriptor();
    }

    @Test
    void name_andExports() throws Exception {
        ModuleDescriptor d = descriptor();
        assertEquals("io.github.deliverykit.core", d.name());
        Set<String> exports = d.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of(
                "io.github.deliverykit.core.check",
                "io.github.deliverykit.core.event",
                "io.github.deliverykit.core.finding",
                "io.github.deliverykit.core.metric",
                "io.github.deliverykit.core.money",
                "io.github.deliverykit.core.spi",
                "io.github.deliverykit.core.time")), exports);
    }

    @Test
    void noQualifiedExports_noInternalExports_noOpens() throws Exception {
        ModuleDescriptor d = descriptor();
        assertTrue(d.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
        assertTrue(d.exports().stream().noneMatch(e -> e.source().contains(".internal")));
        assertTrue(d.opens().isEmpty());
        assertTrue(!d.isOpen());
    }

    @Test
    void requires_onlySlf4jAndStaticJspecify() throws Exception {
        Set<String> requires = descriptor().requires().stream()
                .filter(r -> !r.name().equals("java.base"))
                .map(r -> r.name() + (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC) ? " static" : ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("org.slf4j", "org.jspecify static")), requires);
    }
}
