/**
 * RFC 9457 problem details: every error the server answers is {@code application/problem+json} with
 * a stable {@link org.bighummingbird.server.problem.ProblemType}; handlers throw
 * {@link org.bighummingbird.server.problem.ApiProblem} and {@link org.bighummingbird.server.problem.Problems}
 * turns it, Javalin's own errors and unexpected exceptions into the answer.
 */
package org.bighummingbird.server.problem;
