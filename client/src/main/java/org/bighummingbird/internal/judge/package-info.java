/**
 * Judges: registering them ({@link org.bighummingbird.internal.judge.Judges}) and running stored
 * versions ({@link org.bighummingbird.internal.judge.JudgeRunner} makes a
 * {@link org.bighummingbird.internal.judge.Scorer}); code judges, declarative built-ins, and the
 * LLM-as-a-judge client for OpenAI-compatible chat-completions endpoints.
 */
package org.bighummingbird.internal.judge;
