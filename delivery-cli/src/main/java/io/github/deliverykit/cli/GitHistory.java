package io.github.deliverykit.cli;

import io.github.deliverykit.core.event.Commit;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.time.Interval;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Deployments and commits read from a local git repository: every tag matching a pattern (and
 * none of the exclusions) is a successful deployment at the tag's date (the tagger date of an
 * annotated tag, the commit date of a lightweight one), and its changes are the commits reachable
 * from it and from no earlier matching tag.
 *
 * <p>Runs the {@code git} executable twice: {@code for-each-ref} for the tags, then one
 * {@code git log} over the tags whose commits are needed (those in the window, with every earlier
 * tag excluded), whose output is parsed while git writes it: nothing of git's output is kept but
 * the parsed commits (a sha, two instants and the parent links), so memory grows with the commits
 * of the window, not with the history. Assigning commits to tags is one walk over the parent links,
 * O(commits + parents). git's stderr is read apart (a warning never reaches the parser), and the
 * timeout stops a git that hangs, with the processes it started.
 */
public final class GitHistory {

    /** The default time a git command may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private static final int STDERR_LIMIT = 4096;

    /**
     * What to read and how.
     *
     * @param tagPattern a glob for tag names, e.g. {@code v*}
     * @param excludeTags globs of tag names that are not deployments (pre-releases, markers), e.g. {@code *-rc*}
     * @param service the service name to give the deployments
     * @param environment the environment name to give the deployments, e.g. {@code production}
     * @param window when not null, only the commits of the tags dated in it are read (earlier tags
     *     bound them); the deployments are still every matching tag
     * @param timeout how long one git command may run
     * @param executable the git executable, e.g. {@code git} or an absolute path
     */
    public record Options(String tagPattern, List<String> excludeTags, String service, String environment,
            @Nullable Interval window, Duration timeout, String executable) {

        /**
         * Validates the options.
         *
         * @throws IllegalArgumentException naming the option on a blank name or a timeout that is not positive
         */
        public Options {
            tagPattern = nonBlank("tagPattern", tagPattern);
            excludeTags = List.copyOf(Objects.requireNonNull(excludeTags, "excludeTags"));
            for (String e : excludeTags) {
                nonBlank("excludeTags", e);
            }
            service = nonBlank("service", service);
            environment = nonBlank("environment", environment);
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, but was " + timeout);
            }
            executable = nonBlank("executable", executable);
        }

        /**
         * The defaults for a service: tags {@code v*}, no exclusion, environment {@code production},
         * the whole history, {@link #DEFAULT_TIMEOUT}, {@code git} from the path.
         *
         * @param service the service name
         * @return the options
         */
        public static Options of(String service) {
            return new Options("v*", List.of(), service, "production", null, DEFAULT_TIMEOUT, "git");
        }

        /**
         * A copy with another tag pattern.
         *
         * @param pattern the glob
         * @return the copy
         */
        public Options withTags(String pattern) {
            return new Options(pattern, excludeTags, service, environment, window, timeout, executable);
        }

        /**
         * A copy with these exclusions.
         *
         * @param globs the globs of tags that are not deployments
         * @return the copy
         */
        public Options withExcludedTags(List<String> globs) {
            return new Options(tagPattern, globs, service, environment, window, timeout, executable);
        }

        /**
         * A copy with another environment.
         *
         * @param name the environment
         * @return the copy
         */
        public Options withEnvironment(String name) {
            return new Options(tagPattern, excludeTags, service, name, window, timeout, executable);
        }

        /**
         * A copy that reads only the commits of the tags in a window.
         *
         * @param interval the window, or null for the whole history
         * @return the copy
         */
        public Options withWindow(@Nullable Interval interval) {
            return new Options(tagPattern, excludeTags, service, environment, interval, timeout, executable);
        }

        /**
         * A copy with another timeout.
         *
         * @param limit how long one git command may run
         * @return the copy
         */
        public Options withTimeout(Duration limit) {
            return new Options(tagPattern, excludeTags, service, environment, window, limit, executable);
        }

        /**
         * A copy with another git executable.
         *
         * @param git the executable
         * @return the copy
         */
        public Options withExecutable(String git) {
            return new Options(tagPattern, excludeTags, service, environment, window, timeout, git);
        }

