package io.github.deliverykit.flink.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.metrics.budget.GoodTotalAccumulator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Flink's own serializer contract tests, plus the pinned version-1 format and snapshot. */
final class GoodTotalAccumulatorSerializerTest extends SerializerTestBase<GoodTotalAccumulator> {

    static GoodTotalAccumulator sample() {
        GoodTotalAccumulator a = GoodTotalAccumulator.create(Instant.parse("2026-01-05T00:00:00Z"), Duration.ofMinutes(1), 10);
        a.record(Instant.parse("2026-01-05T00:00:30Z").toEpochMilli(), true);
        a.record(Instant.parse("2026-01-05T00:00:31Z").toEpochMilli(), false);
        a.record(Instant.parse("2026-01-05T00:07:00Z").toEpochMilli(), 300, 301);
        a.record(Instant.parse("2026-01-06T00:00:00Z").toEpochMilli(), true); // rejected
        return a;
    }

    @Override
    protected TypeSerializer<GoodTotalAccumulator> createSerializer() {
        return GoodTotalAccumulatorSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<GoodTotalAccumulator> getTypeClass() {
        return GoodTotalAccumulator.class;
    }

    @Override
    protected GoodTotalAccumulator[] getTestData() {
        GoodTotalAccumulator big = GoodTotalAccumulator.create(Instant.EPOCH, Duration.ofSeconds(1), 5_000);
        for (int i = 0; i < 5_000; i += 3) {
            big.record(i * 1000L, i % 7 != 0);
        }
        big.record(i(Long.MAX_VALUE / 4), 0, Long.MAX_VALUE / 2); // rejected: outside
        GoodTotalAccumulator huge = GoodTotalAccumulator.create(Instant.EPOCH, Duration.ofDays(1), 2);
        huge.record(0, Long.MAX_VALUE - 5, Long.MAX_VALUE);
        return new GoodTotalAccumulator[] {
            GoodTotalAccumulator.create(Instant.EPOCH, Duration.ofMillis(1), 1), sample(), big, huge};
    }

    private static long i(long v) {
        return v;
    }

    @Test
    void format_version1_isPinned() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        GoodTotalAccumulatorSerializer.INSTANCE.serialize(sample(), out);
        String hex = HexFormat.of().formatHex(out.getCopyOfBuffer());
        // origin, bucket, 10 buckets, 1 rejected, 2 used; (gap 1, total 2, bad 1), (gap 7, total 301, bad 1)
        assertEquals("0000019b8b74180000000000" + "0000ea60" + "0000000a" + "0000000000000001" + "00000002"
                + "010201" + "07ad0201", hex);
        GoodTotalAccumulator back = GoodTotalAccumulatorSerializer.INSTANCE.deserialize(
                new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals(sample(), back);
        assertEquals(1, back.rejected());
    }

    @Test
    void snapshot_hasVersion1_andRestoresCompatibleAsIs() throws IOException {
        TypeSerializerSnapshot<GoodTotalAccumulator> snap = GoodTotalAccumulatorSerializer.INSTANCE.snapshotConfiguration();
        assertEquals(1, snap.getCurrentVersion());
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snap);
        TypeSerializerSnapshot<GoodTotalAccumulator> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        assertTrue(read.restoreSerializer() == GoodTotalAccumulatorSerializer.INSTANCE);
        assertTrue(snap.resolveSchemaCompatibility(read).isCompatibleAsIs());
    }

    @Test
    void snapshot_ofAFutureVersion_isRefused() {
        GoodTotalAccumulatorSerializer.Snapshot s = new GoodTotalAccumulatorSerializer.Snapshot();
        assertThrows(IOException.class, () -> s.readSnapshot(2, new DataInputDeserializer(new byte[0]),
                getClass().getClassLoader()));
    }

    @Test
    void corruptState_isAnIOException_notARuntimeException() {
        byte[] bad = HexFormat.of().parseHex("0000019b8b74180000000000" + "0000ea60" + "0000000a" + "0000000000000000"
                + "00000001" + "0b0101");
        IOException e = assertThrows(IOException.class, () -> GoodTotalAccumulatorSerializer.INSTANCE.deserialize(
                new DataInputDeserializer(bad)));
        assertTrue(e.getMessage().contains("bucket gap 11"), e.getMessage());
    }
}
