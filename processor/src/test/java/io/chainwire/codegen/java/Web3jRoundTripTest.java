package io.chainwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainwire.codegen.abi.AbiEvent;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * web3j's encoder writes random values of every shape in {@code conformance/Shapes.json}; the generated decoders must
 * return the same values.
 */
class Web3jRoundTripTest {
    private static final int SAMPLES_PER_EVENT = 300;

    @TestFactory
    Stream<DynamicTest> generatedDecodersReturnWhatWeb3jEncoded() {
        LoadedContract shapes = LoadedContract.fromFile(GeneratedCode.SHAPES);
        return GeneratedCode.readContract(GeneratedCode.SHAPES).events().stream()
                .map(event -> DynamicTest.dynamicTest(event.signature(), () -> roundTrip(shapes, event)));
    }

    private static void roundTrip(LoadedContract shapes, AbiEvent event) throws Throwable {
        AbiSamples samples = new AbiSamples(event.signature().hashCode());
        for (int i = 0; i < SAMPLES_PER_EVENT; i++) {
            EventLogs.Example example = EventLogs.example(event, samples);
            Object decoded = shapes.decode(event.name(), example.log());
            assertEquals(example.expected(), DecodedValues.normalize(decoded), () -> "log " + example.log());
        }
    }
}
