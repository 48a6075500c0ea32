package io.chainwire.checkpoint.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new JDBC connection to a store's database. */
@FunctionalInterface
public interface ConnectionFactory {
    /** Opens a connection; the caller closes it. */
    Connection open() throws SQLException;
}
