package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.bighummingbird.core.RunRecord;

/**
 * One database's way of writing a batch of runs, insert-or-ignore by run id, inside the open
 * transaction of {@code c}. Text columns go through {@link StoredText#of}.
 */
interface BatchInsert {
    /**
     * Writes the runs; {@code versionIds[i]} is the model version id of {@code runs.get(i)}, and
     * {@code inserted[i]} is set when that run was new (a repeat, in the table or earlier in the
     * batch, leaves it false).
     *
     * @return how many runs were new (repeats, in the table or within the batch, count zero)
     */
    int insert(Connection c, String projectId, List<RunRecord> runs, String[] versionIds, boolean[] inserted)
            throws SQLException;
}
