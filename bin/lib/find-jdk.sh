# Sourced by bin/ scripts: sets SLUICE_JDK to a JDK (with javac) of version >= 21, or exits with a clear message.
# Order: $JAVA_HOME, then the newest JDK under /usr/lib/jvm. (The default `java` on many machines is 17, which
# cannot build or run Sluice.)

java_major() { # prints the major version of the java binary $1, or 0
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }' || echo 0
}

find_jdk() {
  local candidate best="" best_major=0 major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "${major:-0}" -ge 21 ]; then best=$candidate; break; fi
    if [ "${major:-0}" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
  done
  if [ -z "$best" ] || [ "$(java_major "$best/bin/java")" -lt 21 ]; then
    echo "Sluice needs a JDK 21 or newer; none found in JAVA_HOME or /usr/lib/jvm." >&2
    return 1
  fi
  SLUICE_JDK=$best
}
