package org.bighummingbird.server.browser;

class PostgresDashboardBrowserTest extends DashboardBrowserContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRES;
    }
}
