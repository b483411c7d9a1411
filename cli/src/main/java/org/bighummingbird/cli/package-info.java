/**
 * The {@code bhb} command line over the embedded store: {@link org.bighummingbird.cli.Bhb} is the
 * entry point; {@code ModelsCommand}, {@code ModelShowCommand} and {@code RunsCommand} read
 * versions and runs through {@code StoreAccess} and print them as text or as one JSON document;
 * {@code KeysCommand} creates, lists and revokes API keys in a store named by {@code KeyStoreOptions}.
 */
package org.bighummingbird.cli;
