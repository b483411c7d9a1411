/**
 * The REST API v1 resources of docs/api.md: {@link org.bighummingbird.server.rest.Routes} registers
 * projects, versions, models, tags, runs, health and the OpenAPI document; request bodies are read
 * strictly and within {@link org.bighummingbird.server.rest.Limits}.
 */
package org.bighummingbird.server.rest;
