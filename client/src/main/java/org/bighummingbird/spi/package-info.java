/**
 * Extension points of the SDK. {@link org.bighummingbird.spi.RunSink} is where exported runs go;
 * the SDK picks the embedded store or the server itself, tests and benchmarks plug in their own.
 */
package org.bighummingbird.spi;
