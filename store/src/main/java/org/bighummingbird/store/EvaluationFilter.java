package org.bighummingbird.store;

/**
 * Which evaluations the dashboard lists, newest first. Each filter is a name with a version (one
 * version) or without (every version), or null for all.
 *
 * @param model the model's name, or null
 * @param modelVersion the model's version, or null for every version
 * @param dataset the dataset's name, or null
 * @param datasetVersion the dataset's version, or null for every version
 * @param judge the judge's name, or null
 * @param judgeVersion the judge's version, or null for every version
 */
public record EvaluationFilter(String model, Integer modelVersion, String dataset, Integer datasetVersion,
        String judge, Integer judgeVersion) {
    /** No filter. */
    public static final EvaluationFilter ALL = new EvaluationFilter(null, null, null, null, null, null);

    public EvaluationFilter {
        if ((modelVersion != null && model == null) || (datasetVersion != null && dataset == null)
                || (judgeVersion != null && judge == null)) {
            throw new IllegalArgumentException("a version filter needs its name");
        }
    }
}
