package dev.mainstay.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UrlsTest {

    @Test
    void masksPasswordParameters() {
        assertEquals(
                "jdbc:postgresql://db/app?user=app&password=****&ssl=true",
                Urls.redact("jdbc:postgresql://db/app?user=app&password=s3cret&ssl=true"));
        assertEquals("jdbc:h2:tcp://db/app;PASSWORD=****", Urls.redact("jdbc:h2:tcp://db/app;PASSWORD=s3cret"));
    }

    @Test
    void masksPasswordsInTheAuthority() {
        assertEquals("jdbc:mysql://app:****@db:3306/app", Urls.redact("jdbc:mysql://app:s3cret@db:3306/app"));
    }

    @Test
    void leavesUrlsWithoutCredentialsAlone() {
        assertEquals("jdbc:mariadb://db:3306/app?user=root", Urls.redact("jdbc:mariadb://db:3306/app?user=root"));
    }
}
