/**
 * The SDK behind the API: {@link org.bighummingbird.sdk.SdkProvider} (the service that
 * {@code BigHummingbird} finds) opens an {@code SdkTracker} per project, which puts the tracer,
 * exporter, judges and evaluations of the {@code internal} packages together on the back-ends found
 * for its settings. Not exported on the module path.
 */
package org.bighummingbird.sdk;
