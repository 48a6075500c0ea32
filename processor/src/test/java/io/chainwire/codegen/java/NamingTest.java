package io.chainwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.chainwire.codegen.abi.AbiContract;
import io.chainwire.codegen.abi.AbiEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names of generated types and members: deterministic, independent of ABI order, and always legal Java. */
class NamingTest {
    @ParameterizedTest
    @ValueSource(
            strings = {"overloads", "tokens", "structs", "anonymous", "keywords", "unnamed", "holdout", "holdoutstructs"
            })
    void everyNestedTypeAndHelperIsTheSameWhateverTheAbiOrder(String name) {
        AbiContract contract = GeneratedCode.readContract(GeneratedCode.abiFile(GeneratedCode.GOLDENS.resolve(name)));
        Map<String, String> expected = members(contract);
        Random random = new Random(name.hashCode());
        for (int round = 0; round < 20; round++) {
            List<AbiEvent> shuffled = new ArrayList<>(contract.events());
            Collections.shuffle(shuffled, random);
            assertEquals(expected, members(new AbiContract(contract.name(), shuffled)));
        }
    }

    @Test
    void generatingTwiceGivesTheSameBytes() {
        AbiContract contract =
                GeneratedCode.readContract(GeneratedCode.abiFile(GeneratedCode.GOLDENS.resolve("structs")));
        assertEquals(
                GeneratedCode.generate(contract, "p").toString(),
                new ContractClassGenerator().generate(contract, "p", "Market").toString());
    }

    @Test
    void overloadsTakeTheirParameterTypesAndSharedSignaturesTheirIndexedNames() {
        assertEquals(
                List.of(
                        "Event",
                        "LogAddressUint256Array",
                        "LogPoint",
                        "LogString",
                        "LogUint256",
                        "MovedIndexedFrom",
                        "MovedIndexedTo",
                        "Point",
                        "TransferAddressAddressUint256",
                        "TransferAddressAddressUint256Bytes"),
                nestedTypes("overloads"));
        assertEquals(
                List.of(
                        "ApprovalForAll",
                        "ApprovalIndexedOwnerApprovedTokenId",
                        "ApprovalIndexedOwnerSpender",
                        "Event",
                        "TransferIndexedFromTo",
                        "TransferIndexedFromToTokenId"),
                nestedTypes("tokens"));
        assertEquals(
                List.of(
                        "Deposited",
                        "Event",
                        "FlaggedAnonymousIndexedAccountOn",
                        "FlaggedIndexedAccountOn",
                        "Noted",
                        "Ping"),
                nestedTypes("anonymous"));
    }

    @Test
    void structsAreNamedFromInternalTypeQualifiedOnClashOrFromTheParameter() {
        List<String> types = nestedTypes("structs");
        assertTrue(
                types.containsAll(List.of("Asset", "Fill", "MarketOrder", "RegistryOrder", "PairTuple", "ItemsTuple")),
                types.toString());
        assertEquals(1, types.stream().filter(t -> t.equals("Asset")).count());
    }

    @Test
    void keywordsAndClashingNamesGetATrailingUnderscore() {
        LoadedContract keywords = LoadedContract.golden("keywords");
        assertEquals(
                List.of("class_", "hashCode_", "toString_", "meta"),
                LoadedContract.components(keywords.nested("Event_")));
        assertEquals(
                List.of("default_", "SIGNATURE_", "TOPIC0_", "meta"),
                LoadedContract.components(keywords.nested("Keywords_")));
        assertEquals(
                List.of("filter_", "build_", "meta_", "meta"), LoadedContract.components(keywords.nested("Filter_")));
        assertEquals(List.of("log", "data", "data_", "meta"), LoadedContract.components(keywords.nested("record_")));
        assertEquals(
                List.of("wait_", "notify_", "getClass_", "clone_", "finalize_", "equals_", "__", "notifyAll_", "meta"),
                LoadedContract.components(keywords.nested("wait")));
        assertEquals(
                List.of("Topics_", "Hash_", "AbiDecoder_", "TopicFilter_", "decode_", "matches_", "meta"),
                LoadedContract.components(keywords.nested("Qualifiers")));
        assertEquals(
                List.of("event", "decodeEventStruct_", "meta"), LoadedContract.components(keywords.nested("Wrapped")));
        assertEquals(List.of("int_", "new_", "hashCode_"), LoadedContract.components(keywords.nested("EventStruct")));
    }

    @Test
    void namesThatOnlyShadowJavaLangTypesAreKept() {
        assertEquals(
                List.of("Builder", "Entry", "Event", "Event_", "Filter_", "Object", "Record"), nestedTypes("holdout"));
        assertEquals(
                List.of("Builder", "Event", "EventStruct", "FilterStruct", "Object", "Record", "Stored", "Wrapped"),
                nestedTypes("holdoutstructs"));
    }

