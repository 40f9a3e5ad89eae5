# Sourced by ./srstudio and installer/linux/build.sh: which Java runtime to use.

# The feature release of the Java home $1 (25 for 25.0.1), from its release file; 0 when unknown.
java_home_feature() {
  local v
  v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1)"
  echo "${v:-0}"
}

# The Java home of a java binary (links followed).
java_home_of() {
  dirname "$(dirname "$(readlink -f "$1")")"
}

# The first Java 25+ home among JAVA_HOME, the java on PATH and /usr/lib/jvm/*, whose ahead-of-time cache
# (-XX:AOTCache) starts the studio with its first drop's classes loaded and profiled; otherwise JAVA_HOME or the
# home of the java on PATH; empty when there is no Java at all. $1: a file the home must have (bin/java).
pick_java_home() {
  local need="${1:-bin/java}" h on_path=""
  command -v java >/dev/null 2>&1 && on_path="$(java_home_of "$(command -v java)")"
  for h in "${JAVA_HOME:-}" "$on_path" /usr/lib/jvm/*; do
    if [ -n "$h" ] && [ -x "$h/$need" ] && [ "$(java_home_feature "$h")" -ge 25 ]; then echo "$h"; return; fi
  done
  echo "${JAVA_HOME:-$on_path}"
}
