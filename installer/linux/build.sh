#!/usr/bin/env bash
# Builds SR Studio's Linux app image and .deb (and .rpm where rpmbuild exists) with jpackage.
# Called by `mvn -Pinstaller package` after the jar and target/lib exist; prints sizes and build time.
set -euo pipefail
VERSION="${1:?usage: build.sh VERSION}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
T="$ROOT/target"
OUT="$T/installer"
START=$(date +%s)
# shellcheck source=../../tools/java.sh
. "$ROOT/tools/java.sh"
# The JDK whose runtime the app bundles: a Java 25+ one when installed, so that the app ships an AOT cache (below).
JDK="${SRSTUDIO_JDK:-$(pick_java_home bin/jpackage)}"
JAVA_BIN="$JDK/bin"
FEATURE="$(java_home_feature "$JDK")"
APP_VERSION="${VERSION%%-*}"

rm -rf "$OUT"
mkdir -p "$OUT/input/lib" "$OUT/input/native" "$OUT/javafx" "$OUT/package"

# Class path: everything but JavaFX (it goes into the runtime image) and the native jar (unpacked below).
for jar in "$T"/lib/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    javafx-*-linux.jar) cp "$jar" "$OUT/javafx/" ;;
    javafx-*) ;;
    pytorch-native-cpu-*) ;;
    *) cp "$jar" "$OUT/input/lib/" ;;
  esac
done
cp "$T/srstudio.jar" "$OUT/input/"

# libtorch (CPU) and DJL's JNI library, side by side, as PYTORCH_LIBRARY_PATH expects.
NATIVE_DIR=pytorch/cpu/linux-x86_64
(cd "$OUT" && "$JAVA_BIN/jar" xf "$(ls "$T"/lib/pytorch-native-cpu-*.jar)" "$NATIVE_DIR")
mv "$OUT/$NATIVE_DIR"/* "$OUT/input/native/" && rm -rf "$OUT/pytorch"
(cd "$OUT" && "$JAVA_BIN/jar" xf "$(ls "$T"/lib/pytorch-jni-*.jar)" jnilib/linux-x86_64/cpu/libdjl_torch.so)
mv "$OUT/jnilib/linux-x86_64/cpu/libdjl_torch.so" "$OUT/input/native/" && rm -rf "$OUT/jnilib"

# Default models (only complete folders) and themes.
mkdir -p "$OUT/input/models"
for m in "$ROOT"/models/*/; do
  [ -f "$m/model.json" ] && cp -r "$m" "$OUT/input/models/"
done
[ -d "$ROOT/themes" ] && cp -r "$ROOT/themes" "$OUT/input/themes"

# A runtime with the JDK modules the app uses and JavaFX, whose native libraries go into the image's lib/
# so that JavaFX loads them from there rather than unpacking them into the user's home.
# (jdk.random is part of java.base from Java 23 on, so modules this JDK lacks are left out.)
MODULES=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.crypto.ec,jdk.charsets,jdk.localedata,jdk.management,jdk.random,jdk.unsupported,jdk.zipfs
HAVE="$("$JAVA_BIN/java" --list-modules | sed 's/@.*//')"
MODULES="$(tr ',' '\n' <<<"$MODULES" | grep -Fxf <(echo "$HAVE") | paste -sd, -),javafx.base,javafx.graphics,javafx.controls,javafx.swing"
COMPRESS=2
[ "$FEATURE" -ge 21 ] && COMPRESS=zip-6
"$JAVA_BIN/jlink" --module-path "$OUT/javafx" --add-modules "$MODULES" --strip-debug --no-header-files \
  --no-man-pages --compress="$COMPRESS" --output "$OUT/runtime"
for jar in "$OUT"/javafx/javafx-graphics-*-linux.jar; do
  (cd "$OUT/runtime/lib" && "$JAVA_BIN/jar" xf "$jar" && rm -rf META-INF com javafx module-info.class)
done

mapfile -t OPTIONS < <(grep -v '^#' "$ROOT/installer/launcher.options" | sed '/^\s*$/d')
# JavaFX 21 (the javafx.graphics module here) loads native libraries and uses sun.misc.Unsafe; Java 25 warns
# about both unless told.
[ "$FEATURE" -ge 25 ] && OPTIONS+=(--enable-native-access=ALL-UNNAMED,javafx.graphics --sun-misc-unsafe-memory-access=allow)
JAVA_OPTIONS=()
for o in "${OPTIONS[@]}"; do JAVA_OPTIONS+=(--java-options "$o"); done

