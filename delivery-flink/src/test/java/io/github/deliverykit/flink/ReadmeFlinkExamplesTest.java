package io.github.deliverykit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java flink} block of the README against this module's class path (Flink
 * included); delivery-cli's ReadmeExamplesTest, which has no Flink, skips that fence. A block's
 * imports become the class's imports, members starting with {@code static } at column 0 (through
 * the closing brace at column 0) become its members, and the rest the body of {@code run()}.
 */
final class ReadmeFlinkExamplesTest {

    private static final Pattern BLOCK = Pattern.compile("```java flink\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path out;

    @Test
    void everyFlinkExample_ofTheReadme_compiles() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        Matcher m = BLOCK.matcher(text);
        List<Path> sources = new ArrayList<>();
        while (m.find()) {
            int n = sources.size();
            StringBuilder imports = new StringBuilder();
            StringBuilder members = new StringBuilder();
            StringBuilder body = new StringBuilder();
            boolean inMember = false;
            for (String l : m.group(1).split("\n", -1)) {
                if (inMember) {
                    members.append(l).append('\n');
                    inMember = !l.equals("}");
                } else if (l.startsWith("import ")) {
                    imports.append(l).append('\n');
                } else if (l.startsWith("static ")) {
                    members.append(l).append('\n');
                    inMember = !l.endsWith("}");
                } else {
                    body.append(l).append('\n');
                }
            }
            String source = imports + "public final class ReadmeFlinkExample" + n + " {\n" + members
                    + "public static void run() throws Exception {\n" + body + "}\n}\n";
            Path f = out.resolve("ReadmeFlinkExample" + n + ".java");
            Files.writeString(f, source, StandardCharsets.UTF_8);
            sources.add(f);
        }
        assertTrue(sources.size() >= 2, "the README's Flink examples were found: " + sources.size());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none"));
        boolean ok = javac.getTask(errors, null, null, args, null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjectsFromPaths(sources))
                .call();
        assertEquals("", ok ? "" : errors.toString());
    }
}
