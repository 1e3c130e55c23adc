package edu.sevenp.coursepackage.captions;

import edu.sevenp.coursepackage.problem.ProblemCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads WebVTT caption files (the W3C WebVTT format) into timed cues of plain text. It reads what captions
 * need and the rest of the format without failing on it: the header, cue identifiers, cue settings (ignored),
 * {@code NOTE}, {@code STYLE} and {@code REGION} blocks (skipped), any line ending, and a byte-order mark. Cue
 * text loses its markup ({@code <b>}, {@code <i>}, {@code <v Speaker>}, {@code <c.class>}, inner timestamps...)
 * and gets its character references decoded.
 *
 * <p>Reading never throws: what is wrong is listed in {@link Captions#problems()} with its line, and a cue that
 * cannot be read is left out. A package is refused when its captions have problems; a player shows the cues it
 * could read.
 */
public final class WebVtt {

    /** {@code hh:mm:ss.ttt} (hours of any length, optional) or {@code mm:ss.ttt}. */
    private static final Pattern TIMESTAMP = Pattern.compile("(?:(\\d{2,}):)?(\\d{2}):(\\d{2})\\.(\\d{3})");
    private static final Pattern TIMING = Pattern.compile("(\\S+)[ \\t]+-->[ \\t]+(\\S+)(?:[ \\t].*)?");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern REFERENCE = Pattern.compile("&(amp|lt|gt|nbsp|lrm|rlm|quot|apos|#\\d{1,7}|#[xX][0-9a-fA-F]{1,6});");

    private WebVtt() {
    }

    /** Reads {@code text}, the whole content of a {@code .vtt} file. */
    public static Captions parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r\n|\r|\n", -1);
        List<Cue> cues = new ArrayList<>();
        List<Captions.Problem> problems = new ArrayList<>();
        String first = lines[0];
        if (!first.equals("WEBVTT") && !first.startsWith("WEBVTT ") && !first.startsWith("WEBVTT\t")) {
            problems.add(Captions.Problem.of(1, ProblemCode.VTT_NO_HEADER));
            return new Captions(cues, problems);
        }
        int i = 1;
        // The header runs to the first blank line.
        while (i < lines.length && !lines[i].isEmpty()) {
            if (lines[i].contains("-->")) {
                problems.add(Captions.Problem.of(i + 1, ProblemCode.VTT_NO_BLANK_AFTER_HEADER));
                break;
            }
            i++;
        }
        while (i < lines.length) {
            if (lines[i].isBlank()) {
                i++;
                continue;
            }
            int start = i;
            int end = i;
            while (end < lines.length && !lines[end].isEmpty()) {
                end++;
            }
            readBlock(lines, start, end, cues, problems);
            i = end;
        }
        return new Captions(cues, problems);
    }

    /** One block, lines {@code [start, end)}: a cue, or a NOTE, STYLE or REGION block. */
    private static void readBlock(String[] lines, int start, int end, List<Cue> cues, List<Captions.Problem> problems) {
        String head = lines[start];
        if (!head.contains("-->") && (isBlock(head, "NOTE") || isBlock(head, "STYLE") || isBlock(head, "REGION"))) {
            return;
        }
        int timingLine = head.contains("-->") ? start : start + 1;
        if (timingLine >= end || !lines[timingLine].contains("-->")) {
            problems.add(Captions.Problem.of(start + 1, ProblemCode.VTT_NO_TIMING, shorten(head)));
            return;
        }
        Matcher timing = TIMING.matcher(lines[timingLine].strip());
        if (!timing.matches()) {
            problems.add(Captions.Problem.of(timingLine + 1, ProblemCode.VTT_BAD_TIMING,
                    shorten(lines[timingLine])));
            return;
        }
        Double from = seconds(timing.group(1));
        Double to = seconds(timing.group(2));
        for (String stamp : new String[] {timing.group(1), timing.group(2)}) {
            if (seconds(stamp) == null) {
                problems.add(Captions.Problem.of(timingLine + 1, ProblemCode.VTT_NOT_A_TIME, shorten(stamp)));
            }
        }
        if (from == null || to == null) {
            return;
        }
        if (to <= from) {
            problems.add(Captions.Problem.of(timingLine + 1, ProblemCode.VTT_ENDS_BEFORE_START, timing.group(2),
                    timing.group(1)));
            return;
        }
        List<String> payload = new ArrayList<>();
        for (int line = timingLine + 1; line < end; line++) {
            if (lines[line].contains("-->")) {
                problems.add(Captions.Problem.of(line + 1, ProblemCode.VTT_NO_BLANK_BEFORE_TIMING));
                break;
            }
            payload.add(plainText(lines[line]));
        }
        String identifier = timingLine > start ? head.strip() : "";
        cues.add(new Cue(identifier, from, to, String.join("\n", payload).strip()));
    }

    private static boolean isBlock(String line, String keyword) {
        return line.equals(keyword) || line.startsWith(keyword + " ") || line.startsWith(keyword + "\t");
    }

    /** A WebVTT timestamp in seconds, or null when it is not one. */
    static Double seconds(String stamp) {
        Matcher matcher = TIMESTAMP.matcher(stamp);
        if (!matcher.matches()) {
            return null;
        }
        long hours = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
        int minutes = Integer.parseInt(matcher.group(2));
        int seconds = Integer.parseInt(matcher.group(3));
        if (minutes > 59 || seconds > 59) {
            return null;
        }
        return hours * 3600.0 + minutes * 60 + seconds + Integer.parseInt(matcher.group(4)) / 1000.0;
    }

    /** Cue text without its markup, with character references decoded. */
    static String plainText(String line) {
        String withoutTags = TAG.matcher(line).replaceAll("");
        Matcher reference = REFERENCE.matcher(withoutTags);
        StringBuilder text = new StringBuilder();
        while (reference.find()) {
            reference.appendReplacement(text, Matcher.quoteReplacement(decode(reference.group(1))));
        }
        reference.appendTail(text);
        return text.toString();
    }

    private static String decode(String name) {
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "nbsp" -> "\u00A0";
            case "lrm" -> "\u200E";
            case "rlm" -> "\u200F";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> {
                int code = name.charAt(1) == 'x' || name.charAt(1) == 'X'
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                yield Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : "\uFFFD";
            }
        };
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
