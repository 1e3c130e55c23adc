package edu.sevenp.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import edu.sevenp.model.ContentType;
import edu.sevenp.model.Course;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.Difficulty;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.SectionId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonMapperFactoryTest {

    private final ObjectMapper mapper = JsonMapperFactory.create();

    @Test
    void idsTravelAsPlainUuidStrings() throws Exception {
        CourseId id = CourseId.parse("6f1c2d1e-4a8b-4c3d-9e0f-112233445566");

        String json = mapper.writeValueAsString(Map.of("id", id));

        assertThat(json).isEqualTo("{\"id\":\"6f1c2d1e-4a8b-4c3d-9e0f-112233445566\"}");
    }

    @Test
    void lessonRoundTripsWithLowerCaseCodes() throws Exception {
        Lesson lesson = new Lesson(LessonId.random(), CourseId.random(), SectionId.random(), "keys", "Keys",
                ContentType.TEXT, 2, 7, true);

        String json = mapper.writeValueAsString(lesson);

        assertThat(json).contains("\"contentType\":\"text\"");
        assertThat(mapper.readValue(json, Lesson.class)).isEqualTo(lesson);
    }

    @Test
    void instantsAreIsoStrings() throws Exception {
        Instant instant = Instant.parse("2026-11-24T10:15:30Z");

        assertThat(mapper.writeValueAsString(instant)).isEqualTo("\"2026-11-24T10:15:30Z\"");
    }

    @Test
    void tolerantMapperIgnoresFieldsFromNewerWriters() throws Exception {
        String json = """
                {"id":"6f1c2d1e-4a8b-4c3d-9e0f-112233445566","slug":"sql","title":"SQL","shortDescription":null,
                 "description":null,"difficulty":"beginner","language":"en","addedLater":42}
                """;

        Course course = mapper.readValue(json, Course.class);

        assertThat(course.difficulty()).isEqualTo(Difficulty.BEGINNER);
    }

    @Test
    void strictMapperRejectsUnknownFields() {
        String json = "{\"id\":\"" + UUID.randomUUID() + "\",\"slug\":\"s\",\"title\":\"t\",\"difficulty\":\"beginner\","
                + "\"language\":\"en\",\"typo\":1}";

        assertThatThrownBy(() -> JsonMapperFactory.createStrict().readValue(json, Course.class))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("typo");
    }
}
