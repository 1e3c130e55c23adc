# Makes the class-data-sharing archive of the app beside this script (docs/installing.md, "Class-data sharing"): from
# its class list (sevenp.classlist), with the app's own runtime, classpath and JVM options as its launcher's cfg gives
# them, to the file the cfg names (-XX:SharedArchiveFile). The JVM maps an archive only for the jars' absolute paths,
# so it is made where the app is: by the build for its image, by the .deb's postinst for the installed app.
# A runtime of JDK 24 or later also links the classes into it (-XX:+AOTClassLinking, JEP 483).
# The runtime's own java, not the launcher: from JDK 24 on, a launcher given -Xshare:dump only through
# JAVA_TOOL_OPTIONS goes on to run the app's main class after the dump.
# Usage: sh make-class-data-archive.sh   (exits with the JVM's status; run with sh, as it ships without the
# executable bit: the build copies it in as a resource)
set -eu

app=$(cd "$(dirname "$0")" && pwd)
runtime=$app/../runtime
cfg=$app/sevenp.cfg

# The cfg's paths start with $APPDIR, the launcher's folder.
resolve() {
    printf '%s' "$1" | sed "s|\\\$APPDIR|$app|g"
}

classpath=
set --
while IFS= read -r line; do
    case "$line" in
        app.classpath=*)
            classpath=${classpath:+$classpath:}$(resolve "${line#app.classpath=}")
            ;;
        java-options=*)
            set -- "$@" "$(resolve "${line#java-options=}")"
            ;;
    esac
done <"$cfg"

version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$runtime/release")
if [ "${version:-0}" -ge 24 ]; then
    set -- "$@" -XX:+AOTClassLinking
fi

# Options set for the user (JAVA_TOOL_OPTIONS) would change the archive or stop the dump.
exec env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS "$runtime/bin/java" "$@" -Xshare:dump \
    -XX:SharedClassListFile="$app/sevenp.classlist" -cp "$classpath"
