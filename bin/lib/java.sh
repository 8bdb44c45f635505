# Sourced by the scripts in bin/: finds a Java (and a JDK, to build) of version 21 or newer. The default `java` of
# some machines is 17, which can neither build nor run Sluice.
MIN_VERSION=21

# The major version of a java binary (8 for "1.8.0_x", 21 for "21.0.2"), or 0 if it does not run.
java_major() {
    local line version
    line="$("$1" -version 2>&1 | grep -m1 -E 'version "' || true)"
    version="$(sed -E 's/.*version "([^"]*)".*/\1/' <<<"$line")"
    [[ "$version" == 1.* ]] && version="${version#1.}"
    version="${version%%[.+-]*}"
    [[ "$version" =~ ^[0-9]+$ ]] && echo "$version" || echo 0
}

# The newest Java >= 21 among the given binaries (the ones that exist).
newest_java() {
    local best="" best_major=0 candidate major
    for candidate in "$@"; do
        [[ -x "$candidate" ]] || continue
        major="$(java_major "$candidate")"
        if ((major >= MIN_VERSION && major > best_major)); then
            best="$candidate"
            best_major="$major"
        fi
    done
    [[ -n "$best" ]] && echo "$best"
}

find_java() {
    if [[ -n "${SLUICE_JAVA:-}" ]]; then
        if (($(java_major "$SLUICE_JAVA") >= MIN_VERSION)); then
            echo "$SLUICE_JAVA"
            return
        fi
        echo "sluice: SLUICE_JAVA=$SLUICE_JAVA is not a Java $MIN_VERSION or newer" >&2
        return 1
    fi
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] \
        && (($(java_major "$JAVA_HOME/bin/java") >= MIN_VERSION)); then
        echo "$JAVA_HOME/bin/java"
        return
    fi
    local found
    if found="$(newest_java /usr/lib/jvm/*/bin/java)"; then
        echo "$found"
        return
    fi
    if command -v java >/dev/null && (($(java_major "$(command -v java)") >= MIN_VERSION)); then
        command -v java
        return
    fi
    return 1
}

# A JDK home (with javac) of version >= 21, for building the jar.
find_jdk_home() {
    local java="$1" home
    home="$(dirname "$(dirname "$(readlink -f "$java")")")"
    if [[ -x "$home/bin/javac" ]]; then
        echo "$home"
        return
    fi
    local javac
    if javac="$(newest_java /usr/lib/jvm/*/bin/javac)"; then
        dirname "$(dirname "$javac")"
        return
    fi
    return 1
}


# The JVM options Sluice runs with unless $SLUICE_JAVA_OPTS says otherwise. Message bodies live on disk and the index
# is about 100 bytes a message, so a capped heap holds a 1,000,000-message backlog; without a cap the JVM grows its
# heap to a quarter of the machine's memory before collecting. Measured by bench/run.sh (backlog, longpoll).
SLUICE_DEFAULT_JAVA_OPTS="-Xms64m -Xmx512m -XX:+UseSerialGC"
