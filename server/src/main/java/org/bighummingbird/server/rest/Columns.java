package org.bighummingbird.server.rest;

/** The widths of the store's bounded columns (store migration V1), checked before anything is stored. */
final class Columns {
    /** Run ids, parent and root ids. */
    static final int ID = 36;
    /** Version keys and code fingerprints. */
    static final int KEY = 64;
    /** {@code source} or {@code bytecode}. */
    static final int CODE_KIND = 16;

    private Columns() {}
}
