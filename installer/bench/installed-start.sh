#!/bin/sh
# Times the installed player's start to its first lesson (docs/benchmarks.md, "The installed .deb"): a cold
# start on a new data folder, then warm starts alternating between the launcher's own options and each
# variant's extra JVM options (JAVA_TOOL_OPTIONS), under Xvfb (a real X server, no GPU).
# Screen: process start to the first lesson on the X screen, seen from outside by ScreenProbe.java (java.awt.Robot
# polling a pixel of the course header, which is in the same first frame as the lesson); the figure to hold
# against the target. Wall: process start to the log line "First lesson drawn" (laid out and rendered by JavaFX,
# before WebKit has loaded: ui.player.LessonSurface); CPU: the process's processor time then; page: the app's
# own count to the page loaded in the web view that takes over.
# Usage: installed-start.sh [launcher] [warm starts per variant] [variant options...]
#   e.g. installed-start.sh /usr/bin/sevenp 5 "-XX:TieredStopAtLevel=1" "-Xshare:off"
set -eu

here=$(cd "$(dirname "$0")" && pwd)
launcher=${1:-/usr/bin/sevenp}
runs=${2:-5}
shift 2 2>/dev/null || shift $#
data=$(mktemp -d)
display=:97
Xvfb $display -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb; rm -rf "$data"' EXIT
sleep 1
log="$data/sevenp/logs/player.log"
ticks=$(getconf CLK_TCK)

drawn() {
    [ -f "$log" ] && grep -q 'First lesson drawn' "$log"
}

loaded() {
    [ -f "$log" ] && grep -q 'First lesson page loaded' "$log"
}

# One start: wall (process start to the log line), the app's own count from main, CPU, the load before
start() {
    rm -f "$log"
    probed="$data/probe.out"
    : > "$probed"
    DISPLAY=$display java "$here/ScreenProbe.java" 600 8 120 > "$probed" 2>/dev/null &
    probe=$!
    until grep -q ready "$probed"; do sleep 0.02; done
    load=$(cut -d' ' -f1 /proc/loadavg)
    t0=$(date +%s%N)
    XDG_DATA_HOME=$data DISPLAY=$display JAVA_TOOL_OPTIONS="$1" "$launcher" --profile default >/dev/null 2>&1 &
    pid=$!
    waited=0
    until drawn; do
        sleep 0.02
        waited=$((waited + 1))
        if ! kill -0 $pid 2>/dev/null || [ $waited -gt 6000 ]; then
            kill $pid 2>/dev/null || true
            echo "no first lesson (ended, or not within 2 minutes); see $log" >&2
            return 1
        fi
    done
    t1=$(date +%s%N)
    cpu=$(awk -v hz="$ticks" '{ print int(($14 + $15) * 1000 / hz) }' /proc/$pid/stat)
    waited=0
    until loaded || [ $waited -gt 1500 ]; do
        sleep 0.02
        waited=$((waited + 1))
    done
    wait $probe 2>/dev/null || true
    kill $pid
    wait $pid 2>/dev/null || true
    seen=$(tail -n 1 "$probed")
    case "$seen" in
        ready|'') screen=none ;;
        *) screen=$(( seen - t0 / 1000000 )) ;;
    esac
    app=$(sed -n 's/.*First lesson drawn \([0-9]*\) ms after start.*/\1/p' "$log")
    page=$(sed -n 's/.*First lesson page loaded \([0-9]*\) ms after start.*/\1/p' "$log")
    echo "screen ${screen} ms, wall $(( (t1 - t0) / 1000000 )) ms, app ${app} ms, CPU ${cpu} ms, page ${page:-none} ms, load ${load}"
}

echo "cold (new profile, sample imported): $(start '')"
i=0
while [ $i -lt "$runs" ]; do
    echo "warm, launcher's options: $(start '')"
    for variant in "$@"; do
        echo "warm, $variant: $(start "$variant")"
    done
    i=$((i + 1))
done
