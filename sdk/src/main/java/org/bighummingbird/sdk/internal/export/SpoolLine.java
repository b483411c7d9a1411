package org.bighummingbird.sdk.internal.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.VersionRegistration;

/**
 * One line of a spool file: a version registration or a run, with its project.
 *
 * @param p the project's name
 * @param v a registration, or null
 * @param r a run, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SpoolLine(String p, VersionRegistration v, RunRecord r) {}
