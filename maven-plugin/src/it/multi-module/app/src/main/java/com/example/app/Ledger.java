package com.example.app;

import com.example.app.contracts.Vault;
import com.example.tokens.Erc20;
import io.chainwire.abi.RawLog;

/** Uses classes generated in this module and in the module it depends on. */
public final class Ledger {
  private Ledger() {}

  /** Describes a token transfer or a vault deposit. */
  public static String describe(RawLog log) {
    if (Erc20.decode(log) instanceof Erc20.Transfer transfer) {
      return "transfer of " + transfer.value();
    }
    return Vault.decode(log) instanceof Vault.Deposited deposit ? "deposit of " + deposit.amount() : "";
  }
}
