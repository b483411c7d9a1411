/**
 * The way a run leaves the calling thread: its inputs and output are snapshotted there with bounded
 * work ({@link org.bighummingbird.sdk.internal.export.Snapshots}, within
 * {@link org.bighummingbird.sdk.internal.export.SnapshotLimits}), then {@link org.bighummingbird.sdk.internal.export.Exporter}
 * drains a bounded queue of {@link org.bighummingbird.sdk.internal.export.RunEvent}s in batches,
 * serialises them ({@link org.bighummingbird.sdk.internal.export.RunSerializer}) and hands them to a
 * {@link org.bighummingbird.sdk.spi.RunSink}, moving them to the disk
 * {@link org.bighummingbird.sdk.internal.export.Spool} (its files owned through
 * {@link org.bighummingbird.sdk.internal.export.SpoolOwner}'s file lock) when the sink is slow or away
 * and replaying it later ({@link org.bighummingbird.sdk.internal.export.SpoolReplay}, timed by
 * {@link org.bighummingbird.sdk.internal.export.RetryClock}); what the sink refuses for good is
 * accounted for in {@link org.bighummingbird.sdk.internal.export.Rejections}.
 */
package org.bighummingbird.sdk.internal.export;
