package com.example.app;

import com.example.formats.FoundryCounter;
import com.example.formats.HardhatToken;
import com.example.formats.Pair;
import com.example.formats.PairFactory;
import com.example.formats.Plain;
import com.example.formats.TruffleVault;

/** Refers to an event of each generated class, so compilation proves every format produced one. */
public final class Uses {
  private Uses() {}

  static final Class<?>[] EVENTS = {
    Plain.Pinged.class,
    HardhatToken.Transfer.class,
    FoundryCounter.Incremented.class,
    TruffleVault.Deposited.class,
    Pair.Swap.class,
    PairFactory.PairCreated.class
  };
}
