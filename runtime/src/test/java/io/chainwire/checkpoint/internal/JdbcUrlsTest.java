package io.chainwire.checkpoint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcUrlsTest {
    @ParameterizedTest
    @CsvSource({
        "jdbc:postgresql://db:5432/app?user=app&password=secret, jdbc:postgresql://db:5432/app",
        "jdbc:postgresql://app:secret@db/app, jdbc:postgresql://db/app",
        "jdbc:sqlserver://db;user=app;password=secret, jdbc:sqlserver://db",
        "jdbc:sqlite:/var/lib/app/chainwire.db, jdbc:sqlite:/var/lib/app/chainwire.db",
        "jdbc:postgresql://db/app@2024, jdbc:postgresql://db/app@2024",
    })
    void dropsUserInfoAndParameters(String url, String printed) {
        assertEquals(printed, JdbcUrls.redact(url));
    }
}
