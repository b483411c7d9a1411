package org.bighummingbird.sdk.internal.export;

import java.util.List;

/**
 * What every run of one traced model shares.
 *
 * @param name the model's name
 * @param versionKey the version's identity key
 * @param parameterNames the names inputs are recorded under
 */
public record ModelIdentity(String name, String versionKey, List<String> parameterNames) {
    public ModelIdentity {
        parameterNames = List.copyOf(parameterNames);
    }
}
