#!/usr/bin/env bash
# Takes docs/images/publish.png: a preview's Publish… verdict (Ctrl+Shift+U), from the running player under Xvfb and
# openbox, against a real sync server (embedded PostgreSQL). The sample course (its graded exam left out: the
# player's package carries no answer keys for it) is published once as 1.2.0 by the team; the team's profile then
# previews a copy without one lesson, as 1.3.0, through Open course folder… (Ctrl+Shift+O), and publishes it.
#
#   mvn -q -pl desktop-app,sync-server -am -DskipTests package
#   docs/images/take-publish-screenshot.sh [OUT_FILE]        # default docs/images/publish.png
#
# DEBUG_SHOT=FILE keeps a picture of the screen when an expected window does not show.
# Needs xvfb, openbox, xdotool and imagemagick, like take-screenshots.sh. Everything it makes lives in a temporary
# folder, removed at the end; the server listens on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(realpath -m "${1:-docs/images/publish.png}")
work=$(mktemp -d /tmp/sevenp-publish-shot.XXXXXX)
port=18095
display=:95
source docs/images/screenshot-common.sh

start_server
register team@example.org "7P Course Team"
grant_instructor team@example.org

# 1.2.0 on the server; the folder to preview is 1.3.0 without the lesson on constraints.
sample_course "$work/published"
(cd "$work/published" && zip -qr "$work/published.zip" .)
token=$(login team@example.org 8a1f2d36-5b0e-4c55-9a63-2f9f3d1c7e02 Script)
publish "$work/published.zip" "$token" "?summary=First+version" 1.2.0
cp -r "$work/published" "$work/sql-course"
python3 - "$work/sql-course" <<'PY'
import json, os, sys
folder = sys.argv[1]
path = os.path.join(folder, "manifest.json")
manifest = json.load(open(path, encoding="utf-8"))
manifest["course"]["version"] = "1.3.0"
lessons = manifest["sections"][2]["lessons"]
removed = next(lesson for lesson in lessons if lesson["body"] == "lessons/09-constraints.md")
lessons.remove(removed)
os.remove(os.path.join(folder, removed["body"]))
open(path, "w", encoding="utf-8").write(json.dumps(manifest, indent=2, ensure_ascii=False))
PY

start_screen 1280x800

new_profile team light
sign_in team team@example.org
launch --profile team
activate() {
  timeout 30 xdotool search --sync --onlyvisible --name "$1" windowactivate --sync >/dev/null ||
    { import -window root "${DEBUG_SHOT:-/dev/null}" 2>/dev/null || true; echo "no window \"$1\" showed; see $work/player.out" >&2; exit 1; }
  sleep 1
}
activate "— 7P Course Player\$"
# Open course folder…: the folder chooser takes a typed path (a leading / opens its location field).
xdotool key --clearmodifiers ctrl+shift+o
activate "^Open a course folder to preview\$"
xdotool type --delay 30 "$work/sql-course"
sleep 1
xdotool key --clearmodifiers Return
sleep 2
# Still open (the path went into the folder): choose it.
if xdotool search --onlyvisible --name "^Open a course folder to preview\$" >/dev/null 2>&1; then
  xdotool key --clearmodifiers Return
fi
activate "^Preview: sql-course"
sleep 4
xdotool key --clearmodifiers ctrl+shift+u
sleep 4
xdotool type --delay 20 "Lesson on constraints removed"
xdotool key --clearmodifiers Return
sleep 6
import -window "$(xdotool getactivewindow)" "$out"
echo "wrote $out"
