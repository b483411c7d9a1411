/**
 * The README's examples, compiled on every build so the documentation cannot rot.
 * {@link org.bighummingbird.examples.ConceptProject} is what {@code ./run-example} runs.
 */
package org.bighummingbird.examples;
