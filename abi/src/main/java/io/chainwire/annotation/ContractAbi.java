package io.chainwire.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the chainwire annotation processor to generate a contract's event classes from an ABI file, for builds without
 * the Maven plugin (Gradle, plain javac).
 *
 * <p>Put it on a package ({@code package-info.java}) or a type; the class is generated in that package.
 *
 * <pre>{@code
 * @ContractAbi(name = "Hello", path = "abi/Hello.json")
 * package com.example.contracts;
 * }</pre>
 */
@Documented
// CLASS, not SOURCE: Gradle's incremental compilation finds the elements an aggregating processor
// must see again in class files, and falls back to full recompilation for source-only annotations.
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Repeatable(ContractAbi.List.class)
public @interface ContractAbi {
    /**
     * The ABI file: a plain ABI array, a Hardhat, Foundry or Truffle artifact, or solc {@code --combined-json} output.
     * A relative path is looked up next to the annotated source file, then in the directory given by the processor
     * option {@code chainwire.abiDirectory}, then on the source path and class path.
     */
    String path();

    /**
     * The simple name of the generated class. Defaults to the contract name in the file (for combined JSON, the one
     * contract in it) or the file name.
     */
    String name() default "";

    /** For solc combined JSON holding several contracts: which one, for example {@code Token}. */
    String contract() default "";

    /** Holds several {@link ContractAbi} annotations on one element. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target({ElementType.PACKAGE, ElementType.TYPE})
    @interface List {
        /** The annotations. */
        ContractAbi[] value();
    }
}
