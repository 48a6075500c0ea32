package io.chainwire.codegen.java;

import com.palantir.javapoet.JavaFile;
import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.codegen.abi.AbiContract;
import io.chainwire.codegen.abi.AbiFormatException;
import io.chainwire.codegen.abi.AbiReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Type;

/**
 * A generated contract class compiled and loaded in the test, with the calls a user would make on it (through
 * reflection, as the class does not exist when the test compiles) and log builders that encode with web3j, an
 * independent ABI implementation.
 */
final class LoadedContract {
    static final LogMeta META = new LogMeta(
            Address.fromHex("0x00000000000000000000000000000000000000c0"),
            19_000_000,
            Hash.keccak256("block"),
            Hash.keccak256("transaction"),
            4,
            17);

    private final ClassLoader loader;
    private final String className;

    private LoadedContract(ClassLoader loader, String className) {
        this.loader = loader;
        this.className = className;
    }

    /** Generates, compiles and loads the golden case {@code name}. */
    static LoadedContract golden(String name) {
        return load(GeneratedCode.readContract(GeneratedCode.abiFile(GeneratedCode.GOLDENS.resolve(name))), name);
    }

    /** Generates, compiles and loads the contract of ABI JSON {@code json}, as package {@code com.example.<name>}. */
    static LoadedContract fromJson(String name, String json) {
        try {
            List<AbiContract> contracts = AbiReader.read(name + ".json", json.getBytes(StandardCharsets.UTF_8));
            return load(contracts.get(0), name);
        } catch (AbiFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Generates, compiles and loads the contract of the ABI file {@code abi}. */
    static LoadedContract fromFile(Path abi) {
        return of(GeneratedCode.readContract(abi));
    }

    /** Generates, compiles and loads {@code model}, as package {@code com.example.<lowercase name>}. */
    static LoadedContract of(AbiContract model) {
        return load(model, model.name().toLowerCase(Locale.ROOT));
    }

    private static LoadedContract load(AbiContract model, String name) {
        JavaFile file = GeneratedCode.generate(model, "com.example." + name);
        return new LoadedContract(
                GeneratedCode.load(file),
                file.packageName() + "." + file.typeSpec().name());
    }

    /** Returns the nested class {@code simpleName} of the contract class. */
    Class<?> nested(String simpleName) {
        try {
            return loader.loadClass(className + "$" + simpleName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no nested class " + simpleName + " in " + className, e);
        }
    }

    /** Calls the contract-level {@code decode}. */
    Object decode(RawLog log) {
        return call(contractClass(), "decode", log);
    }

    /** Calls {@code decode} of the event record {@code event}. */
    Object decode(String event, RawLog log) {
        return call(nested(event), "decode", log);
    }

    /** Calls a public static method of {@code type} that takes {@code arguments}. */
    static Object call(Class<?> type, String method, Object... arguments) {
        try {
            Class<?>[] parameters = new Class<?>[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                parameters[i] = arguments[i].getClass();
            }
            return type.getMethod(method, parameters).invoke(null, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Calls the public instance method {@code method} of {@code target} that takes as many arguments as given. */
    static Object invoke(Object target, String method, Object... arguments) {
        for (Method candidate : target.getClass().getMethods()) {
            if (candidate.getName().equals(method) && candidate.getParameterCount() == arguments.length) {
                try {
                    return candidate.invoke(target, arguments);
                } catch (InvocationTargetException e) {
                    throw (RuntimeException) e.getCause();
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no method " + method);
    }

    /** Returns the value of component {@code name} of {@code record}. */
    static Object get(Object record, String name) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError(record.getClass().getSimpleName() + " has no component " + name);
    }

    /** Returns the names of the components of the record class {@code type}. */
    static List<String> components(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }

    /** Returns a log with {@code topics} and the ABI encoding of {@code data} as a tuple, as web3j encodes it. */
    @SuppressWarnings("rawtypes")
    static RawLog log(List<Hash> topics, List<Type> data) {
        return new RawLog(topics, Bytes.fromHex(data.isEmpty() ? "" : FunctionEncoder.encodeConstructor(data)), META);
    }

    /** Returns the topic web3j encodes for the indexed value {@code value}. */
    static Hash topic(Type<?> value) {
        return Hash.fromHex(TypeEncoder.encode(value));
    }

    private Class<?> contractClass() {
        try {
            return loader.loadClass(className);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
