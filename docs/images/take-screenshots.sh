#!/usr/bin/env bash
# Takes the README's screenshots from the running player under Xvfb and openbox, in the light and the dark theme,
# with a real sync server (embedded PostgreSQL) for the catalog and the account page.
#
#   mvn -q -pl desktop-app,sync-server -am -DskipTests package
#   docs/images/take-screenshots.sh [OUT_FOLDER]        # default docs/images/screens
#   THEMES=dark docs/images/take-screenshots.sh         # one theme only
#
# Needs xvfb, openbox, xdotool, imagemagick and zip (Debian packages of those names). Everything it makes lives in
# a temporary folder, removed at the end; the server listens on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(realpath -m "${1:-docs/images/screens}")
mkdir -p "$out"
work=$(mktemp -d /tmp/sevenp-shots.XXXXXX)
port=18091
display=:91
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The player's classpath: the reactor's own classes, the rest from the local repository.
mvn -q -pl desktop-app -am dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp=$(tr ':' '\n' <"$work/cp.txt" | grep -v '/edu/sevenp/' | paste -sd:)
for module in shared-model migrations course-package desktop-app; do cp="$PWD/$module/target/classes:$cp"; done
player() { java -Dprism.order=sw -cp "$cp" edu.sevenp.desktop.Launcher --data-dir "$work/player" "$@"; }

# A server with one published course (the sample course, published by its instructor) and a learner. The role
# is granted with the server stopped: the embedded PostgreSQL serves one process at a time.
server_jar=$(ls sync-server/target/sync-server-*-all.jar)
start_server() {
  java -jar "$server_jar" --port "$port" --data-dir "$work/server" >>"$work/server.log" 2>&1 &
  server=$!
  pids+=($server)
  for _ in $(seq 120); do curl -sf "localhost:$port/health" >/dev/null && return; sleep 1; done
  echo "the server did not start; see $work/server.log" >&2; exit 1
}
api="http://127.0.0.1:$port/api/v1"
hdr=(-H 'X-SevenP-Protocol: 1' -H 'Content-Type: application/json')
register() {
  curl -sf "${hdr[@]}" "$api/auth/register" -d "{\"email\":\"$1\",\"password\":\"correct horse battery\",\"name\":\"$2\"}" >/dev/null
}
start_server
register team@example.org "7P Course Team"
register ana@example.org "Ana Lima"
kill "$server"; wait "$server" 2>/dev/null || true
java -jar "$server_jar" --data-dir "$work/server" --grant-role instructor team@example.org >>"$work/server.log" 2>&1
start_server
token=$(curl -sf "${hdr[@]}" "$api/auth/login" -d '{"email":"team@example.org","password":"correct horse battery",
  "device":{"id":"8a1f2d36-5b0e-4c55-9a63-2f9f3d1c7e01","name":"Screenshots"}}' |
  sed -E 's/.*"accessToken" *: *"([^"]+)".*/\1/')
# A second course for the catalog: the sample course under new ids and another title.
cp -r desktop-app/src/main/resources/edu/sevenp/desktop/sample/intro-to-relational-databases "$work/catalog-course"
python3 - "$work/catalog-course/manifest.json" <<'PY'
import json, re, sys, uuid
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
ids = {}
text = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
              lambda m: ids.setdefault(m.group(0), str(uuid.uuid5(uuid.NAMESPACE_URL, "shots:" + m.group(0)))), text)
