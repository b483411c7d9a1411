/**
 * The catalog SPI: where the SDK keeps and finds versioned things other than runs (datasets, judges,
 * evaluations). {@link org.bighummingbird.sdk.spi.catalog.Catalog} is implemented by each back-end
 * (bhb-store-embedded, bhb-exporter-http); the records here are the values it answers with, free of
 * any store or wire type.
 */
package org.bighummingbird.sdk.spi.catalog;
