package org.bighummingbird.server.browser;

class SqliteDashboardBrowserTest extends DashboardBrowserContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
