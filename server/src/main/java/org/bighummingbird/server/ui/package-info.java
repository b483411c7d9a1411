/**
 * The dashboard: server-rendered pages (jte templates precompiled at build time, htmx for partial
 * updates) on the same server as REST API v1. {@link org.bighummingbird.server.ui.Dashboard} installs
 * the routes; one class per page area ({@code ProjectsPage}, {@code RunsPage}, {@code ModelsPage}, …).
 */
package org.bighummingbird.server.ui;
