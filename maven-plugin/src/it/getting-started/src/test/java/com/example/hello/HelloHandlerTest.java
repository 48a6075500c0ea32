package com.example.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.hello.contract.Hello;
import io.chainwire.abi.Address;
import io.chainwire.abi.RawLog;
import io.chainwire.handler.EventContext;
import io.chainwire.rpc.TransactionReceipt;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import io.chainwire.testkit.Calldata;
import io.chainwire.testkit.Contracts;
import io.chainwire.testkit.Solidity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@AnvilTest
class HelloHandlerTest {
  @Test
  void theHandlerGetsEachMessageAsATypedEvent(Anvil anvil) {
    Contracts contracts = new Contracts(anvil);
    Address hello = contracts.deploy(Solidity.compile(Path.of("src/main/solidity/Hello.sol"), "Hello"));
    TransactionReceipt receipt = contracts.send(hello, Calldata.function("send(string)").string("Hello, chain!").encode());

    List<Hello.MessageSent> received = new ArrayList<>();
    HelloHandlerDispatcher dispatcher = new HelloHandlerDispatcher((event, context) -> received.add(event));
    for (RawLog log : contracts.getLogs(hello, receipt.blockNumber(), receipt.blockNumber())) {
      dispatcher.dispatch(log, EventContext.of(log.meta()));
    }

    assertEquals(1, received.size());
    assertEquals(anvil.accounts().get(0), received.get(0).from());
    assertEquals("Hello, chain!", received.get(0).message());
  }
}
