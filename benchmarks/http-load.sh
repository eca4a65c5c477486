#!/usr/bin/env bash
# Load test of the HTTP execute endpoint with wrk (Debian package `wrk`). Builds nothing: run
# `./mvnw package` first. Starts adapters-http/target/interlock-server.jar on a temporary data
# directory, deploys and binds two JavaScript post-login actions through the management API, warms
# up, then runs wrk against POST /api/v1/triggers/post-login/execute and prints requests/s,
# p50/p99, errors, execution statuses and memory samples.
#
# Settings (environment): DURATION (s, default 60), WARMUP (s, default 15), CONNECTIONS (default 32),
# THREADS (wrk threads, default 1), PORT (default 18790), STORE (sqlite | memory, default sqlite),
# ACCESS_LOG (true | false, default true; lines go to a file in the temp dir),
# JAVA_OPTS (default "-Xms512m -Xmx512m"), ACTIONS (2, or 0 to bind none and measure the HTTP
# layer and the engine without scripts), SERVER_ARGS (extra server options, e.g. "--http.threads=8").
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=adapters-http/target/interlock-server.jar
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-15}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
PORT=${PORT:-18790}
STORE=${STORE:-sqlite}
ACCESS_LOG=${ACCESS_LOG:-true}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}
ACTIONS=${ACTIONS:-2}
SERVER_ARGS=${SERVER_ARGS:-}

