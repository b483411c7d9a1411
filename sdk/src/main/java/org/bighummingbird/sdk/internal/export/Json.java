package org.bighummingbird.sdk.internal.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The SDK's one Jackson configuration (JDK 8 types, java.time as ISO text). The mapper itself is
 * mutable, so it stays private: callers get the immutable {@link #READER} and {@link #WRITER}, a
 * tree of a value, or a {@link #copy()} of their own. Thread-safe.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Reads JSON with the SDK's configuration; immutable. */
    public static final ObjectReader READER = MAPPER.reader();

    /** Writes JSON with the SDK's configuration; immutable. */
    public static final ObjectWriter WRITER = MAPPER.writer();

    private Json() {}

    /**
     * {@code value} as a JSON tree, as the SDK's configuration writes it.
     *
     * @throws IllegalArgumentException when Jackson cannot write the value
     */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * {@code json} read as {@code type}.
     *
     * @throws JsonProcessingException when the text is not JSON or does not fit the type
     */
    public static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return READER.forType(type).readValue(json);
    }

    /** A mapper of the SDK's configuration for the caller alone, to configure as it needs. */
    public static ObjectMapper copy() {
        return MAPPER.copy();
    }

    /** The factory of generators the SDK streams JSON with. */
    static JsonFactory factory() {
        return MAPPER.getFactory();
    }

    /** The serializers Jackson would use for values, for snapshots that ask for one per type. */
    static SerializerProvider serializers() {
        return MAPPER.getSerializerProviderInstance();
    }
}
