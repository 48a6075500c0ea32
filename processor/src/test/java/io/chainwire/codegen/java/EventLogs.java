package io.chainwire.codegen.java;

import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.codegen.abi.AbiEvent;
import io.chainwire.codegen.abi.AbiParameter;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.datatypes.Type;

/** Logs of an event built from random samples: topics by the ABI rules, data encoded by web3j. */
final class EventLogs {
    private EventLogs() {}

    /** A log and the values chainwire should decode from it, in {@link DecodedValues} normal form. */
    record Example(RawLog log, List<Object> expected) {}

    @SuppressWarnings("rawtypes")
    static Example example(AbiEvent event, AbiSamples samples) {
        List<Hash> topics = new ArrayList<>();
        if (!event.anonymous()) {
            topics.add(Hash.keccak256(event.signature()));
        }
        List<Type> data = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (AbiParameter input : event.inputs()) {
            AbiSamples.Sample sample = samples.sample(input.type());
            if (input.indexed()) {
                Hash topic = AbiSamples.topic(input.type(), sample);
                topics.add(topic);
                expected.add(input.type().isValueType() ? sample.expected() : topic);
            } else {
                data.add(sample.web3j());
                expected.add(sample.expected());
            }
        }
        return new Example(LoadedContract.log(topics, data), expected);
    }
}
