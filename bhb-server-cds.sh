#!/usr/bin/env bash
# bhb-server-cds.sh JAVA JAR ARCHIVE: writes ARCHIVE, the class-data-sharing archive `bhb server`
# maps at start (see bhb). A training run starts the server from JAR on a free loopback port and a
# throw-away home, asks /api/v1/health once, and stops it with SIGTERM; the JVM
# (-XX:ArchiveClassesAtExit, JDK 13+) writes the classes it loaded when it exits. The archive is
# written under a temporary name and renamed, so a concurrent start never maps half a file.
# Best effort: on any failure it leaves no archive and the server starts without one. Talks on
# stderr only.
set -uo pipefail

JAVA="$1"
JAR="$2"
ARCHIVE="$3"

[ -w "$(dirname "$ARCHIVE")" ] || exit 1
work="$(mktemp -d "${TMPDIR:-/tmp}/bhb-cds.XXXXXX")" || exit 1
partial="$ARCHIVE.$$"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null
  rm -rf "$work"
  rm -f "$partial"
}
trap cleanup EXIT

echo "bhb: writing a class-data archive for faster server starts (once per build of $JAR) ..." >&2
"$JAVA" -XX:ArchiveClassesAtExit="$partial" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar "$JAR" server --port 0 --home "$work/home" >"$work/out" 2>&1 &
pid=$!

port=""
for _ in $(seq 1 600); do
  port="$(sed -n 's|^bhb server: listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$work/out")"
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "bhb: no class-data archive: the training server did not start" >&2
  exit 1
fi
# one request, so that the classes answering it are in the archive too
if exec 3<>"/dev/tcp/127.0.0.1/$port"; then
  printf 'GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
  cat <&3 >/dev/null
  exec 3<&-
fi
kill -TERM "$pid"
wait "$pid"
pid=""
if [ -s "$partial" ]; then
  mv -f "$partial" "$ARCHIVE"
else
  echo "bhb: no class-data archive: the training server wrote none" >&2
  exit 1
fi
