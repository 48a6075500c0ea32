package com.example.app;

import com.example.app.contracts.Vault;
import com.example.tokens.Erc20;
import io.chainwire.abi.RawLog;

/** Uses classes generated in this module and in the module it depends on. */
public final class Ledger {
  private Ledger() {}

  /** Describes a token transfer or a vault deposit; empty for other logs. */
  public static String describe(RawLog log) {
    if (Erc20.Transfer.matches(log)) {
      return "transfer of " + Erc20.Transfer.decode(log).value();
    }
    if (Vault.Deposited.matches(log)) {
      return "deposit of " + Vault.Deposited.decode(log).amount();
    }
    return "";
  }
}
