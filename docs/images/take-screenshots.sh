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
source docs/images/screenshot-common.sh

# A server with one published course (the sample course, published by its instructor) and a learner.
start_server
register team@example.org "7P Course Team"
register ana@example.org "Ana Lima"
grant_instructor team@example.org
token=$(login team@example.org 8a1f2d36-5b0e-4c55-9a63-2f9f3d1c7e01 Screenshots)
# A second course for the catalog: the sample course under new ids and another title.
sample_course "$work/catalog-course"
python3 - "$work/catalog-course/manifest.json" <<'PY'
import json, re, sys, uuid
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
ids = {}
text = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
              lambda m: ids.setdefault(m.group(0), str(uuid.uuid5(uuid.NAMESPACE_URL, "shots:" + m.group(0)))), text)
manifest = json.loads(text)
manifest["course"].update(slug="sql-for-data-analysis", title="SQL for Data Analysis", difficulty="intermediate")
open(path, "w", encoding="utf-8").write(json.dumps(manifest, indent=2, ensure_ascii=False))
PY
(cd "$work/catalog-course" && zip -qr "$work/sample.zip" .)
publish "$work/sample.zip" "$token" "" "the catalog's course"

# The video plays into a silent sound device of the tests' (Xvfb has no sound card).
export ALSA_CONFIG_PATH="$PWD/desktop-app/src/test/alsa/silent.conf"
start_screen 1280x800

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

for theme in ${THEMES:-light dark}; do
  suffix="-$theme"
  profile="ana$suffix"
  new_profile "$profile" "$theme"

  # Not signed in yet: the sign-in dialog, from the sync panel.
  launch --profile "$profile"
  key ctrl+shift+s
  activate Sync
  key Return
  dialog_shot "Sign in" "sign-in$suffix"
  activate "Sign in"
  key Escape
  quit
  sign_in "$profile" ana@example.org

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
