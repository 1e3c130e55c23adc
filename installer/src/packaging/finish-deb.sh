#!/bin/sh
# Finishes the .deb jpackage made, for what jpackage cannot do itself (lintian's errors, docs/installing.md):
#   - strips the launcher and the runtime's native code (Debian's JDK ships it with symbol tables) and makes
#     shared libraries non-executable (jpackage writes libapplauncher.so with mode 755);
#   - adds the Debian changelog every package needs (/usr/share/doc/<package>/changelog.Debian.gz);
#   - where the runtime carries its own copies of FreeType, LittleCMS, libjpeg and zlib (a runtime jlink'ed from
#     Temurin, which builds them in; Debian's JDK links the system's), says so to lintian in an override, as
#     the app's private runtime is not the system's to relink;
#   - drops jpackage's preinst, which does nothing;
#   - makes the menu entry and the MIME type package files in /usr/share/applications and /usr/share/mime, where
#     Debian's own triggers (desktop-file-utils, shared-mime-info) register them, instead of jpackage's
#     xdg-utils calls in postinst, which fail on a machine without a desktop menu ("No writable system menu
#     directory found") and so would fail the whole installation there; xdg-utils is no longer a dependency.
# Usage: finish-deb.sh <folder>   (rewrites each .deb in it in place; needs dpkg-deb, strip from binutils, gzip)
set -eu

tree=$(mktemp -d "${TMPDIR:-/tmp}/sevenp-deb.XXXXXX")
trap 'rm -rf "$tree"' EXIT

is_elf() {
    [ "$(head -c 4 "$1" | od -An -c | tr -d ' ')" = '177ELF' ]
}

finish() {
    deb=$1
    rm -rf "$tree" && mkdir "$tree"

    dpkg-deb --raw-extract "$deb" "$tree"
    package=$(sed -n 's/^Package: //p' "$tree/DEBIAN/control")
    version=$(sed -n 's/^Version: //p' "$tree/DEBIAN/control")
    maintainer=$(sed -n 's/^Maintainer: //p' "$tree/DEBIAN/control")

    find "$tree/usr" -type f | while read -r file; do
        if is_elf "$file"; then
            strip --strip-unneeded "$file"
            case "$file" in
                *.so) chmod 0644 "$file" ;;
            esac
        fi
    done

    rm -f "$tree/DEBIAN/preinst"

    mkdir -p "$tree/usr/share/applications" "$tree/usr/share/mime/packages"
    mv "$tree/usr/lib/$package/$package-$package.desktop" "$tree/usr/share/applications/$package.desktop"
    mv "$tree/usr/lib/$package/$package-$package-MimeInfo.xml" "$tree/usr/share/mime/packages/$package.xml"
    sed -i -e 's/^\(Depends: .*\)xdg-utils, /\1/' -e 's/^\(Depends: .*\), xdg-utils/\1/' "$tree/DEBIAN/control"

    mkdir -p "$tree/usr/share/doc/$package"
    changelog="$tree/usr/share/doc/$package/changelog.Debian"
    cat > "$changelog" <<CHANGELOG
$package ($version) unstable; urgency=medium

  * A build of the 7P course player; what changed: the project's docs.

 -- $maintainer  $(date -R)
CHANGELOG
    gzip -9n "$changelog"
    chmod 0644 "$changelog.gz"

    runtime_lib="usr/lib/$package/runtime/lib"
    if [ -e "$tree/$runtime_lib/libfreetype.so" ] || [ -e "$tree/$runtime_lib/liblcms.so" ]; then
        mkdir -p "$tree/usr/share/lintian/overrides"
        cat > "$tree/usr/share/lintian/overrides/$package" <<OVERRIDES
# The app's private Java runtime (jlink'ed from the JDK that built it, docs/installing.md) carries the
# libraries that JDK was built with; the system's copies are not its to use.
$package: embedded-library * [$runtime_lib/*]
OVERRIDES
        chmod 0644 "$tree/usr/share/lintian/overrides/$package"
    fi

    # jpackage counted the files before they were stripped.
    sed -i "s/^Installed-Size: .*/Installed-Size: $(du -sk "$tree/usr" | cut -f1)/" "$tree/DEBIAN/control"
    dpkg-deb --root-owner-group --build "$tree" "$deb" >/dev/null
}

for deb in "$1"/*.deb; do
    finish "$deb"
done
