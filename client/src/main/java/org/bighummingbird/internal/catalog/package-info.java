/**
 * Where the SDK keeps and finds versioned things other than runs (datasets, judges, evaluations): the
 * {@link org.bighummingbird.internal.catalog.Catalog} interface, the embedded store's
 * {@link org.bighummingbird.internal.catalog.LocalCatalog}, and stand-ins for back-ends that have none yet.
 */
package org.bighummingbird.internal.catalog;
