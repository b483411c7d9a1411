/**
 * The JSON documents of the store's views, shared by {@code bhb … --json} and the server's REST API:
 * {@link org.bighummingbird.store.json.ViewJson} maps versions and runs to JSON and back,
 * {@link org.bighummingbird.store.json.CatalogJson} dataset and judge versions.
 */
package org.bighummingbird.store.json;
