package edu.sevenp.model.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of the project: the server, the client and course packages all read
 * and write JSON through a mapper made here, so the wire format cannot drift between them.
 */
public final class JsonMapperFactory {

    private JsonMapperFactory() {
    }

    /**
     * A new mapper. Unknown properties are ignored so that an older reader accepts newer documents
     * (the protocol version, not the field list, decides compatibility); instants travel as ISO-8601.
     */
    public static ObjectMapper create() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /** A strict mapper for documents we validate, such as course package manifests: unknown fields are errors. */
    public static ObjectMapper createStrict() {
        return create().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
