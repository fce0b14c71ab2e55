# shellcheck shell=bash
# Shared helpers for the infra scripts. Source it; do not run it.
# Every message goes to stderr so that stdout stays free for values a caller
# captures (connection strings, paths).

log()  { printf '[infra] %s\n' "$*" >&2; }
warn() { printf '[infra] WARNING: %s\n' "$*" >&2; }
die()  { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# apt-get as root (or through sudo when a developer runs us unprivileged).
as_root() {
  if is_root; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else die "need root to run: $*"; fi
}

# ensure_packages PATH=PACKAGE ...
# Installs each PACKAGE whose marker file PATH is missing. apt-get update only
# runs when something has to be installed, so a provisioned machine pays
# nothing. The dpkg lock timeout covers a concurrent apt run on the same box.
ensure_packages() {
  local missing=() pair
  for pair in "$@"; do
    [ -e "${pair%%=*}" ] || missing+=("${pair#*=}")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  log "installing via apt: ${missing[*]}"
  local aptlog; aptlog=$(mktemp /tmp/casetracker-apt.XXXXXX.log)
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -qq)
  if as_root "${apt[@]}" update >"$aptlog" 2>&1 \
     && as_root "${apt[@]}" install -y "${missing[@]}" >>"$aptlog" 2>&1; then
    rm -f "$aptlog"
  else
    tail -n 20 "$aptlog" >&2
    warn "apt-get install ${missing[*]} failed (full log: $aptlog)"
    return 1
  fi
}

# Newest PostgreSQL server binaries Debian's postgresql packages install.
pg_bin_dir() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# Is anything accepting TCP connections on 127.0.0.1:$1?
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
