package org.bighummingbird.server.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bighummingbird.core.Tag;

/** The dashboard's URLs, names percent-encoded; templates build every link through these. */
public final class Links {
    private Links() {}

    /** One path segment, percent-encoded (spaces as %20). */
    public static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query value, percent-encoded. */
    public static String query(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code /projects/{project}}. */
    public static String project(String project) {
        return "/projects/" + segment(project);
    }

    public static String models(String project) {
        return project(project) + "/models";
    }

    public static String model(String project, String model) {
        return models(project) + "/" + segment(model);
    }

    public static String version(String project, Tag tag) {
        return model(project, tag.name()) + "/v" + tag.version();
    }

    public static String diff(String project, String model, int from, int to) {
        return model(project, model) + "/diff?from=v" + from + "&to=v" + to;
    }

    public static String runs(String project) {
        return project(project) + "/runs";
    }

    /** The runs of one version. */
    public static String runsOf(String project, Tag tag) {
        return runs(project) + "?model=" + query(tag.name()) + "&version=v" + tag.version();
    }

    public static String run(String project, String runId) {
        return runs(project) + "/" + segment(runId);
    }

    public static String datasets(String project) {
        return project(project) + "/datasets";
    }

    public static String dataset(String project, Tag tag) {
        return datasets(project) + "/" + segment(tag.name()) + "/v" + tag.version();
    }

    public static String judges(String project) {
        return project(project) + "/judges";
    }

    public static String judge(String project, Tag tag) {
        return judges(project) + "/" + segment(tag.name()) + "/v" + tag.version();
    }

    public static String evaluations(String project) {
        return project(project) + "/evaluations";
    }

    public static String evaluation(String project, String id) {
        return evaluations(project) + "/" + id;
    }

    public static String compare(String project, String a, String b) {
        return evaluations(project) + "/compare?a=" + a + "&b=" + b;
    }

    /** {@code base} with the given query parameters; null or empty values are left out. */
    public static String with(String base, Map<String, String> params) {
        StringBuilder out = new StringBuilder(base);
        char sep = base.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getValue() != null && !e.getValue().isEmpty()) {
                out.append(sep).append(query(e.getKey())).append('=').append(query(e.getValue()));
                sep = '&';
            }
        }
        return out.toString();
    }

    /** An ordered map of query parameters from name/value pairs. */
    public static Map<String, String> params(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }
}
