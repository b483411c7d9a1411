/**
 * Domain values every part of BigHummingbird shares: {@link org.bighummingbird.core.Names},
 * {@link org.bighummingbird.core.Tag}, {@link org.bighummingbird.core.RunIds} and the records a run
 * and a version registration travel as ({@link org.bighummingbird.core.RunRecord},
 * {@link org.bighummingbird.core.VersionRegistration}).
 */
package org.bighummingbird.core;
