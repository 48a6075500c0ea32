package io.chainwire.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class whose tests take an {@link Anvil} parameter: shorthand for
 * {@code @ExtendWith(AnvilExtension.class)}. One node serves the class and its nested classes.
 *
 * <pre>{@code
 * @AnvilTest
 * class TransferTest {
 *   @Test
 *   void emitsTransfer(Anvil anvil) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(AnvilExtension.class)
public @interface AnvilTest {}
