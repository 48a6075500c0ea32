package com.example.logs;

import com.example.logs.contract.Hello;
import io.chainwire.annotation.ContractHandler;
import io.chainwire.handler.EventContext;

@ContractHandler(Hello.class)
public interface HelloHandler {
  void onMessageSent(Hello.MessageSent event, EventContext context);
}
