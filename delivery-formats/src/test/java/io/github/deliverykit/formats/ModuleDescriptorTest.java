package io.github.deliverykit.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A black-box check of the compiled module descriptor: its name, what it reads, that it exports only
 * its API packages, and that only the internal package (Jackson's bound shapes) is opened, to Jackson alone.
 */
final class ModuleDescriptorTest {

    private static final String NAME = "io.github.deliverykit.formats";

    private static ModuleDescriptor descriptor() throws Exception {
        Path classes = Path.of(ModuleDescriptorTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolveSibling("classes");
        Set<ModuleReference> all = ModuleFinder.of(classes).findAll();
        assertEquals(1, all.size());
        return all.iterator().next().descriptor();
    }

    @Test
    void name_requires_exports_opens() throws Exception {
        ModuleDescriptor d = descriptor();
        assertEquals(NAME, d.name());
        Set<String> requires = d.requires().stream().map(ModuleDescriptor.Requires::name)
                .filter(n -> !n.equals("java.base")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("io.github.deliverykit.core", "io.github.deliverykit.metrics",
                "io.github.deliverykit.policy", "org.jspecify", "org.slf4j", "com.fasterxml.jackson.core",
                "com.fasterxml.jackson.databind", "com.fasterxml.jackson.dataformat.yaml",
                "com.fasterxml.jackson.datatype.jsr310", "java.xml")), requires);
        Set<String> exports = d.exports().stream().map(e -> {
            assertFalse(e.isQualified(), e.toString());
            return e.source();
        }).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of(NAME, NAME + ".slo", NAME + ".prometheus", NAME + ".usage", NAME + ".events",
                NAME + ".findings", NAME + ".canary")), exports);
        assertEquals(1, d.opens().size());
        ModuleDescriptor.Opens o = d.opens().iterator().next();
        assertEquals(NAME + ".internal", o.source());
        assertEquals(Set.of("com.fasterxml.jackson.databind"), o.targets());
    }
}
