package com.example.clash;

import com.example.clash.contract.Hello;
import io.chainwire.annotation.ContractHandler;
import io.chainwire.handler.EventContext;

@ContractHandler(Hello.class)
public interface HelloHandler {
  void onMessageSent(Hello.MessageSent event, EventContext context);
}
