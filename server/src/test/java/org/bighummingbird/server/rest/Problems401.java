package org.bighummingbird.server.rest;

import org.bighummingbird.server.Http.Reply;

/** The shared check of a 401 problem, for tests outside this package. */
public final class Problems401 {
    private Problems401() {}

    public static void assertUnauthenticated(Reply reply) {
        ApiContract.assertProblem(reply, 401, "unauthenticated");
    }
}
