package io.chainwire.benchmarks.codegen;

import java.util.List;
import java.util.Random;

/**
 * Writes the ABI of a large contract for the code generation benchmark: a plain ABI array of as many events as asked,
 * from a fixed seed, so the same count always gives the same bytes.
 *
 * <p>Events mix what real ABIs hold: one to six parameters of value types of every width, strings, bytes and arrays,
 * indexed arguments (up to three, now and then an indexed string), and structs, alone and in arrays, drawn from a pool
 * of named structs that events share as a protocol's events do.
 */
public final class LargeAbi {
    private static final List<String> VALUE_TYPES = List.of(
            "address", "address", "uint256", "uint256", "uint128", "uint64", "uint32", "uint8", "int256", "int24",
            "bool", "bytes32", "bytes4");
    private static final List<String> DYNAMIC_TYPES = List.of("string", "bytes", "uint256[]", "address[]");
    private static final int STRUCTS = 16;

    private LargeAbi() {}

    /** Returns the ABI JSON of a contract with {@code events} events generated from {@code seed}. */
    public static String json(int events, long seed) {
        Random random = new Random(seed);
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < events; i++) {
            json.append(i == 0 ? "" : ",\n")
                    .append("  {\"type\": \"event\", \"name\": \"Event")
                    .append(i)
                    .append("\", \"anonymous\": false, \"inputs\": [");
            int parameters = 1 + random.nextInt(6);
            int indexed = 0;
            for (int p = 0; p < parameters; p++) {
                json.append(p == 0 ? "\n" : ",\n").append("    ");
                boolean index = indexed < 3 && random.nextInt(3) == 0;
                indexed += index ? 1 : 0;
                parameter(json, "arg" + p, index, random);
            }
            json.append("\n  ]}");
        }
        return json.append("\n]\n").toString();
    }

    private static void parameter(StringBuilder json, String name, boolean indexed, Random random) {
        int kind = random.nextInt(10);
        if (kind < 6) {
            field(json, name, VALUE_TYPES.get(random.nextInt(VALUE_TYPES.size())), indexed);
        } else if (kind < 8) {
            field(json, name, indexed ? "string" : DYNAMIC_TYPES.get(random.nextInt(DYNAMIC_TYPES.size())), indexed);
        } else {
            struct(json, name, random.nextInt(STRUCTS), random.nextBoolean() ? "[]" : "", indexed);
        }
    }

    /** Writes struct {@code number} of the pool; its members depend on the number alone. */
    private static void struct(StringBuilder json, String name, int number, String array, boolean indexed) {
        Random members = new Random(number);
        int count = 2 + members.nextInt(3);
        json.append("{\"name\": \"")
                .append(name)
                .append("\", \"type\": \"tuple")
                .append(array)
                .append("\", \"internalType\": \"struct Protocol.Struct")
                .append(number)
                .append(array)
                .append("\", \"indexed\": ")
                .append(indexed)
                .append(", \"components\": [");
        for (int m = 0; m < count; m++) {
            json.append(m == 0 ? "" : ", ");
            String type = members.nextInt(4) == 0
                    ? DYNAMIC_TYPES.get(members.nextInt(DYNAMIC_TYPES.size()))
                    : VALUE_TYPES.get(members.nextInt(VALUE_TYPES.size()));
            json.append("{\"name\": \"member")
                    .append(m)
                    .append("\", \"type\": \"")
                    .append(type)
                    .append("\", \"internalType\": \"")
                    .append(type)
                    .append("\"}");
        }
        json.append("]}");
    }

    private static void field(StringBuilder json, String name, String type, boolean indexed) {
        json.append("{\"name\": \"")
                .append(name)
                .append("\", \"type\": \"")
                .append(type)
                .append("\", \"internalType\": \"")
                .append(type)
                .append("\", \"indexed\": ")
                .append(indexed)
                .append('}');
    }
}
