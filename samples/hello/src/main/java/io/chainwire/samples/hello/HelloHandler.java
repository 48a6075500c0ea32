package io.chainwire.samples.hello;

import io.chainwire.annotation.ContractHandler;
import io.chainwire.handler.EventContext;
import io.chainwire.samples.hello.contract.Hello;

/**
 * Handles the events of the {@code Hello} contract. The chainwire annotation processor checks this interface at compile
 * time and generates {@code HelloHandlerDispatcher}, which decodes raw logs and calls the method below.
 */
@ContractHandler(Hello.class)
public interface HelloHandler {
    /**
     * Called for each {@code MessageSent(address indexed from, string message)} log.
     *
     * @param event the decoded event: sender, message and where the log came from
     * @param context the delivery, which says whether a reorg removed the event
     */
    void onMessageSent(Hello.MessageSent event, EventContext context);
}
