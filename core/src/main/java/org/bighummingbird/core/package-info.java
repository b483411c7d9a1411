/**
 * Domain values every part of BigHummingbird shares: {@link org.bighummingbird.core.Names},
 * {@link org.bighummingbird.core.Tag}, {@link org.bighummingbird.core.RunIds} and the records a run
 * and a version registration travel as ({@link org.bighummingbird.core.RunRecord},
 * {@link org.bighummingbird.core.VersionRegistration}); datasets travel as a
 * {@link org.bighummingbird.core.DatasetUpload} of {@link org.bighummingbird.core.DatasetRow}s,
 * keyed by {@link org.bighummingbird.core.CanonicalJson} (RFC 8785).
 */
package org.bighummingbird.core;
