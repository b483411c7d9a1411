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
