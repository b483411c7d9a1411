/**
 * The embedded store as the SDK's back-end: {@link org.bighummingbird.embedded.EmbeddedBackend}
 * (found by {@link java.util.ServiceLoader}) opens a {@link org.bighummingbird.embedded.StoreSink}
 * for runs and a {@link org.bighummingbird.embedded.LocalCatalog} for datasets, judges and
 * evaluations, translating the store's values into the SDK's at the edge.
 */
package org.bighummingbird.embedded;
