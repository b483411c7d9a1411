/**
 * Evaluations: {@link org.bighummingbird.sdk.internal.eval.EvaluationRunner} runs a traced model over a
 * dataset version's rows concurrently, scores each with a judge, streams the rows to the catalog in
 * order and prints them through {@link org.bighummingbird.sdk.internal.eval.ConsoleReporter}.
 */
package org.bighummingbird.sdk.internal.eval;
