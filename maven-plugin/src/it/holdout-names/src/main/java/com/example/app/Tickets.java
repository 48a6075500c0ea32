package com.example.app;

import com.example.holdout.EventContract;
import com.example.holdout.FilterContract;
import com.example.holdout.MyToken;
import com.example.holdout.Object;
import io.chainwire.abi.RawLog;

/** Uses the generated classes the way application code would. */
public final class Tickets {
  private Tickets() {}

  /** Returns what a log of any of these contracts says. */
  public static String describe(RawLog log) {
    if (EventContract.Object.matches(log)) {
      return EventContract.Object.decode(log).label();
    }
    if (EventContract.Event_.matches(log)) {
      return EventContract.Event_.decode(log).name();
    }
    if (FilterContract.Matched.matches(log)) {
      return FilterContract.Matched.decode(log).tags().toString();
    }
    if (Object.Object_.matches(log)) {
      return Object.Object_.decode(log).values().toString();
    }
    return MyToken.decode(log).toString();
  }
}
