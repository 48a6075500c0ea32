package io.chainwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.chainwire.processor.HandlerSources.HELLO;
import static io.chainwire.processor.HandlerSources.TOKEN;
import static io.chainwire.processor.HandlerSources.TOKENS;
import static io.chainwire.processor.HandlerSources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.chainwire.abi.AbiDecodingException;
import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.handler.EventContext;
import io.chainwire.handler.EventDispatcher;
import io.chainwire.handler.UndecodableLogException;
import io.chainwire.testing.CompiledClasses;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Generated dispatchers, compiled and loaded, route real raw logs to handler methods. */
final class DispatcherRuntimeTest {
    private static final LogMeta META =
            new LogMeta(Address.ZERO, 7, Hash.keccak256("block"), Hash.keccak256("tx"), 0, 3);
    private static final EventContext CONTEXT = EventContext.of(META);
    private static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");
    private static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");

    /** A handler whose every call is recorded as the method name followed by its arguments. */
    private record Dispatch(EventDispatcher dispatcher, List<List<Object>> calls) {}

    private static Dispatch dispatcherFor(JavaFileObject handler, String handlerName)
            throws ReflectiveOperationException {
        return dispatcherFor(handler, handlerName, null);
    }

    /** Returns a dispatcher whose handler records each call, then throws {@code failure} if it is not null. */
    private static Dispatch dispatcherFor(JavaFileObject handler, String handlerName, RuntimeException failure)
            throws ReflectiveOperationException {
        Compilation compilation =
                javac().withProcessors(new ContractHandlerProcessor()).compile(HELLO, TOKEN, TOKENS, handler);
        assertThat(compilation).succeededWithoutWarnings();
        ClassLoader loader = new CompiledClasses(compilation);
        Class<?> handlerType = loader.loadClass("test." + handlerName);
        List<List<Object>> calls = new ArrayList<>();
        Object recorder = Proxy.newProxyInstance(loader, new Class<?>[] {handlerType}, (proxy, method, args) -> {
            List<Object> call = new ArrayList<>();
            call.add(method.getName());
            call.addAll(Arrays.asList(args));
            calls.add(call);
            if (failure != null) {
                throw failure;
            }
            return null;
        });
        EventDispatcher dispatcher = (EventDispatcher) loader.loadClass("test." + handlerName + "Dispatcher")
                .getConstructor(handlerType)
                .newInstance(recorder);
        return new Dispatch(dispatcher, calls);
    }

    private static Object component(Object record, String name) throws ReflectiveOperationException {
        return record.getClass().getMethod(name).invoke(record);
    }

    private static byte[] word(BigInteger value) {
        byte[] word = new byte[32];
        byte[] bytes = value.toByteArray();
        System.arraycopy(bytes, 0, word, 32 - bytes.length, bytes.length);
        return word;
    }

    private static Hash topic(Address address) {
        byte[] topic = new byte[32];
        System.arraycopy(address.toByteArray(), 0, topic, 12, 20);
        return Hash.of(topic);
    }

    private static Hash topic(BigInteger value) {
        return Hash.of(word(value));
    }

    private static Bytes stringData(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[64 + (utf8.length + 31) / 32 * 32];
        System.arraycopy(word(BigInteger.valueOf(32)), 0, data, 0, 32);
        System.arraycopy(word(BigInteger.valueOf(utf8.length)), 0, data, 32, 32);
        System.arraycopy(utf8, 0, data, 64, utf8.length);
        return Bytes.of(data);
    }

    private static final JavaFileObject HELLO_HANDLER = source(
            "HelloHandler",
            "@ContractHandler(Hello.class)",
            "public interface HelloHandler {",
            "  void onMessageSent(Hello.MessageSent event, EventContext context);",
            "  void onPing(Hello.Ping event);",
            "}");

    @Test
    void routesEachLogToTheMethodTakingItsEvent() throws ReflectiveOperationException {
        Dispatch hello = dispatcherFor(HELLO_HANDLER, "HelloHandler");
        RawLog message = new RawLog(
                List.of(Hash.keccak256("MessageSent(address,string)"), topic(ALICE)), stringData("gm"), META);
        RawLog ping = new RawLog(List.of(Hash.keccak256("Ping(uint256)")), Bytes.of(word(BigInteger.TEN)), META);

        assertTrue(hello.dispatcher().dispatch(message, CONTEXT));
        assertTrue(hello.dispatcher().dispatch(ping, CONTEXT));

        assertEquals(2, hello.calls().size());
        List<Object> first = hello.calls().get(0);
        assertEquals("onMessageSent", first.get(0));
        assertEquals(ALICE, component(first.get(1), "from"));
        assertEquals("gm", component(first.get(1), "message"));
        assertEquals(META, component(first.get(1), "meta"));
        assertEquals(CONTEXT, first.get(2));
        List<Object> second = hello.calls().get(1);
        assertEquals(2, second.size(), "onPing takes no context");
        assertEquals("onPing", second.get(0));
        assertEquals(BigInteger.TEN, component(second.get(1), "count"));
    }

