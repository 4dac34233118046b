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
 * <p>Runs three {@code git} commands, all started at once so that their start-up overlaps:
 * {@code rev-parse} (the top-level check), {@code for-each-ref} for the tags, and one
 * {@code git log --stdin} over the tags whose commits are needed (those in the window, with every
 * earlier tag excluded), which waits for those revisions on its stdin until the tags are read. Its
 * output is parsed while git writes it, from the bytes, into primitive arrays (each sha as 20
 * binary bytes in an open-addressing table, the two times, the parent links): nothing of git's
 * output is kept and no object is made per commit, so memory grows with the commits of the window,
 * not with the history. Assigning commits to tags is one walk over the parent links,
 * O(commits + parents). {@link #read(Path, Options)} then makes the {@link Commit}s;
 * {@code readListed} hands the same changes to {@code DoraDataset.ofListedChanges} as arrays. git's
 * stderr is read apart (a warning never reaches the parser), and the timeout stops a git that
 * hangs, with the processes it started.
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
        Read r = readGraph(repository, options);
        int[] label = r.labels();
        LogGraph g = r.graph;
        List<List<String>> shipped = new ArrayList<>(r.tags.size());
        for (int k = 0; k < r.tags.size(); k++) {
            shipped.add(new ArrayList<>());
        }
        List<Commit> commits = new ArrayList<>(g.lines);
        for (int l = 0; l < g.lines; l++) {
            int i = g.lineOf[l];
            if (label[i] >= 0) {
                String sha = g.sha(i);
                shipped.get(label[i]).add(sha);
                commits.add(new Commit(sha, Instant.ofEpochSecond(g.authored[i]), Instant.ofEpochSecond(g.committed[i])));
            }
        }
        return new Result(deployments(r.tags, options, shipped), commits, r.excluded);
    }

    /**
     * What was read, for a bulk load into {@code DoraDataset.ofListedChanges}: the deployments list no
     * sha, their changes are ranges of primitive arrays (no object per commit).
     *
     * @param deployments one per matching tag, oldest first, with empty commit lists
     * @param changesFrom per deployment the first index of its changes, then the end
     * @param authoredMillis per change its author time, epoch milliseconds, in git's order within a deployment
     * @param committedMillis per change its commit time
     * @param excludedTags the tags that matched the pattern but also an exclusion, oldest first
     */
    record Listed(List<Deployment> deployments, int[] changesFrom, long[] authoredMillis, long[] committedMillis,
            List<String> excludedTags) {}

    /**
     * Reads what {@link #read(Path, Options)} reads, with the commits as primitive arrays: the same
     * changes per deployment in the same order, without a sha string, a {@link Commit} or an
     * {@link Instant} per commit.
     *
     * @param repository the repository
     * @param options what to read
     * @return the deployments and their changes
     * @throws InputException as {@link #read(Path, Options)}
     */
    static Listed readListed(Path repository, Options options) {
        Read r = readGraph(repository, options);
        int[] label = r.labels();
        LogGraph g = r.graph;
        int tags = r.tags.size();
        int[] from = new int[tags + 1];
        for (int l = 0; l < g.lines; l++) {
            int i = g.lineOf[l];
            if (label[i] >= 0) {
                from[label[i] + 1]++;
            }
        }
        for (int k = 0; k < tags; k++) {
            from[k + 1] += from[k];
        }
        int total = from[tags];
        long[] authored = new long[total];
        long[] committed = new long[total];
        int[] next = Arrays.copyOf(from, tags);
        for (int l = 0; l < g.lines; l++) {
            int i = g.lineOf[l];
            if (label[i] >= 0) {
                int at = next[label[i]]++;
                authored[at] = millis(g.authored[i]);
                committed[at] = millis(g.committed[i]);
            }
        }
        List<List<String>> none = java.util.Collections.nCopies(tags, List.of());
        return new Listed(deployments(r.tags, options, none), from, authored, committed, r.excluded);
    }

    /** Epoch seconds to milliseconds; beyond 2^53 ms saturated, so that the dataset refuses it by name. */
    private static long millis(long seconds) {
        long limit = (1L << 53) / 1000 + 1;
        return seconds > limit ? Long.MAX_VALUE : seconds < -limit ? Long.MIN_VALUE : seconds * 1000;
    }

    private static List<Deployment> deployments(List<Tag> tags, Options options, List<List<String>> shipped) {
        List<Deployment> deployments = new ArrayList<>(tags.size());
        String previousId = null;
        for (int k = 0; k < tags.size(); k++) {
            Tag tag = tags.get(k);
            String id = "tag:" + tag.name();
            deployments.add(new Deployment(id, options.service(), options.environment(), tag.name(), tag.at(), tag.at(),
                    DeploymentOutcome.SUCCESS, shipped.get(k), previousId));
            previousId = id;
        }
        return deployments;
    }

    /** The tags, the ones whose commits were read, and the parsed log. */
    private record Read(List<Tag> tags, List<Integer> read, LogGraph graph, List<String> excluded) {

        /** Per commit index the tag it ships with, -1 for none: the oldest read tag that reaches it. */
        int[] labels() {
            // one walk per tag, stopping at labelled commits: O(commits + parents) in all
            LogGraph g = graph;
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
            return label;
        }
    }

    /**
     * Runs the three git commands, all started at once so that their start-up overlaps: the
     * top-level check, the tags, and the log, which waits for its revisions on stdin until the tags
     * are read (a failure of an earlier one stops the later ones).
     */
    private static Read readGraph(Path repository, Options options) {
        if (!Files.isDirectory(repository)) {
            throw new InputException("--git: not a directory: " + repository);
        }
        Run top = run(repository, options, null, "rev-parse", "--is-inside-work-tree", "--show-prefix");
        Run refsRun = null;
        Run log = null;
        try {
            refsRun = run(repository, options, null, "for-each-ref", "--sort=creatordate",
                    "--format=%(refname:lstrip=2)%09%(creatordate:unix)%09%(objectname)%09%(*objectname)",
                    "refs/tags/" + options.tagPattern());
            log = start(repository, options, "-c", "log.showSignature=false", "log", "--stdin",
                    "--format=%H%x09%P%x09%at%x09%ct");
            requireTopLevel(repository, options, top);
            List<Tag> tags = new ArrayList<>();
            List<String> excluded = new ArrayList<>();
            List<Pattern> exclusions = options.excludeTags().stream().map(GitHistory::glob).toList();
            String refs = refsRun.text();
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
            if (read.isEmpty()) {
                log.abort();
            } else {
                log.input(revisions.toString());
                graph.parse(log);
            }
            return new Read(tags, read, graph, excluded);
        } catch (RuntimeException e) {
            for (Run r : new Run[] {top, refsRun, log}) {
                if (r != null) {
                    r.abort();
                }
            }
            throw e;
        }
    }

    private record Tag(String name, Instant at, String commit) {}

    /**
     * The commit graph of one {@code git log --format=%H%x09%P%x09%at%x09%ct}, parsed from the byte
     * stream as git writes it, without a string or an object per line: the shas as binary (three
     * primitives each) in an open-addressing table keyed by their first 64 bits, the two times in
     * primitive arrays, the parent links in CSR arrays.
     */
    private static final class LogGraph {
        private static final byte[] HEX = new byte[256];

        static {
            Arrays.fill(HEX, (byte) -1);
            for (int i = 0; i < 10; i++) {
                HEX['0' + i] = (byte) i;
            }
            for (int i = 0; i < 6; i++) {
                HEX['a' + i] = (byte) (10 + i);
                HEX['A' + i] = (byte) (10 + i);
            }
        }

        // per commit index: the sha's 20 bytes as two longs and an int, its times (seconds)
        long[] sha0 = new long[1024];
        long[] sha1 = new long[1024];
        int[] sha2 = new int[1024];
        long[] authored = new long[1024];
        long[] committed = new long[1024];
        boolean[] seen = new boolean[1024]; // its own line was read
        int[] lineOf = new int[1024]; // commit index per output line
        int[] parentStart = new int[1025];
        int[] parentsOfLine = new int[1024];
        int[] parents = new int[0];
        int size;
        int lines;
        private int edges;
        private int[] slots = new int[1 << 12]; // index + 1, 0 when empty
        // the sha being decoded
        private long d0;
        private long d1;
        private int d2;

        boolean present(int c) {
            return seen[c];
        }

        /** The index of a commit id, -1 if git never printed it. */
        int find(String sha) {
            if (sha.length() != 40) {
                return -1;
            }
            byte[] b = sha.getBytes(StandardCharsets.ISO_8859_1);
            if (!decode(b, 0)) {
                return -1;
            }
            int mask = slots.length - 1;
            for (int h = mix(d0) & mask; slots[h] != 0; h = (h + 1) & mask) {
                int i = slots[h] - 1;
                if (sha0[i] == d0 && sha1[i] == d1 && sha2[i] == d2) {
                    return i;
                }
            }
            return -1;
        }

        /** The sha of a commit index, 40 lowercase hexadecimal characters. */
        String sha(int i) {
            byte[] out = new byte[40];
            hex(sha0[i], 16, out, 0);
            hex(sha1[i], 16, out, 16);
            hex(sha2[i] & 0xFFFFFFFFL, 8, out, 32);
            return new String(out, StandardCharsets.ISO_8859_1);
        }

        private static void hex(long v, int digits, byte[] out, int at) {
            for (int j = digits - 1; j >= 0; j--) {
                int d = (int) (v & 0xF);
                out[at + j] = (byte) (d < 10 ? '0' + d : 'a' + d - 10);
                v >>>= 4;
            }
        }

        /** Decodes 40 hexadecimal characters into d0, d1, d2; false if one is not hexadecimal. */
        private boolean decode(byte[] b, int from) {
            long a = 0;
            long c = 0;
            int e = 0;
            int bad = 0;
            for (int i = from; i < from + 16; i++) {
                int v = HEX[b[i] & 0xFF];
                bad |= v;
                a = a << 4 | (v & 0xF);
            }
            for (int i = from + 16; i < from + 32; i++) {
                int v = HEX[b[i] & 0xFF];
                bad |= v;
                c = c << 4 | (v & 0xF);
            }
            for (int i = from + 32; i < from + 40; i++) {
                int v = HEX[b[i] & 0xFF];
                bad |= v;
                e = e << 4 | (v & 0xF);
            }
            d0 = a;
            d1 = c;
            d2 = e;
            return bad >= 0;
        }

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ h >>> 32);
        }

        /** The index of the decoded sha, added if new. */
        private int id() {
            int mask = slots.length - 1;
            int h = mix(d0) & mask;
            for (; slots[h] != 0; h = (h + 1) & mask) {
                int i = slots[h] - 1;
                if (sha0[i] == d0 && sha1[i] == d1 && sha2[i] == d2) {
                    return i;
                }
            }
            int i = size++;
            if (i == sha0.length) {
                int n = i * 2;
                sha0 = Arrays.copyOf(sha0, n);
                sha1 = Arrays.copyOf(sha1, n);
                sha2 = Arrays.copyOf(sha2, n);
                authored = Arrays.copyOf(authored, n);
                committed = Arrays.copyOf(committed, n);
                seen = Arrays.copyOf(seen, n);
            }
            sha0[i] = d0;
            sha1[i] = d1;
            sha2[i] = d2;
            slots[h] = i + 1;
            if (size * 2 > slots.length) {
                grow();
            }
            return i;
        }

        private void grow() {
            int[] oldSlots = slots;
            slots = new int[oldSlots.length * 2];
            int mask = slots.length - 1;
            for (int s : oldSlots) {
                if (s != 0) {
                    int h = mix(sha0[s - 1]) & mask;
                    while (slots[h] != 0) {
                        h = (h + 1) & mask;
                    }
                    slots[h] = s;
                }
            }
        }

        void parse(Run run) {
            byte[] carry = new byte[256]; // a line split between two reads
            int carried = 0;
            try (InputStream in = run.stdout()) {
                byte[] chunk = new byte[1 << 16];
                int n;
                while ((n = in.read(chunk)) > 0) {
                    int from = 0;
                    for (int i = 0; i < n; i++) {
                        if (chunk[i] != '\n') {
                            continue;
                        }
                        if (carried > 0) {
                            carry = append(carry, carried, chunk, from, i);
                            carried += i - from;
                            line(carry, 0, carried);
                            carried = 0;
                        } else {
                            line(chunk, from, i);
                        }
                        from = i + 1;
                    }
                    if (from < n) {
                        carry = append(carry, carried, chunk, from, n);
                        carried += n - from;
                    }
                }
                if (carried > 0) {
                    line(carry, 0, carried);
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

        private static byte[] append(byte[] carry, int carried, byte[] chunk, int from, int to) {
            byte[] out = carry;
            if (carried + (to - from) > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, carried + to - from));
            }
            System.arraycopy(chunk, from, out, carried, to - from);
            return out;
        }

        private void line(byte[] b, int from, int end) {
            // <sha> TAB <sha> (SP <sha>)* TAB <author seconds> TAB <committer seconds>
            if (end - from < 44 || b[from + 40] != '\t' || !decode(b, from)) {
                throw malformed(b, from, end);
            }
            int c = id();
            if (seen[c]) {
                throw malformed(b, from, end);
            }
            int pos = from + 41;
            if (lines == lineOf.length) {
                lineOf = Arrays.copyOf(lineOf, lines * 2);
                parentStart = Arrays.copyOf(parentStart, lines * 2 + 1);
            }
            while (pos < end && b[pos] != '\t') {
                if (pos + 40 > end || !decode(b, pos)) {
                    throw malformed(b, from, end);
                }
                int parent = id();
                if (edges == parentsOfLine.length) {
                    parentsOfLine = Arrays.copyOf(parentsOfLine, edges * 2);
                }
                parentsOfLine[edges++] = parent;
                pos += 40;
                if (pos < end && b[pos] == ' ') {
                    pos++;
                }
            }
            if (pos >= end || b[pos] != '\t') {
                throw malformed(b, from, end);
            }
            pos++;
            int tab = pos;
            while (tab < end && b[tab] != '\t') {
                tab++;
            }
            if (tab >= end) {
                throw malformed(b, from, end);
            }
            authored[c] = seconds(b, pos, tab, from, end);
            committed[c] = seconds(b, tab + 1, end, from, end);
            seen[c] = true;
            lineOf[lines] = c;
            lines++;
            parentStart[lines] = edges;
        }

        /** The largest epoch second an {@link Instant} holds. */
        private static final long MAX_SECONDS = 31_556_889_864_403_199L;

        private static long seconds(byte[] b, int from, int to, int lineFrom, int lineEnd) {
            if (from >= to || to - from > 18) {
                throw malformed(b, lineFrom, lineEnd);
            }
            long v = 0;
            int i = from;
            boolean negative = b[i] == '-';
            if (negative) {
                i++;
                if (i == to) {
                    throw malformed(b, lineFrom, lineEnd);
                }
            }
            for (; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    throw malformed(b, lineFrom, lineEnd);
                }
                v = v * 10 + d;
            }
            if (v > MAX_SECONDS) {
                throw malformed(b, lineFrom, lineEnd);
            }
            return negative ? -v : v;
        }

        private static InputException malformed(byte[] b, int from, int end) {
            String text = new String(b, from, Math.min(end - from, 200), StandardCharsets.UTF_8);
            return new InputException("--git: cannot read git log's line '" + text + "'");
        }
    }

    private static void requireTopLevel(Path repository, Options options, Run check) {
        String[] answer = check.text().split("\n", -1);
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

        /** Writes the command's input, if any, and closes its stdin. */
        void input(@Nullable String input) {
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // git ended before reading its input: its exit status says why
            }
        }

        /** Stops the command (and what it started) if it still runs: its result is no longer wanted. */
        void abort() {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // already closed
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
        Run run = start(repository, options, args);
        run.input(input);
        return run;
    }

    /** Starts a git command whose stdin stays open until {@link Run#input(String)}. */
    private static Run start(Path repository, Options options, String... args) {
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
        return new Run(p, what, options.timeout());
    }
}
