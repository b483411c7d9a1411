/**
 * Dataset rows from Java values and files: {@link org.bighummingbird.internal.dataset.JsonValues}
 * turns values into JSON trees and back, {@link org.bighummingbird.internal.dataset.JsonlRows} and
 * {@link org.bighummingbird.internal.dataset.CsvRows} read files into canonical rows.
 */
package org.bighummingbird.internal.dataset;
