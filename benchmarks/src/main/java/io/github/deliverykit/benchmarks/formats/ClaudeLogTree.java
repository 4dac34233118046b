package io.github.deliverykit.benchmarks.formats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates a Claude Code log tree ({@code <dir>/projects/<project>/<session>.jsonl}) for the
 * formats benchmark: a given number of usage lines (assistant lines with {@code message.usage}),
 * one user turn per three usage lines, 20 % of responses written as two streaming snapshots with
 * the same usage, 1 % of lines without ids, 2 % of input counts above the 200k tier, and every
 * 50th session resumed into a new file that repeats its first 20 usage lines. Deterministic (fixed
 * seed). Models: claude-sonnet-4-20250514 (80 %) and claude-3-5-haiku-20241022.
 */
public final class ClaudeLogTree {

    private ClaudeLogTree() {}

    /**
     * Generates the tree.
     *
     * @param args the directory (CLAUDE_CONFIG_DIR) and the number of usage lines
     * @throws IOException if writing fails
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        long lines = Long.parseLong(args.length > 1 ? args[1] : "1000000");
        System.out.println(generate(dir, lines) + " usage lines written under " + dir.resolve("projects"));
    }

    /**
     * Generates the tree unless it exists with the same marker.
     *
     * @param dir the directory (holds {@code projects/})
     * @param usageLines the number of usage lines
     * @return the number of usage lines written
     * @throws IOException if writing fails
     */
    public static long generate(Path dir, long usageLines) throws IOException {
        Path marker = dir.resolve("generated-" + usageLines);
        if (Files.exists(marker)) {
            return usageLines;
        }
        SplittableRandom rnd = new SplittableRandom(14);
        Path projects = dir.resolve("projects");
        int perSession = 1000;
        long written = 0;
        int session = 0;
        long t = Instant.parse("2025-06-01T00:00:00Z").getEpochSecond();
        String pad = "x".repeat(160);
        while (written < usageLines) {
            String project = String.format(Locale.ROOT, "-home-dev-project-%02d", session % 20);
            String sid = String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", session, session);
            Path file = projects.resolve(project).resolve(sid + ".jsonl");
            Files.createDirectories(file.getParent());
            List<String> firstUsage = new ArrayList<>();
            String branch = "feature/f" + (session % 37);
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                int inSession = 0;
                while (inSession < perSession && written < usageLines) {
                    t += 1 + rnd.nextInt(30);
                    if (inSession % 3 == 0) {
                        w.write(user(sid, branch, t, pad));
                        w.newLine();
                    }
                    String model = rnd.nextInt(10) < 8 ? "claude-sonnet-4-20250514" : "claude-3-5-haiku-20241022";
                    long input = rnd.nextInt(50) == 0 ? 200_001 + rnd.nextInt(100_000) : rnd.nextInt(5_000);
                    long output = rnd.nextInt(4_000);
                    long cacheWrite = rnd.nextInt(20_000);
                    long cacheRead = rnd.nextInt(150_000);
                    boolean ids = rnd.nextInt(100) != 0;
                    String msg = "msg_" + Long.toHexString(written) + "_" + session;
                    String req = "req_" + Long.toHexString(written * 31 + 7);
                    int copies = ids && rnd.nextInt(5) == 0 ? 2 : 1;
                    for (int c = 0; c < copies && written < usageLines; c++) {
                        String line = assistant(sid, branch, t, model, ids ? msg : null, ids ? req : null,
                                input, output, cacheWrite, cacheRead, pad);
                        w.write(line);
                        w.newLine();
                        if (firstUsage.size() < 20) {
                            firstUsage.add(line);
                        }
                        written++;
                        inSession++;
                    }
                }
            }
            if (session % 50 == 49 && written < usageLines) {
                // a resumed session: its history is copied into a new file
                Path resumed = projects.resolve(project).resolve(sid.replace("-0000-", "-1111-") + ".jsonl");
                try (BufferedWriter w = Files.newBufferedWriter(resumed, StandardCharsets.UTF_8)) {
                    for (String line : firstUsage) {
                        if (written >= usageLines) {
                            break;
                        }
                        w.write(line);
                        w.newLine();
                        written++;
                    }
                }
            }
            session++;
        }
        Files.writeString(marker, Long.toString(written));
        return written;
    }

    private static String user(String sid, String branch, long t, String pad) {
        return "{\"parentUuid\":null,\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\"/home/dev/project\",\"sessionId\":\""
                + sid + "\",\"version\":\"1.0.51\",\"gitBranch\":\"" + branch + "\",\"type\":\"user\",\"message\":{\"role\":\"user\","
                + "\"content\":\"" + pad + "\"},\"uuid\":\"u" + t + "\",\"timestamp\":\"" + Instant.ofEpochSecond(t) + "\"}";
    }

    private static String assistant(String sid, String branch, long t, String model, String msg, String req,
            long input, long output, long cacheWrite, long cacheRead, String pad) {
        return "{\"parentUuid\":\"u" + t + "\",\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\"/home/dev/project\","
                + "\"sessionId\":\"" + sid + "\",\"version\":\"1.0.51\",\"gitBranch\":\"" + branch + "\",\"message\":{"
                + (msg == null ? "" : "\"id\":\"" + msg + "\",") + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + model
                + "\",\"content\":[{\"type\":\"text\",\"text\":\"" + pad + "\"}],\"stop_reason\":\"end_turn\",\"usage\":{"
                + "\"input_tokens\":" + input + ",\"cache_creation_input_tokens\":" + cacheWrite + ",\"cache_read_input_tokens\":"
                + cacheRead + ",\"output_tokens\":" + output + ",\"service_tier\":\"standard\"}}"
                + (req == null ? "" : ",\"requestId\":\"" + req + "\"") + ",\"type\":\"assistant\",\"uuid\":\"a" + t
                + "\",\"timestamp\":\"" + Instant.ofEpochSecond(t).toString().replace("Z", ".000Z") + "\"}";
    }
}
