package org.bighummingbird.sdk.internal.judge;

/** What a {@link org.bighummingbird.Judge} holds besides its name: code, or a declarative spec. */
public sealed interface JudgeDefinition permits CodeJudge, Spec {
    /**
     * The stored kind: {@code code}, {@code exact}, {@code contains}, {@code regex},
     * {@code tolerance} or {@code llm}.
     */
    String kind();
}
