package org.bighummingbird.server.rest;

import org.bighummingbird.core.Names;
import org.bighummingbird.server.problem.ApiProblem;
import org.bighummingbird.server.problem.ProblemType;

/**
 * Checks of the fields of a request body, each failing as {@code invalid-request} naming the field:
 * present, no longer than its column, no NUL or unpaired surrogate (which PostgreSQL cannot store),
 * a valid name, one JSON value. A body that passes can be stored; the database never rejects it.
 */
final class Fields {
    private Fields() {}

    static String required(String field, String value, int maxLength) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        return text(field, value, maxLength);
    }

    static String optional(String field, String value, int maxLength) {
        return value == null ? null : text(field, value, maxLength);
    }

    /** A required identifier: not empty, at most {@code maxLength} characters. */
    static String id(String field, String value, int maxLength) {
        if (required(field, value, maxLength).isEmpty()) {
            throw invalid(field + " must not be empty");
        }
        return value;
    }

    /** An optional identifier: absent (null) or as {@link #id}. */
    static String optionalId(String field, String value, int maxLength) {
        return value == null ? null : id(field, value, maxLength);
    }

    static long required(String field, Long value) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    static String name(String field, String value) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        if (!Names.isValid(value)) {
            try {
                Names.requireValid(field, value);
            } catch (RuntimeException e) {
                throw invalid(e.getMessage());
            }
        }
        return value;
    }

    /** A required field holding exactly one JSON value. */
    static String json(String field, String value) {
        return checkJson(field, required(field, value, Integer.MAX_VALUE));
    }

    /** An optional field that, when present, holds exactly one JSON value. */
    static String optionalJson(String field, String value) {
        return value == null ? null : checkJson(field, text(field, value, Integer.MAX_VALUE));
    }

    private static String checkJson(String field, String value) {
        String problem = StrictJson.oneValueProblem(value);
        if (problem != null) {
            throw invalid(field + " must hold one JSON value, but " + problem);
        }
        return value;
    }

    private static String text(String field, String value, int maxLength) {
        // characters are code points, as PostgreSQL's varchar(n) and JSON Schema's maxLength count them
        if (value.length() > maxLength && value.codePointCount(0, value.length()) > maxLength) {
            throw invalid(field + " must be at most " + maxLength + " characters, got "
                    + value.codePointCount(0, value.length()));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                throw invalid(field + " must not contain NUL (U+0000), found at index " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalid(field + " holds an unpaired surrogate at index " + i);
            }
        }
        return value;
    }

    static ApiProblem invalid(String detail) {
        return ApiProblem.of(ProblemType.INVALID_REQUEST, detail);
    }
}
