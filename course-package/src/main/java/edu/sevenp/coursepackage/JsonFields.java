package edu.sevenp.coursepackage;

import com.fasterxml.jackson.databind.JsonNode;
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
                problems.report(at + "/" + name, "is not a field of this object (known fields: " + String.join(", ",
                        known.stream().sorted().toList()) + ")");
            } else if (formatVersion < since) {
                problems.report(at + "/" + name, "is new in format " + since + "; set formatVersion to " + since
                        + " (players that read only format " + (since - 1) + " would refuse the package)");
            }
        }
    }

    /** The object's {@code id}: a UUID that no other object of the manifest has. */
    Optional<UUID> uniqueId(JsonNode node, String at, String kind) {
        return requiredUuid(node, at, "id").filter(id -> {
            String previous = idsSeen.putIfAbsent(id, at);
            if (previous != null) {
                problems.report(at + "/id", "the " + kind + " id " + id + " is already used at "
                        + ManifestProblems.field(previous));
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
            problems.report(at + "/" + name, "must be a UUID such as 3f1c9a2e-5b7d-4c1e-9a8f-2d6b0e4c7a13, was \"" + text
                    + "\"");
            return Optional.empty();
        });
    }

    Optional<String> requiredText(JsonNode node, String at, String name, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            problems.report(at + "/" + name, "is required");
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
            problems.report(pointer, "must be a string");
            return Optional.empty();
        }
        String text = value.asText();
        if (text.isBlank()) {
            problems.report(pointer, "must not be blank");
            return Optional.empty();
        }
        if (text.length() > maxLength) {
            problems.report(pointer, "must be at most " + maxLength + " characters, was " + text.length());
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
            problems.report(at + "/" + name, "must be an array");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    Optional<Integer> requiredInt(JsonNode node, String at, String name, int minimum) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            problems.report(at + "/" + name, "is required");
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.report(at + "/" + name, "must be a whole number, was " + value);
            return Optional.empty();
        }
        if (value.intValue() < minimum) {
            problems.report(at + "/" + name, "must be " + minimum + " or more, was " + value.intValue());
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
            problems.report(at + "/" + name, "is required");
        } else if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problems.report(at + "/" + name, "must be a whole number, was " + value);
        } else if (value.longValue() < minimum || value.longValue() > maximum) {
            problems.report(at + "/" + name, "must be from " + minimum + " to " + maximum + ", was " + value.longValue());
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
            problems.report(pointer, "must be a number, was " + value);
            return;
        }
        BigDecimal number = value.decimalValue();
        int lowest = number.compareTo(minimum);
        if (lowest < 0 || (lowest == 0 && !minimumIncluded) || number.compareTo(maximum) > 0) {
            problems.report(pointer, "must be " + (minimumIncluded ? "from " : "more than ") + minimum.toPlainString()
                    + (minimumIncluded ? " to " : " and at most ") + maximum.toPlainString() + ", was "
                    + number.toPlainString());
        } else if (number.stripTrailingZeros().scale() > 2) {
            problems.report(pointer, "must have at most two decimals, was " + number.toPlainString());
        }
    }
}
