package io.github.deliverykit.flink.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.money.Money;
import io.github.deliverykit.metrics.cost.CostLedger.CostTotals;
import java.io.IOException;
import java.util.Currency;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.junit.jupiter.api.Test;

/** Flink's serializer contract tests for {@link CostTotals} (compared group by group, exactly). */
final class CostTotalsSerializerTest extends SerializerTestBase<CostTotals> {

    CostTotalsSerializerTest() {
        super(new DeeplyEqualsChecker().withCustomCheck((a, b) -> a instanceof CostTotals && b instanceof CostTotals,
                (a, b, checker) -> same((CostTotals) a, (CostTotals) b)));
    }

    static boolean same(CostTotals a, CostTotals b) {
        if (a.currency() != b.currency() || a.groups() != b.groups()) {
            return false;
        }
        for (int g = 0; g < a.groups(); g++) {
            if (a.femtosHigh(g) != b.femtosHigh(g) || a.femtosLow(g) != b.femtosLow(g) || a.priced(g) != b.priced(g)
                    || a.unknown(g) != b.unknown(g)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected TypeSerializer<CostTotals> createSerializer() {
        return CostTotalsSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<CostTotals> getTypeClass() {
        return CostTotals.class;
    }

    @Override
    protected CostTotals[] getTestData() {
        Currency usd = Currency.getInstance("USD");
        CostTotals three = new CostTotals(usd, 3).add(0, 1_500_000_000_000L).add(0, -1).add(2, Money.of("12.345", "USD"));
        CostTotals carry = new CostTotals(Currency.getInstance("EUR"), 1);
        for (int i = 0; i < 5; i++) {
            carry.add(0, Long.MAX_VALUE); // carries into the high word
        }
        return new CostTotals[] {new CostTotals(usd, 0), new CostTotals(usd, 1), three, carry};
    }

    @Test
    void roundTrip_isExactToTheFemto_acrossTheCarry() throws IOException {
        CostTotals carry = getTestData()[3];
        DataOutputSerializer out = new DataOutputSerializer(64);
        CostTotalsSerializer.INSTANCE.serialize(carry, out);
        CostTotals back = CostTotalsSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals(carry.exact(0), back.exact(0));
        assertEquals(carry.cost(0), back.cost(0));
        assertTrue(carry.femtosHigh(0) > 0);
    }

    @Test
    void snapshot_hasVersion1_andRestoresCompatibleAsIs() throws IOException {
        TypeSerializerSnapshot<CostTotals> snap = CostTotalsSerializer.INSTANCE.snapshotConfiguration();
        assertEquals(1, snap.getCurrentVersion());
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snap);
        TypeSerializerSnapshot<CostTotals> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        assertTrue(snap.resolveSchemaCompatibility(read).isCompatibleAsIs());
    }
}
