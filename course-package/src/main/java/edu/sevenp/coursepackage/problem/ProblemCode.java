package edu.sevenp.coursepackage.problem;

/**
 * What is wrong, as a stable code with its English words: a MessageFormat pattern ({@code ''} for an apostrophe)
 * whose arguments a {@code PackageProblem} carries as text. The server and the {@code --validate} command say a
 * problem in these English words; the player says it in the learner's language from its own bundle, keyed by the
 * code's name, so a code's name must not change once a bundle uses it.
 */
public enum ProblemCode {
    // manifest.json as a whole
    MANIFEST_MISSING("is missing; a course package needs a manifest.json at its top level"),
    FILE_TOO_LARGE("is larger than {0} bytes"),
    NOT_UTF8("is not valid UTF-8 text"),
    NOT_JSON("is not valid JSON: {0}"),
    EMPTY("is empty"),
    NOT_A_MANIFEST_OBJECT("must be a JSON object with format, formatVersion, course and sections"),
    WRONG_FORMAT("must be \"{0}\", was \"{1}\""),
    NEWER_FORMAT("this package needs a newer player (format {0}); this player reads format {1} - update the player"),
    // the package itself
    PACKAGE_MISSING("does not exist; a course package is a folder or a .zip file"),
    NOT_A_ZIP("is not a readable .zip file: it may be damaged, or only partly downloaded"),
    // fields of any kind
    REQUIRED("is required"),
    REQUIRED_OBJECT("is required and must be an object"),
    REQUIRED_NON_EMPTY_ARRAY("is required and must be a non-empty array"),
    REQUIRED_ARRAY("is required and must be an array"),
    NOT_AN_OBJECT("must be an object"),
    NOT_AN_ARRAY("must be an array"),
    NOT_A_STRING("must be a string"),
    BLANK("must not be blank"),
    TOO_LONG("must be at most {0} characters, was {1}"),
    NOT_A_BOOLEAN("must be true or false"),
    UNKNOWN_FIELD("is not a field of this object (known fields: {0})"),
    FIELD_TOO_NEW("is new in format {0}; set formatVersion to {0} (players that read only format {1} would refuse the"
            + " package)"),
    DUPLICATE_ID("the {0} id {1} is already used at {2}"),
    NOT_A_UUID("must be a UUID such as 3f1c9a2e-5b7d-4c1e-9a8f-2d6b0e4c7a13, was \"{0}\""),
    NOT_A_WHOLE_NUMBER("must be a whole number, was {0}"),
    BELOW_MINIMUM("must be {0} or more, was {1}"),
    OUT_OF_RANGE("must be from {0} to {1}, was {2}"),
    NOT_A_NUMBER("must be a number, was {0}"),
    ABOVE_EXCLUSIVE_RANGE("must be more than {0} and at most {1}, was {2}"),
    TOO_MANY_DECIMALS("must have at most two decimals, was {0}"),
    // the course, its sections and lessons
    BAD_SLUG("must be lower-case words joined by hyphens, was \"{0}\""),
    BAD_DIFFICULTY("must be one of beginner, intermediate, advanced; was \"{0}\""),
    BAD_LANGUAGE("must be a language code such as en or pt-BR, was \"{0}\""),
    BAD_VERSION("must be numbers separated by dots, such as 1.2.0, was \"{0}\""),
    INSTRUCTOR_REQUIRED("is required and must be an object with id and name"),
    DUPLICATE_SECTION_ORDER("duplicate section order {0} (also used by sections[{1}])"),
    DUPLICATE_LESSON_ORDER("duplicate lesson order {0} in this section (also used by lessons[{1}])"),
    DUPLICATE_SLUG("duplicate lesson slug \"{0}\" (also used at {1})"),
    BAD_CONTENT_TYPE("must be one of video, text, quiz, assignment; was \"{0}\""),
    BAD_BODY_NAME("must name a Markdown (.md) or HTML (.html) file, was \"{0}\""),
    VIDEO_REQUIRED("is required for a video lesson: the id of a video in media"),
    NOT_A_MEDIA_ID("names {0}, which is not the id of an entry in media"),
    NOT_A_VIDEO("names {0}, which is not a video (its mimeType is {1})"),
    CAPTIONS_WITHOUT_VIDEO("belong to a lesson''s video; this lesson has no video"),
    BAD_CAPTION_TRACK("must be an object with media, language and label"),
    NOT_WEBVTT("names {0}, which is not a WebVTT file (its mimeType is {1}, not {2})"),
    DUPLICATE_CAPTION_LANGUAGE("duplicate caption language {0} (also used by captions[{1}])"),
    // media and resources
    FILE_OR_URL_BOTH("must have either a file (with sha256, size and mimeType) or a url, not both"),
    FILE_OR_URL_NEITHER("must have either a file (with sha256, size and mimeType) or a url, not neither"),
    FILE_FIELD_ON_URL("belongs to a file resource; a url resource has only title, description and url"),
    NOT_HTTPS("must be an https:// address, was \"{0}\""),
    BAD_SHA256("must be a SHA-256 as 64 lower-case hexadecimal digits, was \"{0}\""),
    BAD_MIME_TYPE("must be a MIME type such as video/mp4 or application/pdf, was \"{0}\""),
    // quizzes
    BAD_QUIZ_MODE("must be graded or practice; was \"{0}\""),
    DUPLICATE_QUESTION_ORDER("duplicate question order {0} in this quiz (also used by questions[{1}])"),
    BAD_QUESTION_TYPE("must be one of {0}; was \"{1}\""),
    ANSWER_KEY_IN_GRADED("a graded quiz carries no answer key: its answers and explanations stay on the server, which"
            + " grades it (ARCHITECTURE.md, principle 8); remove {0}, or make the quiz a practice quiz"),
    GRADED_WITHOUT_ANSWER("the server cannot grade this question without an answer; add answer"),
    PRACTICE_WITHOUT_ANSWER("a practice quiz''s {0} question needs an answer, so the player can grade it"),
    OPTIONS_NOT_ALLOWED("only multiple_choice questions have options; a {0} question has none"),
    OPTIONS_REQUIRED("a multiple_choice question needs options: an array of at least 2 different choices"),
    TOO_MANY_OPTIONS("must have at most 20 choices, had {0}"),
    REPEATED_CHOICE("repeats the choice \"{0}\""),
    NOT_AN_OPTION("must be one of the options, was \"{0}\""),
    NOT_TRUE_OR_FALSE("must be true or false, was {0}"),
    NO_ACCEPTED_ANSWER("must list at least one accepted answer"),
    // the files the manifest names
    NAMED_FILE_TOO_LARGE("names \"{0}\", which is larger than {1} bytes"),
    WRONG_SIZE("the file \"{0}\" is {1} bytes, not {2} as the manifest says"),
    WRONG_SHA256("the file \"{0}\" has SHA-256 {1}, not {2} as the manifest says; the file is damaged or the manifest is"
            + " out of date"),
    ABSOLUTE_PATH("must be a path relative to the package folder, was the absolute path \"{0}\""),
    BACKSLASH_PATH("must use forward slashes (/), was \"{0}\""),
    PATH_OUTSIDE("points outside the package (\"{0}\"); files must be inside the package folder"),
    NOT_A_FILE("names \"{0}\", which is not a file in the package"),
    LINK_OUTSIDE("names \"{0}\", a link that leads outside the package"),
    // a captions file (WebVTT)
    VTT_NO_HEADER("a WebVTT file starts with the line WEBVTT"),
    VTT_NO_BLANK_AFTER_HEADER("a blank line must separate the WEBVTT line from the first cue"),
    VTT_NO_TIMING("expected a cue timing such as 00:01.000 --> 00:04.000, found \"{0}\""),
    VTT_BAD_TIMING("a cue timing is written start --> end, such as 00:01.000 --> 00:04.000; found \"{0}\""),
    VTT_NOT_A_TIME("\"{0}\" is not a time; write mm:ss.ttt or hh:mm:ss.ttt, such as 01:05.250"),
    VTT_ENDS_BEFORE_START("the cue ends ({0}) before it starts ({1})"),
    VTT_NO_BLANK_BEFORE_TIMING("a blank line must end the cue before the next timing");

    private final String english;

    ProblemCode(String english) {
        this.english = english;
    }

    /** The English MessageFormat pattern; its arguments are {@code {0}}, {@code {1}}, ... */
    public String english() {
        return english;
    }
}
