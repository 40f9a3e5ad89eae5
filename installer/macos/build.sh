#!/usr/bin/env bash
# Builds SR Studio's macOS disk image (.dmg) with jpackage. Run on an Apple-silicon Mac after
# `mvn -B -DskipTests package` with JDK 17+ (DJL publishes osx-aarch64 natives only).
# Usage: installer/macos/build.sh VERSION
set -euo pipefail
VERSION="${1:?usage: build.sh VERSION}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
T="$ROOT/target"
OUT="$T/installer"
START=$(date +%s)
rm -rf "$OUT" && mkdir -p "$OUT/input/lib" "$OUT/input/native" "$OUT/javafx" "$OUT/package"
for jar in "$T"/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-mac-aarch64.jar) cp "$jar" "$OUT/javafx/" ;;
    javafx-*|pytorch-native-cpu-*) ;;
    *) cp "$jar" "$OUT/input/lib/" ;;
  esac
done
cp "$T/srstudio.jar" "$OUT/input/"
# The pom picks the osx-aarch64 native jar on a Mac (profile "mac").
(cd "$OUT" && jar xf "$(ls "$T"/lib/pytorch-native-cpu-*.jar)" pytorch/cpu/osx-aarch64 \
  && mv pytorch/cpu/osx-aarch64/* input/native/ && rm -rf pytorch)
(cd "$OUT" && jar xf "$(ls "$T"/lib/pytorch-jni-*.jar)" jnilib/osx-aarch64/cpu/libdjl_torch.dylib \
  && mv jnilib/osx-aarch64/cpu/libdjl_torch.dylib input/native/ && rm -rf jnilib)
mkdir -p "$OUT/input/models"
for m in "$ROOT"/models/*/; do [ -f "$m/model.json" ] && cp -r "$m" "$OUT/input/models/"; done
cp -r "$ROOT/themes" "$OUT/input/themes"
MODULES=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.crypto.ec,jdk.charsets,jdk.localedata,jdk.management,jdk.random,jdk.unsupported,jdk.zipfs,javafx.base,javafx.graphics,javafx.controls,javafx.swing
jlink --module-path "$OUT/javafx" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$OUT/runtime"
mapfile -t OPTIONS < <(grep -v '^#' "$ROOT/installer/launcher.options" | sed '/^\s*$/d')
JAVA_OPTIONS=(); for o in "${OPTIONS[@]}"; do JAVA_OPTIONS+=(--java-options "$o"); done
ICNS="$OUT/srstudio.icns"
mkdir -p "$OUT/icon.iconset"
for s in 16 32 64 128 256; do sips -z $s $s "$ROOT/assets/icon.png" --out "$OUT/icon.iconset/icon_${s}x${s}.png" >/dev/null; done
iconutil -c icns "$OUT/icon.iconset" -o "$ICNS"
jpackage --type dmg --name "SR Studio" --app-version "${VERSION%%-*}" --vendor "SR Studio developers" \
  --input "$OUT/input" --main-jar srstudio.jar --main-class org.srstudio.app.Main --runtime-image "$OUT/runtime" \
  --icon "$ICNS" --license-file "$ROOT/LICENSE" --mac-package-identifier org.srstudio.studio \
  --mac-package-name "SR Studio" \
  --file-associations "$ROOT/installer/macos/assoc-png.properties" \
  --file-associations "$ROOT/installer/macos/assoc-jpeg.properties" \
  --file-associations "$ROOT/installer/macos/assoc-webp.properties" \
  "${JAVA_OPTIONS[@]}" --dest "$OUT/package"
for f in "$OUT"/package/*; do echo "Package: $f ($(du -h "$f" | cut -f1))"; done
echo "Installer build time: $(( $(date +%s) - START )) s"
