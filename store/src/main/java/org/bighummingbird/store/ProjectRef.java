package org.bighummingbird.store;

/**
 * A project as the store knows it.
 *
 * @param id the store's id
 * @param workspace the workspace's name
 * @param name the project's name
 */
public record ProjectRef(String id, String workspace, String name) {}
