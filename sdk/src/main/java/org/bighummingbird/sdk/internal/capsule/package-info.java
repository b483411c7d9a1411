/**
 * Capsules: what runs a model version again. {@link org.bighummingbird.sdk.internal.capsule.CapsuleCapture}
 * collects a version's application class files and its serialized function in the background.
 */
package org.bighummingbird.sdk.internal.capsule;
