#!/bin/sh
# Lists the classes a start of the player loads, for its class-data-sharing archive (docs/installing.md, "Class-data
# sharing"). The installer's build runs it on Linux once a first start has made the training data folder current.
#
#   - Always an everyday --self-check start on that folder (store, library, no window).
#   - Where an X server can be had (Xvfb on the PATH, started here on a free display and always stopped again, or
#     else a DISPLAY already set), also a window start to the first lesson, --startup-training, whose classes (GTK
#     glass, JavaFX's controls and CSS, WebKit's Java side) a --self-check never loads.
#   The list is both, each class once, without dynamic proxies.
#
# Usage: train-class-list.sh <launcher> <data folder> <class list> [auto|window|self-check]
#   auto (the default): on a window where an X server can be had, else --self-check alone; window: fail without
#   one; self-check: never a window. A window start that fails fails the build (use self-check to get past it).
# Each start is stopped after SEVENP_TRAINING_SECONDS (180); --startup-training itself gives up after 60 s.
set -eu

launcher=$1
data=$2
list=$3
mode=${4:-auto}
limit=${SEVENP_TRAINING_SECONDS:-180}

work=$(mktemp -d "${TMPDIR:-/tmp}/sevenp-classlist.XXXXXX")
xvfb_pid=
training_pid=
cleanup() {
    if [ -n "$training_pid" ]; then
        kill "$training_pid" 2>/dev/null || true
        wait "$training_pid" 2>/dev/null || true
    fi
    if [ -n "$xvfb_pid" ]; then
        kill "$xvfb_pid" 2>/dev/null || true
        wait "$xvfb_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
# A signal ends the script through exit, so that the EXIT trap stops Xvfb.
trap 'exit 1' HUP INT TERM

say() {
    echo "train-class-list: $*"
}

# Dynamic proxies ($Proxy12) are generated at run time: -Xshare:dump only warns that it cannot find them.
without_proxies() {
    awk '!/\$Proxy[0-9]+$/' "$@"
}

classes() {
    without_proxies "$1" | grep -vc '^[#@]'
}

# A start of the launcher that lists the classes it loads into $1; the rest are the launcher's options. Waited for
# in the background, so that a signal is handled (and the start stopped) at once.
train() {
    output=$1
    shift
    # -Xshare:off: classes an archive (a stale one in the image) served would be missing from the list.
    JAVA_TOOL_OPTIONS="-Xshare:off -XX:DumpLoadedClassList=$output" timeout -k 10 "$limit" "$launcher" "$@" \
        --data-dir "$data" &
    training_pid=$!
    status=0
    wait "$training_pid" || status=$?
    training_pid=
    return "$status"
}

# Starts Xvfb on a display number it picks itself (-displayfd writes it once the server takes connections).
start_xvfb() {
    Xvfb -displayfd 3 -nolisten tcp -screen 0 1280x800x24 3>"$work/display" >"$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    tries=0
    until grep -q '^[0-9]' "$work/display" 2>/dev/null; do
        tries=$((tries + 1))
        if ! kill -0 "$xvfb_pid" 2>/dev/null || [ "$tries" -gt 100 ]; then
            say "Xvfb did not start:" >&2
            cat "$work/xvfb.log" >&2
            return 1
        fi
        sleep 0.1
    done
    DISPLAY=":$(head -n 1 "$work/display")"
    export DISPLAY
}

window=
case "$mode" in
    self-check) ;;
    auto|window)
        if command -v Xvfb >/dev/null 2>&1; then
            window=xvfb
        elif [ -n "${DISPLAY:-}" ]; then
            window=display
        elif [ "$mode" = window ]; then
            say "a window start needs Xvfb on the PATH or a DISPLAY" >&2
            exit 1
        fi
        ;;
    *)
        say "unknown training '$mode' (auto, window or self-check)" >&2
        exit 2
        ;;
esac

train "$work/self-check.classlist" --self-check

if [ -z "$window" ]; then
    without_proxies "$work/self-check.classlist" >"$list"
    if [ "$mode" = self-check ]; then
        why="as asked"
    else
        why="no window: no Xvfb on the PATH and no DISPLAY"
    fi
    say "trained on --self-check only ($why): $(classes "$list") classes"
    exit 0
fi

hint="to train on --self-check only, build with -Dcds.training=self-check"
if [ "$window" = xvfb ] && ! start_xvfb; then
    say "$hint" >&2
    exit 1
fi
if ! train "$work/window.classlist" --startup-training; then
    say "the window start failed on DISPLAY $DISPLAY; the end of its log, $data/logs/player.log:" >&2
    tail -n 20 "$data/logs/player.log" >&2 || true
    say "$hint" >&2
    exit 1
fi

# The window start's list whole, then the classes only --self-check loaded. A list's ids (id: 12) are its own (from JDK
# 24 on they differ between two starts, and -Xshare:dump refuses a list that gives one class two): the added classes
# go without theirs, as the JDK's own class loaders need none, and without the list's @ lines about its own ids.
without_proxies "$work/window.classlist" >"$work/window.list"
without_proxies "$work/self-check.classlist" >"$work/self-check.list"
awk 'FNR == NR { if ($0 !~ /^[#@]/) listed[$1] = 1; print; next }
     /^[#@]/ || ($1 in listed) || / super: / || / source: / { next }
     { listed[$1] = 1; print $1 }' "$work/window.list" "$work/self-check.list" >"$list"
if [ "$window" = xvfb ]; then
    where="under Xvfb ($DISPLAY)"
else
    where="on DISPLAY $DISPLAY"
fi
say "trained on a window start to the first lesson $where and on --self-check:" \
    "$(classes "$list") classes ($(classes "$work/window.classlist") from the window start," \
    "$(classes "$work/self-check.classlist") from --self-check)"
