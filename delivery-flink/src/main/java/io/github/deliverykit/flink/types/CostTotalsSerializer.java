package io.github.deliverykit.flink.types;

import io.github.deliverykit.metrics.cost.CostLedger.CostTotals;
import java.io.IOException;
import java.util.Currency;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The explicit Flink serializer of {@link CostTotals}. Format version 1: the ISO currency code,
 * the group count, then per group the 128-bit femto sum (high, low) and the priced and unpriced
 * record counts. Exact: a restored total equals the saved one to the femto unit. Stateless and
 * thread safe.
 */
public final class CostTotalsSerializer extends TypeSerializerSingleton<CostTotals> {

    private static final long serialVersionUID = 1L;

    /** The one instance. */
    public static final CostTotalsSerializer INSTANCE = new CostTotalsSerializer();

    private static final int VERSION = 1;

    private CostTotalsSerializer() {}

    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public CostTotals createInstance() {
        return new CostTotals(Currency.getInstance("USD"), 0);
    }

    @Override
    public CostTotals copy(CostTotals from) {
        return new CostTotals(from.currency(), from.groups()).merge(from);
    }

    @Override
    public CostTotals copy(CostTotals from, CostTotals reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(CostTotals t, DataOutputView out) throws IOException {
        out.writeUTF(t.currency().getCurrencyCode());
        int n = t.groups();
        out.writeInt(n);
        for (int g = 0; g < n; g++) {
            out.writeLong(t.femtosHigh(g));
            out.writeLong(t.femtosLow(g));
            VarLongs.write(out, t.priced(g));
            VarLongs.write(out, t.unknown(g));
        }
    }

    @Override
    public CostTotals deserialize(DataInputView in) throws IOException {
        String code = in.readUTF();
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("corrupt CostTotals state: " + n + " groups");
        }
        long[] hi = new long[n];
        long[] lo = new long[n];
        long[] priced = new long[n];
        long[] unknown = new long[n];
        for (int g = 0; g < n; g++) {
            hi[g] = in.readLong();
            lo[g] = in.readLong();
            priced[g] = VarLongs.read(in);
            unknown[g] = VarLongs.read(in);
        }
        try {
            return CostTotals.restore(Currency.getInstance(code), hi, lo, priced, unknown);
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt CostTotals state: " + e.getMessage(), e);
        }
    }

    @Override
    public CostTotals deserialize(CostTotals reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<CostTotals> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer's snapshot, written into savepoints: version 1. */
    public static final class Snapshot implements TypeSerializerSnapshot<CostTotals> {

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
                throw new IOException("unknown CostTotals serializer snapshot version " + version);
            }
            readVersion = version;
        }

        @Override
        public TypeSerializer<CostTotals> restoreSerializer() {
            return INSTANCE;
        }

        @Override
        public TypeSerializerSchemaCompatibility<CostTotals> resolveSchemaCompatibility(
                TypeSerializerSnapshot<CostTotals> oldSnapshot) {
            if (!(oldSnapshot instanceof Snapshot old)) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            return old.readVersion == VERSION ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.compatibleAfterMigration();
        }
    }
}
