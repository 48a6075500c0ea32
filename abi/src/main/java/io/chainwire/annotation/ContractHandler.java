package io.chainwire.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose methods handle events of one generated contract class. The chainwire annotation processor
 * validates it and generates {@code <Interface>Dispatcher}, which routes raw logs to the method taking each event type,
 * without reflection.
 *
 * <pre>{@code
 * @ContractHandler(Hello.class)
 * public interface HelloHandler {
 *   void onMessageSent(Hello.MessageSent event, EventContext context);
 * }
 * }</pre>
 *
 * <p>Each method returns {@code void} and takes one event record of that contract, optionally followed by an
 * {@link io.chainwire.handler.EventContext}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ContractHandler {
    /** The generated contract class, for example {@code Hello.class}. */
    Class<?> value();
}
