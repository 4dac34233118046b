package io.github.deliverykit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the demo's HTML report in a real headless Chromium through the DevTools protocol, saves a
 * screenshot to {@code target/screenshots/demo-report.png}, and checks that every chart rendered,
 * that nothing was logged to the console and that no request left the file. A control page with a
 * console error and an outside request proves the checks can fail. Skips when no Chromium is
 * installed, except in CI ({@code CI=true}), where a missing browser fails the build.
 */
final class BrowserRenderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    static Path chromium() {
        List<String> candidates = new ArrayList<>();
        String env = System.getenv("CHROMIUM");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String message = "no Chromium found (tried " + candidates + "; install Debian's chromium package or set CHROMIUM)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true: the browser test must run, but " + message);
        }
        Assumptions.abort("skipped: " + message);
        throw new IllegalStateException("unreachable");
    }

    /** What the page did while it loaded. */
    record Visit(List<String> consoleErrors, List<String> requests, JsonNode charts, byte[] screenshot) {}

    @Test
    void demoReport_rendersEveryChartWithoutErrorsOrRequests() throws Exception {
        Path html = HtmlReportTest.demoHtml(tmp);
        Visit v = visit(chromium(), html, true);
        assertEquals(List.of(), v.consoleErrors(), "console errors");
        assertEquals(List.of(html.toUri().toString()), v.requests(), "the only request is the file itself");
        assertEquals(HtmlReportTest.SECTIONS.size(), v.charts().size(), v.charts().toString());
        for (JsonNode c : v.charts()) {
            String id = c.get("section").asText();
            assertTrue(c.get("width").asDouble() > 300 && c.get("height").asDouble() > 200, id + " laid out: " + c);
            assertTrue(c.get("shapes").asInt() > 5, id + " drew shapes: " + c);
            assertTrue(c.get("texts").asInt() > 3, id + " drew labels: " + c);
            assertTrue(c.get("textWidth").asDouble() > 50, id + " labels have a rendered width: " + c);
            assertFalse(c.get("title").asText().isBlank(), id);
        }
        Path out = Path.of("target", "screenshots", "demo-report.png");
        Files.createDirectories(out.getParent());
        Files.write(out, v.screenshot());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(v.screenshot()));
        assertEquals(1280, img.getWidth());
        assertTrue(img.getHeight() > 2000, "the whole page: " + img.getHeight());
        // the budget chart sits top left under the summary: it must not be blank
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "the screenshot shows charts, not a blank page: " + colours.size() + " colours");
    }

    @Test
    void control_aPageWithAnErrorAndAnOutsideRequestFailsTheChecks() throws Exception {
        Path page = tmp.resolve("control.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><title>control</title></head><body>"
                + "<img src=\"http://127.0.0.1:9/outside.png\" alt=\"\"><script>console.error('boom')</script>"
                + "</body></html>", StandardCharsets.UTF_8);
        Visit v = visit(chromium(), page, false);
        assertTrue(v.consoleErrors().stream().anyMatch(e -> e.contains("boom")), v.consoleErrors().toString());
        assertTrue(v.requests().contains("http://127.0.0.1:9/outside.png"), v.requests().toString());
    }

    private static Visit visit(Path chromium, Path page, boolean screenshot) throws Exception {
        Path profile = Files.createTempDirectory("delivery-chromium");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
                "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "--user-data-dir=" + profile,
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (Cdp cdp = Cdp.connect(devToolsUrl(p))) {
            String target = cdp.call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
            String session = cdp.call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                    .get("sessionId").asText();
            for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
                cdp.call(session, domain + ".enable", Map.of());
            }
            cdp.call(session, "Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 900,
                    "deviceScaleFactor", 1, "mobile", false));
            CompletableFuture<JsonNode> loaded = cdp.next("Page.loadEventFired");
            cdp.call(session, "Page.navigate", Map.of("url", page.toUri().toString()));
            loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            // let late console messages and requests arrive
            cdp.call(session, "Runtime.evaluate", Map.of("expression",
                    "new Promise(r => requestAnimationFrame(() => setTimeout(r, 300)))", "awaitPromise", true));
            JsonNode charts = JSON.readTree(cdp.call(session, "Runtime.evaluate", Map.of("returnByValue", true,
                    "expression", "JSON.stringify([...document.querySelectorAll('section')].map(s => {"
                            + " const svg = s.querySelector('svg'); const r = svg ? svg.getBoundingClientRect() : {};"
                            + " return {section: s.id, width: r.width || 0, height: r.height || 0,"
                            + " shapes: svg ? svg.querySelectorAll('path,rect,line,polyline,ellipse').length : 0,"
                            + " texts: svg ? svg.querySelectorAll('text').length : 0,"
                            + " textWidth: svg ? [...svg.querySelectorAll('text')].reduce((a, t) => a"
                            + " + t.getComputedTextLength(), 0) : 0,"
                            + " title: svg && svg.querySelector('title') ? svg.querySelector('title').textContent : ''};"
                            + " }))")).get("result").get("value").asText());
            byte[] png = new byte[0];
            if (screenshot) {
                JsonNode metrics = cdp.call(session, "Page.getLayoutMetrics", Map.of());
                int height = (int) Math.ceil(metrics.get("cssContentSize").get("height").asDouble());
                cdp.call(session, "Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", height,
                        "deviceScaleFactor", 1, "mobile", false));
                png = Base64.getDecoder().decode(cdp.call(session, "Page.captureScreenshot",
                        Map.of("format", "png")).get("data").asText());
            }
            List<String> errors = new ArrayList<>();
            List<String> requests = new ArrayList<>();
            for (JsonNode e : cdp.events(session)) {
                String method = e.get("method").asText();
                JsonNode params = e.get("params");
                switch (method) {
                    case "Runtime.consoleAPICalled":
                        String type = params.get("type").asText();
                        if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
                            errors.add(type + ": " + params.get("args").toString());
                        }
                        break;
                    case "Runtime.exceptionThrown":
                        errors.add("exception: " + params.get("exceptionDetails").toString());
                        break;
                    case "Log.entryAdded":
                        String level = params.get("entry").get("level").asText();
                        if (level.equals("error") || level.equals("warning")) {
                            errors.add("log " + level + ": " + params.get("entry").get("text").asText());
                        }
                        break;
                    case "Network.requestWillBeSent":
                        requests.add(params.get("request").get("url").asText());
                        break;
                    default:
                        break;
                }
            }
            return new Visit(errors, requests, charts, png);
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static String devToolsUrl(Process p) throws IOException {
        Pattern ws = Pattern.compile("DevTools listening on (ws://\\S+)");
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        StringBuilder seen = new StringBuilder();
        String line;
        while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = ws.matcher(line);
            if (m.find()) {
                // keep draining stderr so that the browser never blocks on a full pipe
                Thread drain = new Thread(() -> {
                    try {
                        while (err.readLine() != null) {
                            // discard
                        }
                    } catch (IOException ignored) {
                        // the browser exited
                    }
                }, "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IllegalStateException("Chromium did not open its DevTools port:\n" + seen);
    }

    /** A minimal DevTools protocol client over java.net.http's WebSocket. */
    static final class Cdp implements WebSocket.Listener, AutoCloseable {

        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final List<JsonNode> events = new CopyOnWriteArrayList<>();
        private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Cdp connect(String url) throws Exception {
            Cdp cdp = new Cdp();
            cdp.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                    .buildAsync(URI.create(url), cdp).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return cdp;
        }

        JsonNode call(String session, String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            ObjectNode msg = JSON.createObjectNode();
            msg.put("id", id);
            msg.put("method", method);
            msg.set("params", JSON.valueToTree(params));
            if (session != null) {
                msg.put("sessionId", session);
            }
            CompletableFuture<JsonNode> f = new CompletableFuture<>();
            pending.put(id, f);
            socket.sendText(JSON.writeValueAsString(msg), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            JsonNode reply = f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.get("result");
        }

        CompletableFuture<JsonNode> next(String method) {
            CompletableFuture<JsonNode> f = new CompletableFuture<>();
            waiting.put(method, f);
            return f;
        }

        List<JsonNode> events(String session) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode e : events) {
                if (e.has("sessionId") && e.get("sessionId").asText().equals(session)) {
                    out.add(e);
                }
            }
            return out;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(partial.toString());
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                        if (f != null) {
                            f.complete(msg);
                        }
                    } else if (msg.has("method")) {
                        events.add(msg);
                        CompletableFuture<JsonNode> f = waiting.remove(msg.get("method").asText());
                        if (f != null) {
                            f.complete(msg);
                        }
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
