package io.github.deliverykit.flink.types;

import io.github.deliverykit.metrics.budget.GoodTotalAccumulator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The explicit Flink serializer of {@link GoodTotalAccumulator}. Format version 1: origin and
 * bucket in epoch / milliseconds, the bucket count, the rejected count, then only the non-empty
 * buckets as (index gap, total, bad) in variable-length longs, so a sparse accumulator (most
 * buckets of a 30-day minute range are empty for a quiet service) costs bytes per used bucket, not
 * 16 bytes per bucket. Stateless and thread safe.
 */
public final class GoodTotalAccumulatorSerializer extends TypeSerializerSingleton<GoodTotalAccumulator> {

    private static final long serialVersionUID = 1L;

    /** The one instance. */
    public static final GoodTotalAccumulatorSerializer INSTANCE = new GoodTotalAccumulatorSerializer();

    private static final int VERSION = 1;

    private GoodTotalAccumulatorSerializer() {}

    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public GoodTotalAccumulator createInstance() {
        return GoodTotalAccumulator.create(Instant.EPOCH, Duration.ofMinutes(1), 1);
    }

    @Override
    public GoodTotalAccumulator copy(GoodTotalAccumulator from) {
        return from.copy();
    }

    @Override
    public GoodTotalAccumulator copy(GoodTotalAccumulator from, GoodTotalAccumulator reuse) {
        return from.copy();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(GoodTotalAccumulator a, DataOutputView out) throws IOException {
        out.writeLong(a.origin().toEpochMilli());
        out.writeLong(a.bucket().toMillis());
        int n = a.buckets();
        out.writeInt(n);
        out.writeLong(a.rejected());
        int used = 0;
        for (int i = 0; i < n; i++) {
            if (a.total(i) != 0) {
                used++;
            }
        }
        out.writeInt(used);
        int last = -1;
        for (int i = 0; i < n; i++) {
            long t = a.total(i);
            if (t != 0) {
                VarLongs.write(out, i - last);
                VarLongs.write(out, t);
                VarLongs.write(out, t - a.good(i));
                last = i;
            }
        }
    }

    @Override
    public GoodTotalAccumulator deserialize(DataInputView in) throws IOException {
        long origin = in.readLong();
        long bucket = in.readLong();
        int n = in.readInt();
        long rejected = in.readLong();
        int used = in.readInt();
        if (n < 1 || used < 0 || used > n) {
            throw new IOException("corrupt GoodTotalAccumulator state: " + n + " buckets, " + used + " used");
        }
        long[] good = new long[n];
        long[] total = new long[n];
        int i = -1;
        for (int k = 0; k < used; k++) {
            long gap = VarLongs.read(in);
            if (gap < 1 || i + gap >= n) {
                throw new IOException("corrupt GoodTotalAccumulator state: bucket gap " + gap + " after " + i);
            }
            i += (int) gap;
            total[i] = VarLongs.read(in);
            good[i] = total[i] - VarLongs.read(in);
        }
        try {
            return GoodTotalAccumulator.restore(Instant.ofEpochMilli(origin), Duration.ofMillis(bucket), good, total,
                    rejected);
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt GoodTotalAccumulator state: " + e.getMessage(), e);
        }
    }

    @Override
    public GoodTotalAccumulator deserialize(GoodTotalAccumulator reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<GoodTotalAccumulator> snapshotConfiguration() {
        return new Snapshot();
    }

    /**
     * The serializer's snapshot, written into savepoints: version 1. A future format bumps
     * {@link #getCurrentVersion()} and reads version 1 states through {@link #readSnapshot}, so
     * savepoints taken now stay readable.
     */
    public static final class Snapshot implements TypeSerializerSnapshot<GoodTotalAccumulator> {

        private int readVersion = VERSION;

        /** For Flink's reflective instantiation when reading a savepoint. */
        public Snapshot() {}

        @Override
        public int getCurrentVersion() {
            return VERSION;
        }

        @Override
        public void writeSnapshot(DataOutputView out) {
            // the format is fixed by the version: nothing more to write
        }

        @Override
        public void readSnapshot(int version, DataInputView in, ClassLoader classLoader) throws IOException {
            if (version < 1 || version > VERSION) {
                throw new IOException("unknown GoodTotalAccumulator serializer snapshot version " + version);
            }
            readVersion = version;
        }

        @Override
        public TypeSerializer<GoodTotalAccumulator> restoreSerializer() {
            return INSTANCE;
        }

        @Override
        public TypeSerializerSchemaCompatibility<GoodTotalAccumulator> resolveSchemaCompatibility(
                TypeSerializerSnapshot<GoodTotalAccumulator> oldSnapshot) {
            if (!(oldSnapshot instanceof Snapshot old)) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            return old.readVersion == VERSION ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.compatibleAfterMigration();
        }
    }
}
