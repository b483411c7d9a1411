package org.bighummingbird.server.ui;

import java.util.List;

/**
 * What the layout shows around a page: its title, the project it belongs to (null on the project
 * list), the section for the navigation, the workspace's projects for the switcher, and the CSRF
 * token and whether a session exists (the logout form).
 *
 * @param title the page title
 * @param project the project's name, or null
 * @param section {@code models}, {@code runs}, {@code evaluations}, {@code datasets}, {@code judges} or empty
 * @param projects the workspace's project names, for the switcher
 * @param csrf the CSRF token for forms
 * @param signedIn whether the request has a session (false with {@code --no-auth})
 */
public record Chrome(String title, String project, String section, List<String> projects, String csrf,
        boolean signedIn) {}
