/**
 * The SDK: the implementation of {@code org.bighummingbird.api}. Its {@code internal} packages are
 * not exported; back-ends plug in through {@code org.bighummingbird.sdk.spi} and are found as
 * services of {@link org.bighummingbird.sdk.spi.Backend}.
 */
module org.bighummingbird.sdk {
    requires transitive org.bighummingbird.api;
    requires transitive org.bighummingbird.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.dataformat.csv;
    requires org.objectweb.asm;
    requires org.objectweb.asm.tree;
    requires org.objectweb.asm.util;
    requires org.slf4j;
    // the LLM judge calls an OpenAI-compatible endpoint
    requires java.net.http;

    exports org.bighummingbird.sdk.spi;
    exports org.bighummingbird.sdk.spi.catalog;

    // the spool and judge specs are JSON of the SDK's own records, written and read by Jackson
    opens org.bighummingbird.sdk.internal.export to com.fasterxml.jackson.databind;
    opens org.bighummingbird.sdk.internal.judge to com.fasterxml.jackson.databind;
    opens org.bighummingbird.sdk.internal.eval to com.fasterxml.jackson.databind;
    opens org.bighummingbird.sdk.internal.trace to com.fasterxml.jackson.databind;
    opens org.bighummingbird.sdk.internal.fingerprint to com.fasterxml.jackson.databind;
    opens org.bighummingbird.sdk.internal.dataset to com.fasterxml.jackson.databind;

    uses org.bighummingbird.sdk.spi.Backend;

    provides org.bighummingbird.spi.BigHummingbirdProvider with org.bighummingbird.sdk.SdkProvider;
}
