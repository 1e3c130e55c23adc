package edu.sevenp.coursepackage;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.coursepackage.problem.ProblemCode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks of single fields, shared by every part of the manifest: presence, type, length and range,
 * UUIDs (unique across the whole manifest), and which fields an object may have in the manifest's
 * format version. Each check reports what is wrong and returns the value only when it is right, so
 * a rule built on it never judges a value that is already reported.
 */
final class JsonFields {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ManifestProblems problems;
    private final int formatVersion;
    /** Id to the pointer of the object that has it. */
    private final Map<UUID, String> idsSeen = new HashMap<>();

    JsonFields(ManifestProblems problems, int formatVersion) {
        this.problems = problems;
        this.formatVersion = formatVersion;
    }

    static boolean isUuid(String text) {
        return UUID_TEXT.matcher(text).matches();
    }

    static boolean present(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    /**
     * Reports every field of {@code node} not in {@code known}, and every one in {@code sinceVersion2}
     * when the manifest declares format 1.
     */
    void onlyKnownFields(JsonNode node, String at, Set<String> known, Set<String> sinceVersion2) {
        Map<String, Integer> introduced = new HashMap<>();
        sinceVersion2.forEach(name -> introduced.put(name, ManifestModel.MEDIA_AND_QUIZZES_VERSION));
        onlyKnownFields(node, at, known, introduced);
    }

    /**
     * Reports every field of {@code node} not in {@code known}, and every one that {@code introducedIn} maps to a
     * format version newer than the manifest declares.
     */
    void onlyKnownFields(JsonNode node, String at, Set<String> known, Map<String, Integer> introducedIn) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            int since = introducedIn.getOrDefault(name, 1);
            if (!known.contains(name)) {
                problems.report(at + "/" + name, ProblemCode.UNKNOWN_FIELD, String.join(", ",
                        known.stream().sorted().toList()));
            } else if (formatVersion < since) {
                problems.report(at + "/" + name, ProblemCode.FIELD_TOO_NEW, since, since - 1);
            }
        }
    }

    /** The object's {@code id}: a UUID that no other object of the manifest has. */
    Optional<UUID> uniqueId(JsonNode node, String at, String kind) {
        return requiredUuid(node, at, "id").filter(id -> {
            String previous = idsSeen.putIfAbsent(id, at);
            if (previous != null) {
                problems.report(at + "/id", ProblemCode.DUPLICATE_ID, kind, id, ManifestProblems.field(previous));
                return false;
            }
            return true;
        });
    }

    Optional<UUID> requiredUuid(JsonNode node, String at, String name) {
        return requiredText(node, at, name, 36).flatMap(text -> {
            if (isUuid(text)) {
                return Optional.of(UUID.fromString(text));
            }
            problems.report(at + "/" + name, ProblemCode.NOT_A_UUID, text);
            return Optional.empty();
        });
    }

    Optional<String> requiredText(JsonNode node, String at, String name, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            problems.report(at + "/" + name, ProblemCode.REQUIRED);
            return Optional.empty();
        }
        return text(value, at + "/" + name, maxLength);
    }

    void optionalText(JsonNode node, String at, String name, int maxLength) {
        if (present(node, name)) {
            text(node.get(name), at + "/" + name, maxLength);
        }
    }

    /** A string that is not blank and at most {@code maxLength} characters long. */
    Optional<String> text(JsonNode value, String pointer, int maxLength) {
        if (!value.isTextual()) {
            problems.report(pointer, ProblemCode.NOT_A_STRING);
            return Optional.empty();
        }
        String text = value.asText();
        if (text.isBlank()) {
            problems.report(pointer, ProblemCode.BLANK);
            return Optional.empty();
        }
        if (text.length() > maxLength) {
            problems.report(pointer, ProblemCode.TOO_LONG, maxLength, text.length());
            return Optional.empty();
        }
        return Optional.of(text);
    }

    void optionalTextList(JsonNode node, String at, String name) {
        optionalArray(node, at, name).ifPresent(value -> {
            for (int i = 0; i < value.size(); i++) {
                text(value.get(i), at + "/" + name + "/" + i, 1_000);
            }
        });
    }

    Optional<JsonNode> optionalArray(JsonNode node, String at, String name) {
        if (!present(node, name)) {
            return Optional.empty();
        }
        JsonNode value = node.get(name);
        if (!value.isArray()) {
            problems.report(at + "/" + name, ProblemCode.NOT_AN_ARRAY);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    Optional<Integer> requiredInt(JsonNode node, String at, String name, int minimum) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            problems.report(at + "/" + name, ProblemCode.REQUIRED);
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.report(at + "/" + name, ProblemCode.NOT_A_WHOLE_NUMBER, value);
            return Optional.empty();
        }
        if (value.intValue() < minimum) {
            problems.report(at + "/" + name, ProblemCode.BELOW_MINIMUM, minimum, value.intValue());
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    void optionalInt(JsonNode node, String at, String name, int minimum) {
        if (present(node, name)) {
            requiredInt(node, at, name, minimum);
        }
    }

    void requiredLong(JsonNode node, String at, String name, long minimum, long maximum) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            problems.report(at + "/" + name, ProblemCode.REQUIRED);
        } else if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problems.report(at + "/" + name, ProblemCode.NOT_A_WHOLE_NUMBER, value);
        } else if (value.longValue() < minimum || value.longValue() > maximum) {
            problems.report(at + "/" + name, ProblemCode.OUT_OF_RANGE, minimum, maximum, value.longValue());
        }
    }

    /** A number with at most two decimals, above {@code minimum} (or equal to it when inclusive), at most {@code maximum}. */
    void optionalDecimal(JsonNode node, String at, String name, BigDecimal minimum, boolean minimumIncluded,
            BigDecimal maximum) {
        if (!present(node, name)) {
            return;
        }
        JsonNode value = node.get(name);
        String pointer = at + "/" + name;
        if (!value.isNumber()) {
            problems.report(pointer, ProblemCode.NOT_A_NUMBER, value);
            return;
        }
        BigDecimal number = value.decimalValue();
        int lowest = number.compareTo(minimum);
        if (lowest < 0 || (lowest == 0 && !minimumIncluded) || number.compareTo(maximum) > 0) {
            problems.report(pointer, minimumIncluded ? ProblemCode.OUT_OF_RANGE : ProblemCode.ABOVE_EXCLUSIVE_RANGE,
                    minimum.toPlainString(), maximum.toPlainString(), number.toPlainString());
        } else if (number.stripTrailingZeros().scale() > 2) {
            problems.report(pointer, ProblemCode.TOO_MANY_DECIMALS, number.toPlainString());
        }
    }
}