COMMON=(--name srstudio --app-version "$APP_VERSION" --vendor "SR Studio developers"
  --description "Compare image super-resolution models side by side")
"$JAVA_BIN/jpackage" --type app-image "${COMMON[@]}" --input "$OUT/input" --main-jar srstudio.jar \
  --main-class org.srstudio.app.Main --runtime-image "$OUT/runtime" --icon "$ROOT/assets/icon.png" \
  "${JAVA_OPTIONS[@]}" --dest "$OUT/image"

# Java 25+: the AOT cache of the studio's training run (app.AotTraining: the real window, transparent, two images
# dropped), made with the image's own runtime, class path and options, and named in the launcher's options. The
# cache holds the class path relative to the app folder, so it stays valid where the package installs it. The
# training needs a display or xvfb-run; without one, or if it fails, the package is built without a cache.
if [ "$FEATURE" -ge 25 ]; then
  APPDIR="$OUT/image/srstudio/lib/app"
  CLASSPATH="$(sed -n 's/^app.classpath=//p' "$APPDIR/srstudio.cfg" | sed "s#\$APPDIR#$APPDIR#g" | paste -sd: -)"
  TRAIN_OPTIONS=()
  for o in "${OPTIONS[@]}"; do TRAIN_OPTIONS+=("${o//\$APPDIR/$APPDIR}"); done
  DISPLAY_RUN=()
  if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then DISPLAY_RUN=(xvfb-run -a); fi
  if "${DISPLAY_RUN[@]}" "$OUT/image/srstudio/lib/runtime/bin/java" "${TRAIN_OPTIONS[@]}" \
      -XX:AOTCacheOutput="$APPDIR/srstudio.aot" -cp "$CLASSPATH" org.srstudio.app.AotTraining \
      >"$OUT/aot-training.log" 2>&1 && [ -f "$APPDIR/srstudio.aot" ]; then
    sed -i '/^\[JavaOptions\]/a java-options=-XX:AOTCache=$APPDIR/srstudio.aot' "$APPDIR/srstudio.cfg"
    echo "AOT cache: $APPDIR/srstudio.aot ($(du -h "$APPDIR/srstudio.aot" | cut -f1))"
  else
    rm -f "$APPDIR/srstudio.aot" "$APPDIR/srstudio.aot.config"
    echo "No AOT cache: the training run failed (see $OUT/aot-training.log)." >&2
  fi
fi

# The package scripts: jpackage fills placeholders in them, and the helper-functions placeholder of Java 17's
# templates (UTILITY_SCRIPTS) became two in later ones; the prerm here names the one of the JDK that packages it.
RESOURCES="$OUT/resources"
cp -r "$ROOT/installer/linux/resources" "$RESOURCES"
"$JAVA_BIN/jimage" extract --dir "$OUT/templates" --include 'regex:.*/template\.prerm' "$JDK/lib/modules"
if ! grep -rqs UTILITY_SCRIPTS "$OUT/templates"; then
  sed -i 's/^UTILITY_SCRIPTS$/package_type=deb\nCOMMON_SCRIPTS\nDESKTOP_SCRIPTS/' "$RESOURCES/prerm"
fi

types=(deb)
command -v rpmbuild >/dev/null 2>&1 && types+=(rpm)
for type in "${types[@]}"; do
  "$JAVA_BIN/jpackage" --type "$type" "${COMMON[@]}" --app-image "$OUT/image/srstudio" --dest "$OUT/package" \
    --icon "$ROOT/assets/icon.png" --license-file "$ROOT/LICENSE" --linux-shortcut --linux-menu-group "Graphics" \
    --resource-dir "$RESOURCES" \
    --linux-app-category graphics --linux-deb-maintainer "srstudio@users.noreply.github.com" \
    --file-associations "$ROOT/installer/linux/assoc-png.properties" \
    --file-associations "$ROOT/installer/linux/assoc-jpeg.properties" \
    --file-associations "$ROOT/installer/linux/assoc-webp.properties"
done

END=$(date +%s)
echo "App image: $OUT/image/srstudio ($(du -sh "$OUT/image/srstudio" | cut -f1))"
for f in "$OUT"/package/*; do
  echo "Package: $f ($(du -h "$f" | cut -f1), $(stat -c %s "$f") bytes)"
done
echo "Installer build time: $((END - START)) s"
