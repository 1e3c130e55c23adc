#!/usr/bin/env bash
# Makes the bundled sample course's video lesson: "The Whole Course in 90 Seconds", six slides drawn by
# ffmpeg with a voice synthesized by espeak-ng, as H.264 + AAC in an MP4 (640x360), and its WebVTT captions,
# one cue per spoken sentence, timed from the sentence's own audio. Everything in it was made for this project.
#
# Usage (from the project's root): docs/media/make-sample-video.sh [OUTPUT_FOLDER]
#   OUTPUT_FOLDER defaults to the sample package's media folder. Afterwards, put the printed size and SHA-256
#   of each file into the package's manifest.json (media entries), and bump the course's version.
# Or: docs/media/make-sample-video.sh --test-clip
#   makes the six-second silent clip the video tests watch to the end (without sound it plays in real time even on
#   the silent sound device the tests use, which lets audio race ahead).
# Needs: ffmpeg (with libx264 and the native aac encoder), espeak-ng, python3 (Debian: apt-get install -y
# ffmpeg espeak-ng python3). The output is close to, not byte for byte, what another ffmpeg version makes.
set -euo pipefail
cd "$(dirname "$0")/../.."

out=${1:-desktop-app/src/main/resources/edu/sevenp/desktop/sample/intro-to-relational-databases/media}
for tool in ffmpeg ffprobe espeak-ng python3; do
  command -v "$tool" >/dev/null || { echo "make-sample-video: $tool is missing (apt-get install -y ffmpeg espeak-ng python3)" >&2; exit 1; }
done
font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
bold=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
[ -f "$font" ] && [ -f "$bold" ] || { echo "make-sample-video: DejaVu fonts are missing (apt-get install -y fonts-dejavu-core)" >&2; exit 1; }

if [ "$out" = "--test-clip" ]; then
  clip=desktop-app/src/test/resources/edu/sevenp/desktop/ui/video/count-to-six.mp4
  mkdir -p "$(dirname "$clip")"
  ffmpeg -hide_banner -loglevel error -y -f lavfi -i "color=c=0x1d3557:s=320x180:r=10:d=6" \
    -vf "drawtext=fontfile=$bold:text='%{eif\\:floor(t)+1\\:d}':fontcolor=white:fontsize=96:x=(w-tw)/2:y=(h-th)/2" \
    -c:v libx264 -preset veryslow -crf 30 -pix_fmt yuv420p -profile:v main -g 10 -an -movflags +faststart "$clip"
  echo "$clip: size $(stat -c %s "$clip"), sha256 $(sha256sum "$clip" | cut -d' ' -f1)"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# One slide a block: "# title", "- bullet" lines shown on the slide, "> sentence" lines spoken (one caption each).
cat > "$work/script.txt" <<'SCRIPT'
# Relational Databases in 90 Seconds
- A recap of the whole course
> Welcome to this short recap of Introduction to Relational Databases.
> In about a minute and a half, we revisit the main ideas of the course.

# Tables, rows and columns
- A table holds one kind of thing
- A row is one thing: a student
- A column is one fact: an email
> A relational database keeps its data in tables.
> Each row is one thing, such as a student.
> Each column is one fact about it, such as an email address.

# Keys
- Primary key: identifies every row
- Foreign key: points to a row elsewhere
> A primary key identifies every row, so no two students are ever confused.
> A foreign key points to a row in another table, so an enrolment always names a student who exists.

# Asking questions with SQL
- SELECT ... FROM ... WHERE ... ORDER BY
- JOIN combines tables
- GROUP BY sums up many rows
> With SQL, you describe the rows you want, not how to find them.
> SELECT picks the columns, WHERE filters the rows, and ORDER BY sorts them.
> Joins combine tables, and GROUP BY sums up many rows into one.

# Designing and protecting data
- Normalisation: each fact stored once
- Constraints: the database refuses bad data
- Transactions: all or nothing
> Normalisation stores each fact once, so it can never disagree with itself.
> Constraints let the database itself refuse bad data.
> And transactions make a group of changes happen completely, or not at all.

# Keep going
- Try the quizzes
- Write notes at the moments that matter
- Come back to any lesson, any time
> That is the whole course in a nutshell.
> Try the quizzes, write notes at the moments that matter to you, and come back to any lesson at any time.
SCRIPT

