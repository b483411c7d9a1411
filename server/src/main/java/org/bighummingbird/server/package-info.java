/**
 * The BigHummingbird team server: REST API v1 over a store, with API-key authentication. Start one
 * with {@link org.bighummingbird.server.BhbServer#start} and a
 * {@link org.bighummingbird.server.ServerConfig}; {@code bhb server} does that from the command line.
 */
package org.bighummingbird.server;
