package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.SETTINGS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.model.json.JsonMapperFactory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSON;

/** The profile's settings: small JSON values by key. */
public final class SettingsRepository {

    private static final ObjectMapper JSON_MAPPER = JsonMapperFactory.create();

    private final DSLContext dsl;
    private final Clock clock;

    /** @param dsl the store, or a caller's transaction to write within it */
    SettingsRepository(DSLContext dsl, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public <T> Optional<T> get(String key, Class<T> type) {
        return dsl.select(SETTINGS.SETTING_VALUE).from(SETTINGS).where(SETTINGS.SETTING_KEY.eq(key))
                .fetchOptional(SETTINGS.SETTING_VALUE)
                .map(json -> read(json, type, key));
    }

    public void put(String key, Object value) {
        JSON json = JSON.json(write(value, key));
        OffsetDateTime now = Rows.now(clock);
        dsl.insertInto(SETTINGS)
                .set(SETTINGS.SETTING_KEY, key)
                .set(SETTINGS.SETTING_VALUE, json)
                .set(SETTINGS.UPDATED_AT, now)
                .onConflict(SETTINGS.SETTING_KEY).doUpdate()
                .set(SETTINGS.SETTING_VALUE, json)
                .set(SETTINGS.UPDATED_AT, now)
                .execute();
    }

    public void remove(String key) {
        dsl.deleteFrom(SETTINGS).where(SETTINGS.SETTING_KEY.eq(key)).execute();
    }

    private static <T> T read(JSON json, Class<T> type, String key) {
        try {
            return JSON_MAPPER.readValue(json.data(), type);
        } catch (JsonProcessingException e) {
            throw new StoreException(StoreException.WORDS.text("damaged.setting", key), e);
        }
    }

    private static String write(Object value, String key) {
        try {
            return JSON_MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The setting " + key + " cannot be written as JSON", e);
        }
    }
}
