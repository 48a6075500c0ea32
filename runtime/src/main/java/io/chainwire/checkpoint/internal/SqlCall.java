package io.chainwire.checkpoint.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** One piece of a store's SQL work on a connection. */
@FunctionalInterface
interface SqlCall<T> {
    T call(Connection connection) throws SQLException;
}