    @Test
    void classesOfOnePackageNamedLikeJavaLangTypesDoNotHideThemFromEachOther() {
        AbiContract holdout =
                GeneratedCode.readContract(GeneratedCode.abiFile(GeneratedCode.GOLDENS.resolve("holdout")));
        AbiContract shapes = GeneratedCode.readContract(GeneratedCode.SHAPES);
        List<JavaFile> files =
                new ArrayList<>(List.of(GeneratedCode.generate(holdout, "p"), GeneratedCode.generate(shapes, "p")));
        for (String name : List.of("Object", "String", "Integer", "Long", "Boolean", "Record", "Override")) {
            files.add(new ContractClassGenerator().generate(new AbiContract(name, shapes.events()), "p", name));
        }
        GeneratedCode.compile(files.toArray(JavaFile[]::new));
    }

    @Test
    void unnamedParametersAreNamedByPosition() {
        LoadedContract unnamed = LoadedContract.golden("unnamed");
        assertEquals(List.of("arg0", "arg1", "arg2", "meta"), LoadedContract.components(unnamed.nested("Signal")));
        assertEquals(List.of("arg1", "arg1_", "meta"), LoadedContract.components(unnamed.nested("Pair")));
        assertEquals(List.of("arg0", "arg1"), LoadedContract.components(unnamed.nested("Arg0Tuple")));
    }

    @Test
    void rejectsClassNamesThatCannotHoldTheNestedTypes() {
        AbiContract contract = new AbiContract("C", List.of());
        for (String name : List.of("Event", "Filter", "class", "9lives", "")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> new ContractClassGenerator().generate(contract, "p", name));
            assertTrue(
                    e.getMessage().startsWith("cannot generate the class of contract C: the class name"),
                    e.getMessage());
        }
    }

    @Test
    void contractsNamedLikeNestedTypesTakeContractAndOthersKeepTheirName() {
        assertEquals(List.of("Event", "Moved", "Object_", "Pair"), nestedTypes("contractobject"));
        assertEquals(List.of("Event", "Event_", "Moved", "Pair"), nestedTypes("contractevent"));
        assertEquals(List.of("Event", "Filter_", "Moved", "Pair"), nestedTypes("contractfilter"));
        assertEquals(List.of("Builder_", "Event", "Moved", "Pair"), nestedTypes("contractbuilder"));
        assertEquals(List.of("Event", "Moved", "Pair", "Record_"), nestedTypes("contractrecord"));
        for (String name :
                List.of("contractobject", "contractevent", "contractfilter", "contractbuilder", "contractrecord")) {
            AbiContract contract =
                    GeneratedCode.readContract(GeneratedCode.abiFile(GeneratedCode.GOLDENS.resolve(name)));
            String expected = contract.name().equals("Event") || contract.name().equals("Filter")
                    ? contract.name() + "Contract"
                    : contract.name();
            assertEquals(
                    expected, GeneratedCode.generate(contract, "p").typeSpec().name());
        }
    }

    @Test
    void contractsNamedLikeRuntimeTypesOrWithoutEventsStillCompile() {
        String abi = """
        [{"type": "event", "name": "Moved", "inputs": [{"name": "to", "type": "address", "indexed": true},
          {"name": "list", "type": "uint256[]"}]}]""";
        for (String name : List.of("Hash", "AbiDecoder", "List", "Topics")) {
            LoadedContract contract = LoadedContract.fromJson(name, abi);
            assertEquals(List.of("to", "list", "meta"), LoadedContract.components(contract.nested("Moved")));
        }
        GeneratedCode.compile(new ContractClassGenerator().generate(new AbiContract("Empty", List.of()), "p", "Empty"));
    }

    private static List<String> nestedTypes(String name) {
        AbiContract contract = GeneratedCode.readContract(GeneratedCode.abiFile(GeneratedCode.GOLDENS.resolve(name)));
        return GeneratedCode.generate(contract, "p").typeSpec().typeSpecs().stream()
                .map(TypeSpec::name)
                .sorted()
                .toList();
    }

    /** Returns each nested type and method of the generated class, by name, as source. */
    private static Map<String, String> members(AbiContract contract) {
        JavaFile file = GeneratedCode.generate(contract, "p");
        Map<String, String> members = new TreeMap<>();
        for (TypeSpec type : file.typeSpec().typeSpecs()) {
            members.put(type.name(), type.name().equals("Event") ? "" : type.toString());
        }
        for (MethodSpec method : file.typeSpec().methodSpecs()) {
            members.put(method.name(), method.name().equals("decode") ? "" : method.toString());
        }
        return members;
    }
}
