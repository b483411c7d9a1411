/**
 * Dataset rows from Java values and files: {@link org.bighummingbird.sdk.internal.dataset.JsonValues}
 * turns values into JSON trees and back, {@link org.bighummingbird.sdk.internal.dataset.JsonlRows} and
 * {@link org.bighummingbird.sdk.internal.dataset.CsvRows} read files into canonical rows.
 */
package org.bighummingbird.sdk.internal.dataset;
