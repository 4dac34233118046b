package io.github.deliverykit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

final class DeliveryFlinkJobTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = FlinkTesting.miniCluster();

    static List<String> read(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList()) {
                out.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
        }
        out.sort(null);
        return out;
    }

    @Test
    void exampleJob_readsFiles_writesAlertsAndSli_andSendsMalformedLinesToTheSideOutput(@TempDir Path tmp)
            throws Exception {
        List<RequestEvent> events = TestEvents.events(21, 20_000);
        List<String> lines = new ArrayList<>();
        lines.add("# id,service,epochMillis,good|bad");
        for (int i = 0; i < events.size(); i++) {
            lines.add(events.get(i).toLine());
            if (i == 100) {
                lines.add("e-x,s0,yesterday,good");
                lines.add("e-y,s0,1767571200000,maybe");
                lines.add("only,three,fields");
            }
            if (i % 1000 == 0) {
                lines.add(events.get(i).toLine()); // a duplicated delivery
            }
        }
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.write(in.resolve("requests.csv"), lines, StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");

        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        DeliveryFlinkJob.build(env, DeliveryFlinkJob.options("--input", in.toString(), "--output", out.toString(),
                "--outOfOrderness", "PT2M"));
        env.execute("example job");

        assertEquals(AlertJobs.sorted(AlertJobs.library(events, AlertJobs.SPEC)), read(out.resolve("alerts")));
        List<String> sli = new ArrayList<>(TestEvents.libraryLines(events, TestEvents.DAY_OF_MINUTES));
        sli.sort(null);
        assertEquals(sli, read(out.resolve("sli")));
        assertEquals(List.of(
                "epochMillis must be an integer but was 'yesterday'\te-x,s0,yesterday,good",
                "expected 4 fields id,service,epochMillis,good|bad but got 3\tonly,three,fields",
                "good must be 'good' or 'bad' but was 'maybe'\te-y,s0,1767571200000,maybe"), read(out.resolve("malformed")));
        assertEquals(List.of(), read(out.resolve("late")));
    }

    @Test
    void options_withoutInput_isAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeliveryFlinkJob.build(
                StreamExecutionEnvironment.getExecutionEnvironment(), DeliveryFlinkJob.options("--output", "/tmp/x")));
        assertEquals(true, e.getMessage().contains("--input"), e.getMessage());
    }
}
