/** The SDK's back-end for a team server: runs, datasets, judges and evaluations over HTTP. */
module org.bighummingbird.exporter.http {
    requires org.bighummingbird.sdk;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires java.net.http;
    requires org.slf4j;

    // request bodies are records written by Jackson
    opens org.bighummingbird.exporter.http to com.fasterxml.jackson.databind;

    provides org.bighummingbird.sdk.spi.Backend with org.bighummingbird.exporter.http.HttpBackend;
}
