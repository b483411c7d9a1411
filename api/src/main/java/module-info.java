/**
 * BigHummingbird's API: what applications compile against. It has no dependencies; the
 * implementation ({@code org.bighummingbird.sdk}) is found as a service of
 * {@link org.bighummingbird.spi.BigHummingbirdProvider}.
 */
module org.bighummingbird.api {
    exports org.bighummingbird;
    exports org.bighummingbird.spi;

    uses org.bighummingbird.spi.BigHummingbirdProvider;
}
