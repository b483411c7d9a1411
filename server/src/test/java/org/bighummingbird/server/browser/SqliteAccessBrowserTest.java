package org.bighummingbird.server.browser;

class SqliteAccessBrowserTest extends AccessBrowserContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
