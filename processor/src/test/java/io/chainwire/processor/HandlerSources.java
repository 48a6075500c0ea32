package io.chainwire.processor;

import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import io.chainwire.codegen.abi.AbiContract;
import io.chainwire.codegen.abi.AbiFormatException;
import io.chainwire.codegen.abi.AbiReader;
import io.chainwire.codegen.java.ContractClassGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Test sources in package {@code test}: contract classes generated from test ABIs by the real generator, and handler
 * interfaces.
 */
final class HandlerSources {
    /** Events MessageSent(address indexed,string), Ping(uint256) and the anonymous Whisper(uint256). */
    static final JavaFileObject HELLO = contract("contract-abi/Hello.json", "Hello");

    /** The ERC-20 event Transfer(address indexed,address indexed,uint256). */
    static final JavaFileObject TOKEN = contract("contract-abi/Token.json", "Token");

    /**
     * ERC-20 and ERC-721 events, whose Transfer and Approval share signatures: TransferIndexedFromTo and
     * TransferIndexedFromToTokenId.
     */
    static final JavaFileObject TOKENS = contract("goldens/tokens/Tokens.json", "Tokens");

    private HandlerSources() {}

    /** Returns {@code test.<simpleName>} with the usual imports, then {@code lines}. */
    static JavaFileObject source(String simpleName, String... lines) {
        List<String> source = new ArrayList<>();
        source.add("package test;");
        source.add("");
        source.add("import io.chainwire.annotation.ContractHandler;");
        source.add("import io.chainwire.handler.EventContext;");
        source.add("");
        source.addAll(List.of(lines));
        return JavaFileObjects.forSourceLines("test." + simpleName, source);
    }

    /** Generates {@code test.<simpleName>} from the test resource {@code abi}, as the Maven plugin would. */
    static JavaFile generate(String abi, String simpleName) {
        try (InputStream in = HandlerSources.class.getResourceAsStream("/" + abi)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + abi);
            }
            AbiContract contract = AbiReader.read(abi, in.readAllBytes()).get(0);
            return new ContractClassGenerator().generate(contract, "test", simpleName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (AbiFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns {@code test.<simpleName>} generated from the test resource {@code abi}. */
    static JavaFileObject contract(String abi, String simpleName) {
        return JavaFileObjects.forSourceString(
                "test." + simpleName, generate(abi, simpleName).toString());
    }
}
