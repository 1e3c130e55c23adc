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
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mvn -q -pl desktop-app -am dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp=$(tr ':' '\n' <"$work/cp.txt" | grep -v '/edu/sevenp/' | paste -sd:)
for module in shared-model migrations course-package desktop-app; do cp="$PWD/$module/target/classes:$cp"; done
player() { java -Dprism.order=sw -cp "$cp" edu.sevenp.desktop.Launcher --data-dir "$work/player" "$@"; }

server_jar=$(ls sync-server/target/sync-server-*-all.jar)
start_server() {
  java -jar "$server_jar" --port "$port" --data-dir "$work/server" >>"$work/server.log" 2>&1 &
  server=$!
  pids+=($server)
  for _ in $(seq 120); do curl -sf "localhost:$port/health" >/dev/null && return; sleep 1; done
  echo "the server did not start; see $work/server.log" >&2; exit 1
}
api="http://127.0.0.1:$port/api/v1"
start_server
curl -sf -H 'X-SevenP-Protocol: 1' -H 'Content-Type: application/json' "$api/auth/register" \
  -d '{"email":"team@example.org","password":"correct horse battery","name":"7P Course Team"}' >/dev/null
kill "$server"; wait "$server" 2>/dev/null || true
java -jar "$server_jar" --data-dir "$work/server" --grant-role instructor team@example.org >>"$work/server.log" 2>&1
start_server

# 1.2.0 on the server; the folder to preview is 1.3.0 without the lesson on constraints.
cp -r desktop-app/src/main/resources/edu/sevenp/desktop/sample/intro-to-relational-databases "$work/published"
python3 - "$work/published/manifest.json" <<'PY'
import json, sys
path = sys.argv[1]
manifest = json.load(open(path, encoding="utf-8"))
manifest["quizzes"] = [quiz for quiz in manifest.get("quizzes", []) if quiz.get("mode") != "graded"]
open(path, "w", encoding="utf-8").write(json.dumps(manifest, indent=2, ensure_ascii=False))
PY
(cd "$work/published" && zip -qr "$work/published.zip" .)
token=$(curl -sf -H 'X-SevenP-Protocol: 1' -H 'Content-Type: application/json' "$api/auth/login" \
  -d '{"email":"team@example.org","password":"correct horse battery","device":{"id":"8a1f2d36-5b0e-4c55-9a63-2f9f3d1c7e02","name":"Script"}}' |
  sed -E 's/.*"accessToken" *: *"([^"]+)".*/\1/')
status=$(curl -s -o "$work/publish.json" -w '%{http_code}' -H 'X-SevenP-Protocol: 1' -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/zip' --data-binary @"$work/published.zip" "$api/courses/publish?summary=First+version")
[ "$status" = 201 ] || { echo "publishing 1.2.0 failed ($status): $(cat "$work/publish.json")" >&2; exit 1; }
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

Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=$display
sleep 1
openbox >/dev/null 2>&1 &
pids+=($!)
sleep 1

mkdir -p "$work/player/profiles/team"
printf '{"theme":"light","textSize":100,"language":"en"}\n' >"$work/player/profiles/team/settings.json"
echo 'correct horse battery' | player --profile team --sign-in "http://127.0.0.1:$port" team@example.org \
  >>"$work/player.out" 2>&1
log="$work/player/logs/player.log"
java -Dprism.order=sw -cp "$cp" edu.sevenp.desktop.Launcher --data-dir "$work/player" --profile team \
  >>"$work/player.out" 2>&1 &
app=$!
pids+=($app)
for _ in $(seq 60); do grep -q "First lesson shown" "$log" 2>/dev/null && break; sleep 1; done
sleep 3
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
