package com.example.hello;

import com.example.hello.contract.Hello;
import io.chainwire.annotation.ContractHandler;
import io.chainwire.handler.EventContext;

@ContractHandler(Hello.class)
public interface HelloHandler {
  void onMessageSent(Hello.MessageSent event, EventContext context);
}
