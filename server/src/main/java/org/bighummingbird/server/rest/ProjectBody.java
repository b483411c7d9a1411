package org.bighummingbird.server.rest;

/** The body of {@code POST /api/v1/projects}. */
record ProjectBody(String name) {}