    @Test
    void leavesLogsOfOtherEventsAndLayoutsAlone() throws ReflectiveOperationException {
        Dispatch hello = dispatcherFor(HELLO_HANDLER, "HelloHandler");
        RawLog unknown = new RawLog(List.of(Hash.keccak256("Unknown()")), Bytes.EMPTY, META);
        RawLog wrongTopicCount =
                new RawLog(List.of(Hash.keccak256("MessageSent(address,string)")), stringData("gm"), META);
        RawLog noTopics = new RawLog(List.of(), Bytes.of(word(BigInteger.ONE)), META);

        assertFalse(hello.dispatcher().dispatch(unknown, CONTEXT));
        assertFalse(hello.dispatcher().dispatch(wrongTopicCount, CONTEXT));
        assertFalse(hello.dispatcher().dispatch(noTopics, CONTEXT));
        assertEquals(List.of(), hello.calls());
    }

    @Test
    void reportsALogWithTheEventsTopicsThatDoesNotDecodeAsItWithoutCallingTheHandler()
            throws ReflectiveOperationException {
        Dispatch hello = dispatcherFor(HELLO_HANDLER, "HelloHandler");
        // MessageSent's topics, but its data is one byte: no string fits.
        RawLog foreign = new RawLog(
                List.of(Hash.keccak256("MessageSent(address,string)"), topic(ALICE)), Bytes.of(new byte[1]), META);

        UndecodableLogException e = assertThrows(
                UndecodableLogException.class, () -> hello.dispatcher().dispatch(foreign, CONTEXT));

        assertEquals(META, e.meta());
        assertEquals("MessageSent(address,string)", e.signature());
        assertEquals("MessageSent(address,string)", e.getCause().event());
        assertEquals(
                "the log at block 7, log index 3, from " + Address.ZERO
                        + " has the topic 0 of MessageSent(address,string)" + " but does not decode as it: "
                        + e.getCause().getMessage(),
                e.getMessage());
        assertEquals(List.of(), hello.calls());
    }

    @Test
    void letsAnExceptionFromAHandlerMethodPropagateUnchanged() throws ReflectiveOperationException {
        RawLog ping = new RawLog(List.of(Hash.keccak256("Ping(uint256)")), Bytes.of(word(BigInteger.TEN)), META);
        IllegalStateException failure = new IllegalStateException("database down");
        // Even a decoding failure of the handler's own is the handler's, not the log's.
        AbiDecodingException ownDecoding =
                new AbiDecodingException("Other(uint256)", null, "handler decoded something else");

        Dispatch failing = dispatcherFor(HELLO_HANDLER, "HelloHandler", failure);
        assertSame(
                failure,
                assertThrows(
                        IllegalStateException.class, () -> failing.dispatcher().dispatch(ping, CONTEXT)));
        Dispatch decoding = dispatcherFor(HELLO_HANDLER, "HelloHandler", ownDecoding);
        assertSame(
                ownDecoding,
                assertThrows(
                        AbiDecodingException.class, () -> decoding.dispatcher().dispatch(ping, CONTEXT)));
        assertEquals("onPing", decoding.calls().get(0).get(0));
    }

    @Test
    void listsTheTopicOfEveryHandledEvent() throws ReflectiveOperationException {
        Dispatch hello = dispatcherFor(HELLO_HANDLER, "HelloHandler");
        assertEquals(
                Set.of(Hash.keccak256("MessageSent(address,string)"), Hash.keccak256("Ping(uint256)")),
                hello.dispatcher().topics());
    }

    @Test
    void rejectsANullHandler() throws ReflectiveOperationException {
        Compilation compilation =
                javac().withProcessors(new ContractHandlerProcessor()).compile(HELLO, TOKEN, HELLO_HANDLER);
        ClassLoader loader = new CompiledClasses(compilation);
        Class<?> handlerType = loader.loadClass("test.HelloHandler");
        InvocationTargetException thrown = assertThrows(
                InvocationTargetException.class,
                () -> loader.loadClass("test.HelloHandlerDispatcher")
                        .getConstructor(handlerType)
                        .newInstance((Object) null));
        assertEquals(NullPointerException.class, thrown.getCause().getClass());
        assertEquals("handler", thrown.getCause().getMessage());
    }

    @Test
    void tellsEventsThatShareTopicZeroApartByTheirTopicCount() throws ReflectiveOperationException {
        JavaFileObject handler = source(
                "TransferHandler",
                "@ContractHandler(Tokens.class)",
                "public interface TransferHandler {",
                "  void onTransfer(Tokens.TransferIndexedFromTo event);",
                "  void onTransferOfToken(Tokens.TransferIndexedFromToTokenId event);",
                "}");
        Dispatch token = dispatcherFor(handler, "TransferHandler");
        Hash transfer = Hash.keccak256("Transfer(address,address,uint256)");
        RawLog erc20 = new RawLog(List.of(transfer, topic(ALICE), topic(BOB)), Bytes.of(word(BigInteger.TWO)), META);
        RawLog erc721 =
                new RawLog(List.of(transfer, topic(ALICE), topic(BOB), topic(BigInteger.TEN)), Bytes.EMPTY, META);

        assertEquals(Set.of(transfer), token.dispatcher().topics());
        assertTrue(token.dispatcher().dispatch(erc721, CONTEXT));
        assertTrue(token.dispatcher().dispatch(erc20, CONTEXT));

        assertEquals("onTransferOfToken", token.calls().get(0).get(0));
        assertEquals(BigInteger.TEN, component(token.calls().get(0).get(1), "tokenId"));
        assertEquals("onTransfer", token.calls().get(1).get(0));
        assertEquals(BigInteger.TWO, component(token.calls().get(1).get(1), "value"));
    }
}
