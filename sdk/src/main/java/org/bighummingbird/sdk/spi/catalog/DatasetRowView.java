package org.bighummingbird.sdk.spi.catalog;

/**
 * One stored dataset row.
 *
 * @param index its position in the version, from 0
 * @param inputJson the input's canonical JSON
 * @param expectedJson the expected value's canonical JSON, or null when the row has none
 */
public record DatasetRowView(int index, String inputJson, String expectedJson) {}