[ -f "$JAR" ] || { echo "missing $JAR: run ./mvnw package first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/interlock-load.XXXXXX)
TOKEN="bench_$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
BASE="http://127.0.0.1:$PORT"
STORE_ARG=()
[ "$STORE" = memory ] && STORE_ARG=(--database.url=memory:)

# shellcheck disable=SC2086
INTERLOCK_ADMIN_TOKEN="$TOKEN" java $JAVA_OPTS -jar "$JAR" --host=127.0.0.1 --port="$PORT" \
  --data.dir="$WORK/data" --access.log="$ACCESS_LOG" "${STORE_ARG[@]}" $SERVER_ARGS >"$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$BASE/health/ready" >/dev/null || { echo "server did not start:" >&2; cat "$WORK/server.log" >&2; exit 1; }

api() { # method path [body]
  curl -fsS -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    ${3:+--data-binary "$3"} "$BASE$2" -o /dev/null -w '%{http_code}'
}
ROLES='exports.onExecutePostLogin = async (event, api) => { const roles = (event.authorization && event.authorization.roles) || []; api.accessToken.setCustomClaim(\"https://example.com/roles\", roles.concat([\"member\"])); };'
TEAM='exports.onExecutePostLogin = async (event, api) => { if (event.user.email_verified) { api.idToken.setCustomClaim(\"https://example.com/team\", event.user.app_metadata.team || \"none\"); } };'
echo "create add-roles: $(api POST /api/v2/actions/actions "{\"name\":\"add-roles\",\"supported_triggers\":[{\"id\":\"post-login\",\"version\":\"v3\"}],\"code\":\"$ROLES\",\"deploy\":true}")"
echo "create add-team:  $(api POST /api/v2/actions/actions "{\"name\":\"add-team\",\"supported_triggers\":[{\"id\":\"post-login\",\"version\":\"v3\"}],\"code\":\"$TEAM\",\"deploy\":true}")"
if [ "$ACTIONS" = 2 ]; then
  echo "bind both:        $(api PATCH /api/v2/actions/triggers/post-login/bindings '{"bindings":[{"ref":{"type":"action_name","value":"add-roles"}},{"ref":{"type":"action_name","value":"add-team"}}]}')"
else
  echo "bound: none (ACTIONS=$ACTIONS)"
fi

cat >"$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
local f = io.open("examples/post-login-event.json", "r")
wrk.body = f:read("*a")
f:close()
LUA
URL="$BASE/api/v1/triggers/post-login/execute"
echo "sample record: $(curl -fsS -X POST -H "Authorization: Bearer $TOKEN" --data-binary @examples/post-login-event.json "$URL" | head -c 300)..."

echo "warm-up: ${WARMUP}s"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$WORK/post.lua" "$URL" >/dev/null

metric() { # name filter -> value
  curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/metrics" | grep "^$1" | grep -- "$2" | awk '{s+=$NF} END {printf "%.0f", s}'
}
sample_memory() {
  while kill -0 "$SERVER" 2>/dev/null; do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$SERVER/status" 2>/dev/null || echo 0)
    heap=$(metric jvm_memory_used_bytes 'area="heap"')
    live=$(metric jvm_gc_live_data_size_bytes '')
    echo "$(date +%s) rss_kb=$rss heap_used=$heap live_after_gc=$live"
    sleep 10
  done
}
sample_memory >"$WORK/memory.log" &
SAMPLER=$!

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
sys_ticks() { awk '{print $15}' "/proc/$SERVER/stat"; }
thread_ticks() { # "name ticks" per live thread, digits in names folded so pools group together
  for t in /proc/"$SERVER"/task/*; do
    sed -E 's/^[0-9]+ \((.*)\) [A-Za-z] (.*)$/\1\t\2/' "$t/stat" 2>/dev/null
  done | awk -F'\t' '{split($2, f, " "); name=$1; gsub(/[0-9]+/, "#", name); print name "\t" f[11] + f[12]}'
}
thread_ticks >"$WORK/threads.before"
CPU_BEFORE=$(cpu_ticks)
SYS_BEFORE=$(sys_ticks)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "measuring: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency (store: $STORE, access log: $ACCESS_LOG)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/post.lua" "$URL" | tee "$WORK/wrk.txt"
kill "$SAMPLER" 2>/dev/null || true
CPU_AFTER=$(cpu_ticks)
SYS_AFTER=$(sys_ticks)
thread_ticks >"$WORK/threads.after"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
REQUESTS=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")

echo
echo "== HTTP load result =="
echo "requests/s: $(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")"
echo "p50: $(awk '$1=="50%" {print $2}' "$WORK/wrk.txt")  p99: $(awk '$1=="99%" {print $2}' "$WORK/wrk.txt")"
NON2XX=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.txt")
SOCKET=$(grep 'Socket errors' "$WORK/wrk.txt" | sed 's/^ *//' || true)
echo "non-2xx responses: ${NON2XX:-0}; ${SOCKET:-socket errors: none}"
# CPU time the server spent per request: independent of other processes competing for the cores
echo "server CPU per request: $(awk -v a="$CPU_BEFORE" -v b="$CPU_AFTER" -v n="$REQUESTS" -v hz="$(getconf CLK_TCK)" \
  -v sa="$SYS_BEFORE" -v sb="$SYS_AFTER" \
  'BEGIN {printf "%.3f ms, of which %.3f ms in the kernel (%d requests)", (b - a) * 1000 / hz / n, (sb - sa) * 1000 / hz / n, n}')"
echo "server CPU by thread group (ms per request; threads that started and ended during the run are missed):"
awk -F'\t' -v n="$REQUESTS" -v hz="$(getconf CLK_TCK)" 'NR==FNR {b[$1]+=$2; next} {a[$1]+=$2}
  END {for (k in a) if (a[k]-b[k] > 0) printf "  %.3f  %s\n", (a[k]-b[k])*1000/hz/n, k}' \
  "$WORK/threads.before" "$WORK/threads.after" | sort -rn | head -12
echo "load average before/after: $LOAD_BEFORE / $LOAD_AFTER (2 cores; other processes compete for them)"
echo "executions completed: $(metric interlock_executions_seconds_count 'status="completed"')  failed: $(metric interlock_executions_seconds_count 'status="failed"')"
echo "memory samples (every 10 s):"
cat "$WORK/memory.log"
echo "server log and wrk output: $WORK"