        private static String nonBlank(String field, @Nullable String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(field + " must not be blank, but was '" + value + "'");
            }
            return value;
        }
    }

    /**
     * What was read.
     *
     * @param deployments one per matching tag, oldest first
     * @param commits every commit read (those shipped by the deployments whose commits were read)
     * @param excludedTags the tags that matched the pattern but also an exclusion, oldest first
     */
    public record Result(List<Deployment> deployments, List<Commit> commits, List<String> excludedTags) {

        /**
         * Copies the lists.
         */
        public Result {
            deployments = List.copyOf(deployments);
            commits = List.copyOf(commits);
            excludedTags = List.copyOf(excludedTags);
        }
    }

    private GitHistory() {}

    /**
     * Reads the deployments and commits of a repository with {@link Options#of(String)} and a tag pattern.
     *
     * @param repository the repository's work tree (its top level) or git directory
     * @param tagPattern a glob for tag names, e.g. {@code v*}
     * @param service the service name to give the deployments
     * @return the deployments, oldest first, and their commits
     * @throws InputException see {@link #read(Path, Options)}
     */
    public static Result read(Path repository, String tagPattern, String service) {
        return read(repository, Options.of(service).withTags(tagPattern));
    }

    /**
     * Reads the deployments and commits of a repository.
     *
     * @param repository the repository's work tree (its top level) or git directory
     * @param options what to read
     * @return the deployments, oldest first, and their commits
     * @throws InputException if the path is not a git repository or is a folder inside one, git is
     *     missing, fails or times out, or no tag matches
     */
    public static Result read(Path repository, Options options) {
        if (!Files.isDirectory(repository)) {
            throw new InputException("--git: not a directory: " + repository);
        }
        requireTopLevel(repository, options);
        List<Tag> tags = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<Pattern> exclusions = options.excludeTags().stream().map(GitHistory::glob).toList();
        String refs = (run(repository, options, null, "for-each-ref", "--sort=creatordate",
                "--format=%(refname:lstrip=2)%09%(creatordate:unix)%09%(objectname)%09%(*objectname)",
                "refs/tags/" + options.tagPattern())).text();
        for (String line : refs.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 4) {
                throw new InputException("--git: cannot read the tag line '" + line + "'");
            }
            if (exclusions.stream().anyMatch(p -> p.matcher(f[0]).matches())) {
                excluded.add(f[0]);
                continue;
            }
            long seconds;
            try {
                seconds = Long.parseLong(f[1].trim());
            } catch (NumberFormatException e) {
                throw new InputException("--git: cannot read the date '" + f[1] + "' of tag " + f[0]);
            }
            tags.add(new Tag(f[0], Instant.ofEpochSecond(seconds), f[3].isEmpty() ? f[2] : f[3]));
        }
        if (tags.isEmpty()) {
            throw new InputException("--deploy-tags: no tag matches '" + options.tagPattern() + "'"
                    + (excluded.isEmpty() ? "" : " outside the exclusions " + options.excludeTags() + " (excluded: "
                            + excluded.size() + ")")
                    + " in " + repository);
        }
        // which tags need their commits: those in the window; every earlier tag bounds them
        Interval window = options.window();
        StringBuilder revisions = new StringBuilder();
        List<Integer> read = new ArrayList<>();
        for (int k = 0; k < tags.size(); k++) {
            Instant at = tags.get(k).at();
            if (window == null || !at.isBefore(window.start()) && at.isBefore(window.end())) {
                read.add(k);
                revisions.append(tags.get(k).commit()).append('\n');
            } else if (at.isBefore(window.start())) {
                revisions.append('^').append(tags.get(k).commit()).append('\n');
            }
        }
        LogGraph graph = new LogGraph();
        if (!read.isEmpty()) {
            graph.parse(run(repository, options, revisions.toString(), "-c", "log.showSignature=false", "log",
                    "--stdin", "--format=%H%x09%P%x09%at%x09%ct"));
        }
        return assemble(tags, read, graph, options, excluded);
    }

    private record Tag(String name, Instant at, String commit) {}

    private static Result assemble(List<Tag> tags, List<Integer> read, LogGraph g, Options options,
            List<String> excluded) {
        // each commit belongs to the oldest tag that reaches it: one walk per tag, stopping at labelled commits
        int[] label = new int[g.size];
        Arrays.fill(label, -1);
        int[] stack = new int[16];
        for (int k : read) {
            int start = g.find(tags.get(k).commit());
            if (start < 0 || !g.present(start) || label[start] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = start;
            while (top > 0) {
                int c = stack[--top];
                if (label[c] >= 0 || !g.present(c)) {
                    continue;
                }
                label[c] = k;
                for (int e = g.parentStart[c]; e < g.parentStart[c + 1]; e++) {
                    int parent = g.parents[e];
                    if (label[parent] < 0 && g.present(parent)) {
                        if (top == stack.length) {
                            stack = Arrays.copyOf(stack, top * 2);
                        }
                        stack[top++] = parent;
                    }
                }
            }
        }
        List<List<String>> shipped = new ArrayList<>(tags.size());
        for (int k = 0; k < tags.size(); k++) {
            shipped.add(new ArrayList<>());
        }
        List<Commit> commits = new ArrayList<>(g.lines);
        for (int i : g.order()) {
            if (label[i] >= 0) {
                shipped.get(label[i]).add(g.shas.get(i));
                commits.add(g.commits[i]);
            }
        }
        List<Deployment> deployments = new ArrayList<>(tags.size());
        String previousId = null;
        for (int k = 0; k < tags.size(); k++) {
            Tag tag = tags.get(k);
            String id = "tag:" + tag.name();
            deployments.add(new Deployment(id, options.service(), options.environment(), tag.name(), tag.at(), tag.at(),
                    DeploymentOutcome.SUCCESS, shipped.get(k), previousId));
            previousId = id;
        }
        return new Result(deployments, commits, excluded);
    }

    /**
     * The commit graph of one {@code git log --format=%H%x09%P%x09%at%x09%ct}, parsed from the byte
     * stream as git writes it, without splitting lines into strings: an open-addressing table from
     * sha to index (keyed by the sha's first 64 bits, no string made for a known parent), the
     * commits built as their lines arrive, and the parent links in primitive arrays.
     */
    private static final class LogGraph {
        final List<String> shas = new ArrayList<>();
        Commit[] commits = new Commit[1024]; // null until the commit's own line is read
        int[] lineOf = new int[1024]; // commit index per output line
        int[] parentStart = new int[1025];
        int[] parentsOfLine = new int[1024];
        int[] parents = new int[0];
        int size;
        int lines;
        private int edges;
        private long[] keys = new long[1 << 12];
        private int[] slots = new int[1 << 12]; // index + 1, 0 when empty

        boolean present(int c) {
            return commits[c] != null;
        }

        /** The index of a commit id, -1 if git never printed it. */
        int find(String sha) {
            if (sha.length() != 40) {
                return -1;
            }
            byte[] b = sha.getBytes(StandardCharsets.ISO_8859_1);
            long key = key(b, 0);
            int mask = slots.length - 1;
            for (int h = mix(key) & mask; slots[h] != 0; h = (h + 1) & mask) {
                if (keys[h] == key && same(b, 0, slots[h] - 1)) {
                    return slots[h] - 1;
                }
            }
            return -1;
        }

        private static long key(byte[] b, int from) {
            long k = 0;
            for (int i = from; i < from + 16; i++) {
                int c = b[i];
                int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c - 'A' + 10;
                k = k << 4 | (d & 0xF);
            }
            return k;
        }

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ h >>> 32);
        }

        private boolean same(byte[] b, int from, int index) {
            String known = shas.get(index);
            for (int i = 0; i < 40; i++) {
                if (known.charAt(i) != (char) (b[from + i] & 0xFF)) {
                    return false;
                }
            }
            return true;
        }

        private int id(byte[] buf, int from) {
            long key = key(buf, from);
            int mask = slots.length - 1;
            int h = mix(key) & mask;
            for (; slots[h] != 0; h = (h + 1) & mask) {
                if (keys[h] == key && same(buf, from, slots[h] - 1)) {
                    return slots[h] - 1;
                }
            }
            int i = size++;
            if (i == commits.length) {
                commits = Arrays.copyOf(commits, i * 2);
            }
            shas.add(new String(buf, from, 40, StandardCharsets.ISO_8859_1));
            keys[h] = key;
            slots[h] = i + 1;
            if (size * 2 > slots.length) {
                grow();
            }
            return i;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldSlots = slots;
            keys = new long[oldKeys.length * 2];
            slots = new int[oldSlots.length * 2];
            int mask = slots.length - 1;
            for (int j = 0; j < oldSlots.length; j++) {
                if (oldSlots[j] != 0) {
                    int h = mix(oldKeys[j]) & mask;
                    while (slots[h] != 0) {
                        h = (h + 1) & mask;
                    }
                    keys[h] = oldKeys[j];
                    slots[h] = oldSlots[j];
                }
            }
        }

        /** The commit indexes in the order git printed them. */
        int[] order() {
            return Arrays.copyOf(lineOf, lines);
        }

        void parse(Run run) {
            byte[] line = new byte[256];
            int length = 0;
            try (InputStream in = run.stdout()) {
                byte[] chunk = new byte[1 << 16];
                int n;
                while ((n = in.read(chunk)) > 0) {
                    for (int i = 0; i < n; i++) {
                        byte b = chunk[i];
                        if (b == '\n') {
                            line(line, length);
                            length = 0;
                        } else {
                            if (length == line.length) {
                                line = Arrays.copyOf(line, length * 2);
                            }
                            line[length++] = b;
                        }
                    }
                }
                if (length > 0) {
                    line(line, length);
                }
            } catch (IOException e) {
                run.finish();
                throw new InputException("--git: cannot read git's output: " + e.getMessage());
            }
            run.finish();
            // parent links per commit index (CSR), from the per-line ones
            int[] start = new int[size + 1];
            int[] flat = new int[edges];
            int[] lineStart = parentStart;
            for (int l = 0; l < lines; l++) {
                start[lineOf[l] + 1] = lineStart[l + 1] - lineStart[l];
            }
            for (int c = 0; c < size; c++) {
                start[c + 1] += start[c];
            }
            for (int l = 0; l < lines; l++) {
                System.arraycopy(parentsOfLine, lineStart[l], flat, start[lineOf[l]], lineStart[l + 1] - lineStart[l]);
            }
            parentStart = start;
            parents = flat;
        }

        private void line(byte[] b, int length) {
            // <sha> TAB <sha> (SP <sha>)* TAB <author seconds> TAB <committer seconds>
            if (length < 44 || b[40] != '\t') {
                throw malformed(b, length);
            }
            if (!hex(b, 0)) {
                throw malformed(b, length);
            }
            int c = id(b, 0);
            if (commits[c] != null) {
                throw malformed(b, length);
            }
            int pos = 41;
            if (lines == lineOf.length) {
                lineOf = Arrays.copyOf(lineOf, lines * 2);
                parentStart = Arrays.copyOf(parentStart, lines * 2 + 1);
            }
            while (pos < length && b[pos] != '\t') {
                if (pos + 40 > length || !hex(b, pos)) {
                    throw malformed(b, length);
                }
                int parent = id(b, pos);
                if (edges == parentsOfLine.length) {
                    parentsOfLine = Arrays.copyOf(parentsOfLine, edges * 2);
                }
                parentsOfLine[edges++] = parent;
                pos += 40;
                if (pos < length && b[pos] == ' ') {
                    pos++;
                }
            }
            if (pos >= length || b[pos] != '\t') {
                throw malformed(b, length);
            }
            pos++;
            int tab = pos;
            while (tab < length && b[tab] != '\t') {
                tab++;
            }
            if (tab >= length) {
                throw malformed(b, length);
            }
            long authored = seconds(b, pos, tab, length);
            long committed = seconds(b, tab + 1, length, length);
            // built here, while git is still writing, so the validation overlaps git's own work
            commits[c] = new Commit(shas.get(c), Instant.ofEpochSecond(authored), Instant.ofEpochSecond(committed));
            lineOf[lines] = c;
            lines++;
            parentStart[lines] = edges;
        }

        private static boolean hex(byte[] b, int from) {
            for (int i = from; i < from + 40; i++) {
                int c = b[i];
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                    return false;
                }
            }
            return true;
        }

        private static long seconds(byte[] b, int from, int to, int length) {
            if (from >= to || to - from > 18) {
                throw malformed(b, length);
            }
            long v = 0;
            int i = from;
            boolean negative = b[i] == '-';
            if (negative) {
                i++;
            }
            for (; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    throw malformed(b, length);
                }
                v = v * 10 + d;
            }
            return negative ? -v : v;
        }

        private static InputException malformed(byte[] b, int length) {
            String text = new String(b, 0, Math.min(length, 200), StandardCharsets.UTF_8);
            return new InputException("--git: cannot read git log's line '" + text + "'");
        }
    }

    private static void requireTopLevel(Path repository, Options options) {
        String[] answer = run(repository, options, null, "rev-parse", "--is-inside-work-tree",
                "--show-prefix").text().split("\n", -1);
        if (answer.length > 1 && "true".equals(answer[0].trim()) && !answer[1].isBlank()) {
            String top = run(repository, options, null, "rev-parse", "--show-toplevel").text().strip();
            throw new InputException("--git: " + repository + " is the folder '" + answer[1].strip()
                    + "' inside the repository " + top + ", whose tags are the whole repository's: pass --git " + top);
        }
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** A running git command: stdout to read, stderr drained apart, a watchdog for the timeout. */
    private static final class Run {
        final Process process;
        final String what;
        final Duration timeout;
        final StringBuilder stderr = new StringBuilder();
        final AtomicBoolean timedOut = new AtomicBoolean();
        final Thread drain;
        final Thread watchdog;

        Run(Process process, String what, Duration timeout) {
            this.process = process;
            this.what = what;
            this.timeout = timeout;
            drain = new Thread(() -> {
                try (InputStream err = process.getErrorStream()) {
                    byte[] buf = new byte[1024];
                    int n;
                    while ((n = err.read(buf)) > 0) {
                        synchronized (stderr) {
                            if (stderr.length() < STDERR_LIMIT) {
                                stderr.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                            }
                        }
                    }
                } catch (IOException e) {
                    // the process is gone; what was read is kept
                }
            }, "git-stderr");
            drain.setDaemon(true);
            drain.start();
            watchdog = new Thread(() -> {
                try {
                    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                        timedOut.set(true);
                        // a wrapper script's children hold the pipes open: end them too
                        process.descendants().forEach(ProcessHandle::destroyForcibly);
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "git-timeout");
            watchdog.setDaemon(true);
            watchdog.start();
        }

        InputStream stdout() {
            return process.getInputStream();
        }

        /** Waits for the end of a command whose stdout was read to its end; fails on a timeout or an error exit. */
        void finish() {
            try {
                watchdog.join();
                drain.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new InputException("--git: interrupted");
            }
            if (timedOut.get()) {
                throw new InputException("--git: git " + what + " did not finish within " + timeout.toSeconds()
                        + " s and was stopped (--git-timeout)");
            }
            int code = process.exitValue();
            if (code != 0) {
                String err;
                synchronized (stderr) {
                    err = stderr.toString().strip();
                }
                throw new InputException("--git: git " + what + " failed (exit " + code + ")"
                        + (err.isEmpty() ? "" : ": " + err.lines().findFirst().orElse("")));
            }
        }

        /** Reads stdout whole (for the small outputs: rev-parse, for-each-ref). */
        String text() {
            String out;
            try (InputStream in = stdout()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                finish();
                throw new InputException("--git: cannot read git's output: " + e.getMessage());
            }
            finish();
            return out;
        }
    }

    private static Run run(Path repository, Options options, @Nullable String input, String... args) {
        List<String> command = new ArrayList<>();
        command.add(options.executable());
        command.add("-C");
        command.add(repository.toString());
        command.addAll(List.of(args));
        String what = Arrays.stream(args).filter(a -> !a.startsWith("-") && !a.contains("=")).findFirst().orElse("");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process p;
        try {
            p = builder.start();
        } catch (IOException e) {
            throw new InputException("--git: cannot run " + options.executable() + " (is git installed?): " + e.getMessage());
        }
        Run run = new Run(p, what, options.timeout());
        try (OutputStream stdin = p.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // git ended before reading its input: its exit status says why
        }
        return run;
    }
}