manifest = json.loads(text)
manifest["course"].update(slug="sql-for-data-analysis", title="SQL for Data Analysis", difficulty="intermediate")
# A graded quiz needs its answer keys to be published, and the player's package has none.
manifest["quizzes"] = [quiz for quiz in manifest.get("quizzes", []) if quiz.get("mode") != "graded"]
open(path, "w", encoding="utf-8").write(json.dumps(manifest, indent=2, ensure_ascii=False))
PY
(cd "$work/catalog-course" && zip -qr "$work/sample.zip" .)
status=$(curl -s -o "$work/publish.json" -w '%{http_code}' -H 'X-SevenP-Protocol: 1' -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/zip' --data-binary @"$work/sample.zip" "$api/courses/publish")
[ "$status" = 201 ] || { echo "publishing the catalog's course failed ($status): $(cat "$work/publish.json")" >&2; exit 1; }

# The video plays into a silent sound device of the tests' (Xvfb has no sound card).
export ALSA_CONFIG_PATH="$PWD/desktop-app/src/test/alsa/silent.conf"
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=$display
sleep 1
openbox >/dev/null 2>&1 &
pids+=($!)
sleep 1

key() { xdotool key --clearmodifiers "$@"; sleep "${pause:-1.5}"; }
shot() { import -window root "$out/$1.png"; echo "wrote $out/$1.png"; }
# A dialog gets the keyboard (openbox may leave it with the window under it), then its picture, frame included.
activate() {
  timeout 20 xdotool search --sync --onlyvisible --name "^$1\$" windowactivate --sync >/dev/null ||
    { echo "no window \"$1\" showed; see $work/player.out" >&2; exit 1; }
  sleep 0.5
}
main_window() { activate "Introduction to Relational Databases — 7P Course Player"; }
dialog_shot() { activate "$1"; import -window "$(xdotool getactivewindow)" -frame "$out/$2.png"; echo "wrote $out/$2.png"; }
log="$work/player/logs/player.log"
shown() { local n; n=$(grep -c "First lesson shown" "$log" 2>/dev/null); echo "${n:-0}"; }
launch() { # the player on a profile, until its first lesson shows
  local before
  before=$(shown)
  java -Dprism.order=sw -cp "$cp" edu.sevenp.desktop.Launcher --data-dir "$work/player" "$@" >>"$work/player.out" 2>&1 &
  app=$!
  for _ in $(seq 60); do [ "$(shown)" -gt "$before" ] && break; sleep 1; done
  sleep 3 # the search index and the first sync
}
quit() { kill "$app"; wait "$app" 2>/dev/null || true; }

for theme in ${THEMES:-light dark}; do
  suffix="-$theme"
  profile="ana$suffix"
  mkdir -p "$work/player/profiles/$profile"
  printf '{"theme":"%s","textSize":100,"language":"en"}\n' "$theme" >"$work/player/profiles/$profile/settings.json"

  # Not signed in yet: the sign-in dialog, from the sync panel.
  launch --profile "$profile"
  key ctrl+shift+s
  activate Sync
  key Return
  dialog_shot "Sign in" "sign-in$suffix"
  activate "Sign in"
  key Escape
  quit
  echo 'correct horse battery' | player --profile "$profile" --sign-in "http://127.0.0.1:$port" ana@example.org \
    >>"$work/player.out" 2>&1

  launch --profile "$profile"
  shot "player$suffix"
  key ctrl+n
  xdotool type --delay 40 "Keys identify every row; the primary key is the one we chose."
  key ctrl+Return
  shot "notes$suffix"
  key ctrl+d
  key ctrl+f
  xdotool type --delay 80 "primary key"
  sleep 2
  shot "search$suffix"
  # The final exam, found by search and started in the main pane.
  key Escape
  xdotool type --delay 80 "final exam"
  sleep 2
  key Return
  key alt+s
  sleep 2
  shot "quiz$suffix"
  key alt+c
  key alt+l
  key ctrl+l
  shot "library$suffix"
  key ctrl+shift+l
  sleep 2
  shot "catalog$suffix"
  key Escape
  key ctrl+shift+d
  sleep 2
  shot "dashboard$suffix"
  key Escape
  main_window
  key ctrl+shift+s
  dialog_shot Sync "sync-panel$suffix"
  activate Sync
  key Escape
  main_window
  key ctrl+shift+a
  sleep 2
  dialog_shot Account "account-devices$suffix"
  activate Account
  key Escape
  main_window
  key ctrl+comma
  dialog_shot Settings "settings$suffix"
  activate Settings
  key Escape
  main_window
  # The last lesson: the captioned video, a few seconds in.
  for _ in $(seq 10); do key alt+Right; done
  key ctrl+2
  key space
  sleep 6
  key space
  shot "video-lesson$suffix"
  # Back to the profile screen, in this theme.
  key ctrl+shift+p
  sleep 2
  shot "profiles$suffix"
  quit
done
echo "screenshots in $out"
