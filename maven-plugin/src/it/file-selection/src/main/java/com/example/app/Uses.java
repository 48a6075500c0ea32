package com.example.app;

import com.example.contracts.Registry;
import com.example.contracts.my_vaults.Vault;
import com.example.contracts.tokens.Erc20;

/** Refers to each generated class, so compilation proves their packages. */
public final class Uses {
  private Uses() {}

  static final Class<?>[] CLASSES = {Registry.class, Erc20.Transfer.class, Vault.Deposited.class};
}
