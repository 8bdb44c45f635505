#!/usr/bin/env bash
# Benchmarks Sluice against ElasticMQ (the peer) in one run, alternating A B A B round by round, and writes a
# markdown report of medians and ratios (Sluice/ElasticMQ) to bench-results/<timestamp>.md and to stdout.
#
#   bench/run.sh                 all scenarios: raw-send, pipeline, longpoll (3 rounds each), backlog (1 round)
#   bench/run.sh raw-send        one scenario: raw-send, pipeline, longpoll or backlog
#   bench/run.sh all --rounds 5  with options of dev.sluice.bench.Bench (bench/run.sh --help lists them)
#
# Environment: SLUICE_BENCH_SKIP_BUILD=1 uses the jars already built (bench/target, and SLUICE_JAR, by default
# server/target/sluice.jar);
# ELASTICMQ_START names the peer's start script; EMQ_JAVA_OPTS goes to ElasticMQ only (e.g. -Xmx6g).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# find_java / find_jdk_home: a Java >= 21 (the default java here is 17), as bin/sluice finds it.
. bin/lib/java.sh
if ! java="$(find_java)"; then echo "bench: no Java 21 or newer found (see bin/lib/java.sh)" >&2; exit 1; fi

if [ -z "${SLUICE_BENCH_SKIP_BUILD:-}" ]; then
  JAVA_HOME="$(find_jdk_home "$java")" mvn -B -q -DskipTests -Dspotless.check.skip -pl server,bench -am package >&2
fi

# The longpoll scenario holds 10,000 connections in this process (and as many in the server it starts).
ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)"

scenario=all
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then scenario=$1; shift; fi
mkdir -p bench-results
out="bench-results/$(date -u +%Y%m%dT%H%M%SZ).md"

"$java" -Xmx2g -cp "bench/target/classes:bench/target/lib/*" dev.sluice.bench.Bench "$scenario" \
  --sluice-jar "${SLUICE_JAR:-server/target/sluice.jar}" --sluice-java "$java" \
  --elasticmq-start "${ELASTICMQ_START:-../shared/peers/elasticmq/start.sh}" \
  --sluice-jvm-opts "${SLUICE_JAVA_OPTS-$SLUICE_DEFAULT_JAVA_OPTS}" --out "$out" "$@"
if [ -f "$out" ]; then cat "$out"; fi
