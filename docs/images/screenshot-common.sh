# shellcheck shell=bash
# What the take-*.sh screenshot scripts share, sourced by them from the repository's root once they have set
# work (their temporary folder), port (the server's) and display (Xvfb's). On sourcing it builds the player's
# classpath and arranges for everything started here to be stopped, and work removed, when the script exits.

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

# The sync server on its embedded PostgreSQL; server_env, set before start_server, adds to its environment.
server_jar=$(ls sync-server/target/sync-server-*-all.jar)
server_env=()
start_server() {
  env "${server_env[@]}" java -jar "$server_jar" --port "$port" --data-dir "$work/server" >>"$work/server.log" 2>&1 &
  server=$!
  pids+=($server)
  for _ in $(seq 120); do curl -sf "localhost:$port/health" >/dev/null && return; sleep 1; done
  echo "the server did not start; see $work/server.log" >&2; exit 1
}
api="http://127.0.0.1:$port/api/v1"
hdr=(-H 'X-SevenP-Protocol: 1' -H 'Content-Type: application/json')
register() { # EMAIL NAME
  curl -sf "${hdr[@]}" "$api/auth/register" -d "{\"email\":\"$1\",\"password\":\"correct horse battery\",\"name\":\"$2\"}" >/dev/null
}
# The role is granted with the server stopped: the embedded PostgreSQL serves one process at a time.
grant_instructor() { # EMAIL
  kill "$server"; wait "$server" 2>/dev/null || true
  java -jar "$server_jar" --data-dir "$work/server" --grant-role instructor "$1" >>"$work/server.log" 2>&1
  start_server
}
login() { # EMAIL DEVICE_ID DEVICE_NAME: prints the access token
  curl -sf "${hdr[@]}" "$api/auth/login" \
    -d "{\"email\":\"$1\",\"password\":\"correct horse battery\",\"device\":{\"id\":\"$2\",\"name\":\"$3\"}}" |
    sed -E 's/.*"accessToken" *: *"([^"]+)".*/\1/'
}
publish() { # ZIP TOKEN QUERY WHAT: publishes a course package, or stops the script saying WHAT failed
  local status
  status=$(curl -s -o "$work/publish.json" -w '%{http_code}' -H 'X-SevenP-Protocol: 1' -H "Authorization: Bearer $2" \
    -H 'Content-Type: application/zip' --data-binary @"$1" "$api/courses/publish$3")
  [ "$status" = 201 ] || { echo "publishing $4 failed ($status): $(cat "$work/publish.json")" >&2; exit 1; }
}

# The sample course in FOLDER, its graded exam left out: a graded quiz needs its answer keys to be published, and
# the player's package has none.
sample_course() { # FOLDER
  cp -r desktop-app/src/main/resources/edu/sevenp/desktop/sample/intro-to-relational-databases "$1"
  python3 - "$1/manifest.json" <<'PY'
import json, sys
path = sys.argv[1]
manifest = json.load(open(path, encoding="utf-8"))
manifest["quizzes"] = [quiz for quiz in manifest.get("quizzes", []) if quiz.get("mode") != "graded"]
open(path, "w", encoding="utf-8").write(json.dumps(manifest, indent=2, ensure_ascii=False))
PY
}

start_screen() { # WIDTHxHEIGHT: Xvfb with openbox on it
  Xvfb "$display" -screen 0 "${1}x24" >/dev/null 2>&1 &
  pids+=($!)
  export DISPLAY=$display
  sleep 1
  openbox >/dev/null 2>&1 &
  pids+=($!)
  sleep 1
}

new_profile() { # NAME THEME
  mkdir -p "$work/player/profiles/$1"
  printf '{"theme":"%s","textSize":100,"language":"en"}\n' "$2" >"$work/player/profiles/$1/settings.json"
}
sign_in() { # PROFILE EMAIL
  echo 'correct horse battery' | player --profile "$1" --sign-in "http://127.0.0.1:$port" "$2" >>"$work/player.out" 2>&1
}
log="$work/player/logs/player.log"
shown() { local n; n=$(grep -c "First lesson shown" "$log" 2>/dev/null); echo "${n:-0}"; }
launch() { # the player on a profile, until its first lesson shows
  local before
  before=$(shown)
  java -Dprism.order=sw -cp "$cp" edu.sevenp.desktop.Launcher --data-dir "$work/player" "$@" >>"$work/player.out" 2>&1 &
  app=$!
  pids+=($app)
  for _ in $(seq 60); do [ "$(shown)" -gt "$before" ] && break; sleep 1; done
  sleep 3 # the search index and the first sync
}
quit() { kill "$app"; wait "$app" 2>/dev/null || true; }