# Speaks each sentence to its own WAV, lays out each slide's text files, and writes the cue list.
python3 - "$work" <<'PY'
import json, subprocess, sys, wave
work = sys.argv[1]
slides, slide = [], None
for line in open(f"{work}/script.txt", encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("# "):
        slide = {"title": line[2:], "bullets": [], "sentences": []}
        slides.append(slide)
    elif line.startswith("- "):
        slide["bullets"].append(line[2:])
    elif line.startswith("> "):
        slide["sentences"].append(line[2:])
GAP = 0.35      # silence after each sentence
LEAD = 0.6      # silence before a slide's first sentence
t, cues = 0.0, []
for s, slide in enumerate(slides, 1):
    with open(f"{work}/title{s}.txt", "w", encoding="utf-8") as f:
        f.write(slide["title"])
    with open(f"{work}/bullets{s}.txt", "w", encoding="utf-8") as f:
        f.write("\n".join("•  " + b for b in slide["bullets"]))
    parts = [("silence", LEAD)]
    t += LEAD
    for n, sentence in enumerate(slide["sentences"], 1):
        wav = f"{work}/s{s}-{n}.wav"
        subprocess.run(["espeak-ng", "-v", "en-gb", "-s", "150", "-w", wav, sentence], check=True)
        with wave.open(wav) as w:
            length = w.getnframes() / w.getframerate()
        cues.append((t, t + length, sentence))
        parts.append(("file", wav))
        parts.append(("silence", GAP))
        t += length + GAP
    slide["parts"] = parts
    slide["end"] = t
json.dump({"slides": slides, "cues": cues}, open(f"{work}/plan.json", "w"))
PY

# Each slide: its sentences and silences joined into one audio track, over a still slide of exactly that length.
python3 - "$work" "$font" "$bold" <<'PY'
import json, subprocess, sys
work, font, bold = sys.argv[1:4]
plan = json.load(open(f"{work}/plan.json"))
start, count = 0.0, len(plan["slides"])
with open(f"{work}/segments.txt", "w") as segments:
    for s, slide in enumerate(plan["slides"], 1):
        inputs, labels = [], []
        for kind, value in slide["parts"]:
            if kind == "file":
                inputs += ["-i", value]
            else:
                inputs += ["-f", "lavfi", "-t", f"{value:.3f}", "-i", "anullsrc=r=22050:cl=mono"]
        n = len(slide["parts"])
        audio = "".join(f"[{i}:a]aresample=22050,aformat=channel_layouts=mono[a{i}];" for i in range(n))
        audio += "".join(f"[a{i}]" for i in range(n)) + f"concat=n={n}:v=0:a=1[aout]"
        length = slide["end"] - start
        start = slide["end"]
        video = (f"color=c=0x1d3557:s=640x360:r=10:d={length:.3f},"
                 f"drawbox=x=0:y=300:w=640:h=60:color=0x14283f:t=fill,"
                 f"drawtext=fontfile={bold}:textfile={work}/title{s}.txt:fontcolor=white:fontsize=30:x=40:y=40,"
                 f"drawbox=x=40:y=86:w=80:h=4:color=0xe9c46a:t=fill,"
                 f"drawtext=fontfile={font}:textfile={work}/bullets{s}.txt:fontcolor=0xf1faee:fontsize=22:"
                 f"line_spacing=14:x=40:y=120,"
                 f"drawtext=fontfile={font}:text='Introduction to Relational Databases  ·  {s} / {count}':"
                 f"fontcolor=0xa8dadc:fontsize=14:x=40:y=322[vout]")
        segment = f"{work}/segment{s}.mp4"
        subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *inputs,
                        "-filter_complex", f"{audio};{video}", "-map", "[vout]", "-map", "[aout]",
                        "-c:v", "libx264", "-preset", "veryslow", "-tune", "stillimage", "-crf", "28",
                        "-pix_fmt", "yuv420p", "-profile:v", "main", "-g", "20",
                        "-c:a", "aac", "-b:a", "48k", "-ar", "22050", "-ac", "1", "-t", f"{length:.3f}", segment],
                       check=True)
        segments.write(f"file '{segment}'\n")
PY

video="$out/course-recap.mp4"
ffmpeg -hide_banner -loglevel error -y -f concat -safe 0 -i "$work/segments.txt" -c copy -movflags +faststart \
  -metadata title="Relational Databases in 90 Seconds" "$video"

# The captions: WebVTT, one cue per sentence, at the times the voice says it.
python3 - "$work" "$out/course-recap.en.vtt" <<'PY'
import json, sys
work, target = sys.argv[1:3]
def stamp(seconds):
    ms = round(seconds * 1000)
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"
cues = json.load(open(f"{work}/plan.json"))["cues"]
with open(target, "w", encoding="utf-8", newline="\n") as f:
    f.write("WEBVTT - Relational Databases in 90 Seconds (English)\n\n")
    for n, (start, end, text) in enumerate(cues, 1):
        f.write(f"{n}\n{stamp(start)} --> {stamp(end)}\n{text}\n\n")
PY

duration=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$video")
for file in "$video" "$out/course-recap.en.vtt"; do
  echo "$file: size $(stat -c %s "$file"), sha256 $(sha256sum "$file" | cut -d' ' -f1)"
done
echo "duration ${duration} s (durationSeconds $(python3 -c "import math; print(math.ceil($duration))")), 640x360"
