/**
 * Judges: registering them ({@link org.bighummingbird.sdk.internal.judge.Judges}) and running stored
 * versions ({@link org.bighummingbird.sdk.internal.judge.JudgeRunner} makes a
 * {@link org.bighummingbird.sdk.internal.judge.Scorer}); code judges, declarative built-ins, and the
 * LLM-as-a-judge client for OpenAI-compatible chat-completions endpoints.
 */
package org.bighummingbird.sdk.internal.judge;
