package io.chainwire.codegen.abi.internal;

import io.chainwire.codegen.abi.AbiType;
import io.chainwire.codegen.abi.AbiType.ArrayType;
import java.util.List;

/**
 * A parsed ABI type string: an elementary type or {@code tuple}, followed by array dimensions.
 *
 * @param elementary the elementary type, or null for {@code tuple} (its members come from {@code components})
 * @param dimensions the array suffixes left to right: a length, or {@link ArrayType#DYNAMIC} for {@code []}
 */
record TypeName(AbiType elementary, List<Integer> dimensions) {
    /** Copies the dimensions. */
    TypeName {
        dimensions = List.copyOf(dimensions);
    }

    /** Returns true for {@code tuple}, {@code tuple[]} and so on. */
    boolean isTuple() {
        return elementary == null;
    }
}
