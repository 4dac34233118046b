package io.github.deliverykit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of the README, compiled against the current API and run. A block's
 * {@code import} lines become the imports of a generated class; top-level type declarations (a
 * line starting with {@code class}, {@code record}, {@code final class}... at column 0 through its
 * closing {@code }} at column 0) become nested types; the remaining lines are the body of a
 * {@code run()} method. A block that contains the comment {@code // compile-only} is compiled but
 * not run (it needs files or a service that a unit test does not have).
 */
final class ReadmeExamplesTest {

    private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern DECLARATION = Pattern.compile(
            "^(public |final |static |abstract |sealed |non-sealed )*(class|record|interface|enum) .*");

    @TempDir
    Path out;

    /** One example of the README, split into its parts. */
    record Example(int number, int line, List<String> imports, List<String> types, List<String> body,
            boolean run) {

        String className() {
            return "ReadmeExample" + number;
        }

        String source() {
            StringBuilder sb = new StringBuilder();
            imports.forEach(i -> sb.append(i).append('\n'));
            sb.append("public final class ").append(className()).append(" {\n");
            types.forEach(t -> sb.append(t).append('\n'));
            sb.append("public static void run() throws Exception {\n");
            body.forEach(b -> sb.append(b).append('\n'));
            sb.append("}\n}\n");
            return sb.toString();
        }
    }

    static List<Example> examples() throws IOException {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        List<Example> examples = new ArrayList<>();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            int line = (int) readme.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            List<String> imports = new ArrayList<>();
            List<String> types = new ArrayList<>();
            List<String> body = new ArrayList<>();
            boolean inType = false;
            for (String l : m.group(1).split("\n", -1)) {
                if (inType) {
                    types.add(l);
                    if (l.equals("}")) {
                        inType = false;
                    }
                } else if (l.startsWith("import ")) {
                    imports.add(l);
                } else if (DECLARATION.matcher(l).matches()) {
                    String decl = l.replaceFirst("^public ", "");
                    types.add(decl.contains("static ") || decl.startsWith("enum ") || decl.startsWith("record ")
                            || decl.startsWith("interface ") ? decl : "static " + decl);
                    inType = !l.endsWith("}");
                } else {
                    body.add(l);
                }
            }
            examples.add(new Example(examples.size() + 1, line, imports, types, body,
                    !m.group(1).contains("// compile-only")));
        }
        return examples;
    }

    private static Path readme() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("delivery-core"))) {
                return p.resolve("README.md");
            }
        }
        throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    @TestFactory
    Stream<DynamicTest> readmeExamples_compileAndRun() throws IOException {
        List<Example> examples = examples();
        assertTrue(examples.size() >= 20, "the README should show an example per capability, found " + examples.size());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path src = Files.createDirectories(out.resolve("src"));
        Path classes = Files.createDirectories(out.resolve("classes"));
        List<File> files = new ArrayList<>();
        for (Example e : examples) {
            Path f = src.resolve(e.className() + ".java");
            Files.writeString(f, e.source(), StandardCharsets.UTF_8);
            files.add(f.toFile());
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok;
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            StringWriter log = new StringWriter();
            ok = javac.getTask(log, fm, diagnostics, List.of("-classpath", classPath(), "-d", classes.toString(),
                    "-proc:none", "-Xlint:none", "--release", "17"), null, fm.getJavaFileObjectsFromFiles(files)).call();
        }
        StringBuilder errors = new StringBuilder();
        diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR).forEach(d -> {
            String name = d.getSource() == null ? "?" : Path.of(d.getSource().getName()).getFileName().toString();
            int n = name.startsWith("ReadmeExample") ? Integer.parseInt(name.replaceAll("\\D", "")) : 0;
            int readmeLine = n == 0 ? 0 : examples.get(n - 1).line();
            errors.append(String.format(Locale.ROOT, "README block at line %d (%s:%d): %s%n", readmeLine, name,
                    d.getLineNumber(), d.getMessage(Locale.ROOT)));
        });
        assertEquals("", errors.toString(), "README examples must compile against the current API");
        assertTrue(ok, "javac failed");
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeExamplesTest.class.getClassLoader());
        return examples.stream().filter(Example::run).map(e -> DynamicTest.dynamicTest(
                "README line " + e.line(), () -> {
                    Method run = loader.loadClass(e.className()).getMethod("run");
                    try {
                        run.invoke(null);
                    } catch (InvocationTargetException ex) {
                        throw new AssertionError("README example at line " + e.line() + " failed", ex.getCause());
                    }
                }));
    }
}
