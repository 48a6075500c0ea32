package io.chainwire.codegen.java;

import io.chainwire.abi.Indexed;
import io.chainwire.abi.LogMeta;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings decoded values to one normal form so that they compare with {@link AbiSamples}' expected values: integers
 * become BigInteger, records and lists become lists, indexed values their hash, and the {@link LogMeta} of an event
 * record is dropped.
 */
final class DecodedValues {
    private DecodedValues() {}

    static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof Indexed<?> indexed) {
            return indexed.hash();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object element : list) {
                out.add(normalize(element));
            }
            return out;
        }
        if (value instanceof Record record) {
            List<Object> out = new ArrayList<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.getType() != LogMeta.class) {
                    out.add(normalize(read(record, component)));
                }
            }
            return out;
        }
        return value;
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
