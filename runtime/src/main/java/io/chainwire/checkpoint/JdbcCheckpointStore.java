package io.chainwire.checkpoint;

import io.chainwire.checkpoint.internal.ConnectionFactory;
import io.chainwire.checkpoint.internal.JdbcUrls;
import io.chainwire.checkpoint.internal.SqlStore;
import java.sql.DriverManager;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * A checkpoint store in a PostgreSQL (or SQLite) database reached through JDBC, for streams whose handlers write to
 * that database: in transactional mode their writes and the checkpoint commit in one transaction. The store keeps one
 * connection for its unit-of-work writes for as long as it is open (replacing it if it breaks) and takes another for
 * each read; size a pool accordingly. Add the database's JDBC driver to your application.
 *
 * <pre>{@code
 * CheckpointStore store = JdbcCheckpointStore.builder()
 *     .url("jdbc:postgresql://db.example:5432/app")
 *     .user("app")
 *     .password(secret)
 *     .build();
 * }</pre>
 */
public final class JdbcCheckpointStore extends DatabaseCheckpointStore {
    private JdbcCheckpointStore(SqlStore store) {
        super(store);
    }

    /** Returns a builder; set either a data source or a URL. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link JdbcCheckpointStore}. */
    public static final class Builder extends DatabaseCheckpointStore.Builder<Builder> {
        private DataSource dataSource;
        private String url;
        private String user;
        private String password;

        private Builder() {}

        /** Connects through {@code dataSource}, for instance a connection pool. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * Connects to a JDBC URL such as {@code jdbc:postgresql://host:5432/db}. Errors print it without user info and
         * parameters.
         */
        public Builder url(String url) {
            Objects.requireNonNull(url, "url");
            if (!url.startsWith("jdbc:")) {
                throw new IllegalArgumentException(
                        "url must start with \"jdbc:\", got \"" + JdbcUrls.redact(url) + "\"");
            }
            this.url = url;
            return this;
        }

        /** Sets the database user for {@link #url}. */
        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        /** Sets the database password for {@link #url}; it never appears in messages. */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * Connects and creates the tables if absent.
         *
         * @throws IllegalStateException if neither or both of a data source and a URL are set, or a user or password is
         *     set with a data source
         * @throws CheckpointException if the database cannot be reached, is neither PostgreSQL nor SQLite, or holds
         *     tables of another schema version
         */
        public JdbcCheckpointStore build() {
            if ((dataSource == null) == (url == null)) {
                throw new IllegalStateException("set exactly one of dataSource and url");
            }
            if (dataSource != null && (user != null || password != null)) {
                throw new IllegalStateException("user and password go with url; a dataSource carries its own");
            }
            ConnectionFactory connections;
            String location;
            if (dataSource != null) {
                DataSource source = dataSource;
                connections = source::getConnection;
                location = "data source " + source.getClass().getName();
            } else {
                String target = url;
                Properties properties = new Properties();
                if (user != null) {
                    properties.setProperty("user", user);
                }
                if (password != null) {
                    properties.setProperty("password", password);
                }
                connections = () -> DriverManager.getConnection(target, properties);
                location = JdbcUrls.redact(target);
            }
            return new JdbcCheckpointStore(SqlStore.open(connections, connections, location, tables, recentBlocks));
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
