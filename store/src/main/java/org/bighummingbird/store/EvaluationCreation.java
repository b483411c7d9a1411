package org.bighummingbird.store;

/**
 * The outcome of creating an evaluation with a client-chosen id.
 *
 * @param evaluation the evaluation with that id
 * @param created whether this call created it; false when it existed already with the same content
 *     (a retried create), in whatever status it is now
 */
public record EvaluationCreation(EvaluationInfo evaluation, boolean created) {}
