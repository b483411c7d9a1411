package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {
    @Test
    void passwordsAreReplacedWhereverTheUrlCarriesThem() {
        assertThat(JdbcUrls.redacted("jdbc:postgresql://db:5432/bhb?user=bhb&password=S3CRET&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/bhb?user=bhb&password=***&ssl=true");
        assertThat(JdbcUrls.redacted("jdbc:postgresql://db/bhb?PASSWORD=S3CRET")).doesNotContain("S3CRET");
        assertThat(JdbcUrls.redacted("jdbc:postgresql://db/bhb?sslmode=verify-full&sslpassword=S3CRET"))
                .isEqualTo("jdbc:postgresql://db/bhb?sslmode=verify-full&sslpassword=***");
        assertThat(JdbcUrls.redacted("jdbc:postgresql://bhb:S3CRET@db:5432/bhb"))
                .isEqualTo("jdbc:postgresql://bhb:***@db:5432/bhb");
    }

    @Test
    void splittingTakesEverySecretOutOfTheUrl() {
        assertThat(JdbcUrls.split("jdbc:postgresql://bhb:p%40ss+w@db:5432/bhb?ssl=true"))
                .isEqualTo(new JdbcTarget("jdbc:postgresql://db:5432/bhb?ssl=true", "bhb", "p@ss+w", java.util.Map.of()));
        assertThat(JdbcUrls.split("jdbc:postgresql://db/bhb?user=bhb&Password=a+b%26c&sslpassword=k&ssl=true"))
                .isEqualTo(new JdbcTarget("jdbc:postgresql://db/bhb?user=bhb&ssl=true", null, "a b&c",
                        java.util.Map.of("sslpassword", "k")));
        assertThat(JdbcUrls.split("jdbc:postgresql://bhb@db/bhb?password=x"))
                .isEqualTo(new JdbcTarget("jdbc:postgresql://db/bhb", "bhb", "x", java.util.Map.of()));
        assertThat(JdbcUrls.split("jdbc:sqlite:/home/me/bhb.db"))
                .isEqualTo(new JdbcTarget("jdbc:sqlite:/home/me/bhb.db", null, null, java.util.Map.of()));
    }

    @Test
    void urlsWithoutPasswordsStayAsTheyAre() {
        assertThat(JdbcUrls.redacted("jdbc:postgresql://127.0.0.1:5432/test?user=postgres"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        assertThat(JdbcUrls.redacted("jdbc:sqlite:/home/me/.bighummingbird/bhb.db"))
                .isEqualTo("jdbc:sqlite:/home/me/.bighummingbird/bhb.db");
        assertThat(JdbcUrls.redacted(null)).isNull();
    }

    @Test
    void aStoreNamesItsDatabaseWithoutThePassword() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> Store.open("jdbc:postgresql://127.0.0.1:1/bhb?user=bhb&password=S3CRET")))
                .isInstanceOf(StoreUnavailable.class).message().doesNotContain("S3CRET").contains("password=***");
    }
}
