/**
 * Who may see the dashboard and how it is kept safe: {@link org.bighummingbird.server.ui.access.AccessGate}
 * (sessions, the workspace of every page, CSRF), {@link org.bighummingbird.server.ui.access.LoginPage},
 * {@link org.bighummingbird.server.ui.access.KeysPage} and {@link org.bighummingbird.server.ui.access.SecurityHeaders};
 * {@link org.bighummingbird.server.ui.access.DashboardAccess} installs them on the server.
 */
package org.bighummingbird.server.ui.access;
