/**
 * Code fingerprints: a SHA-256 over normalised bytecode that follows behaviour, not formatting, and
 * the declared generic signature. {@link org.bighummingbird.sdk.internal.fingerprint.Fingerprinter} is
 * the entry point; {@link org.bighummingbird.sdk.internal.fingerprint.MethodDigester} walks the code.
 */
package org.bighummingbird.sdk.internal.fingerprint;
