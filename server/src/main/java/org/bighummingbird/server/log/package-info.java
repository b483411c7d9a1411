/**
 * Request ids and the access log: {@link org.bighummingbird.server.log.RequestLog} writes one SLF4J
 * line per request and {@link org.bighummingbird.server.log.RequestIds} gives each request its id.
 */
package org.bighummingbird.server.log;
