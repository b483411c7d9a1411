package org.bighummingbird.server.browser;

class PostgresAccessBrowserTest extends AccessBrowserContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRES;
    }
}
