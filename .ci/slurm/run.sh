#!/usr/bin/env bash
# Slurm integration test of `pg sweep`: a Slurm controller and one node on this machine (Debian's
# slurm-wlm and munge), configured in a temporary folder; a 4-task job array of tiny sweep runs
# submitted with sbatch; then a check that the four run folders are complete and bit-identical
# (weights, metrics, evaluation) to the same runs made locally with `pg sweep --jobs 2`.
# Installs the packages when root and missing; stops every daemon it started, whatever happens.
# Needs the CLI built (pnpm build). Environment: SLURM_TEST_PORT (default 16817; it uses this
# port and the next), SLURM_TEST_TIMEOUT (seconds to wait for the array, default 300).
#   .ci/slurm/run.sh                     # the tiny 2 x 2 sweep, locally and as an array
#   .ci/slurm/run.sh SWEEP LOCAL_OUT     # another sweep as an array, checked against the runs in LOCAL_OUT
set -euo pipefail
say() { echo "slurm-test: $*"; }
fail() { echo "slurm-test: FAILED: $*" >&2; exit 1; }
# Paths given on the command line, made absolute before leaving the caller's directory.
args=()
for arg in "$@"; do args+=("$(realpath -m "$arg")"); done
set -- "${args[@]}"
cd "$(dirname "$0")/../.."
root=$PWD
port=${SLURM_TEST_PORT:-16817}
given_sweep=${1:-}
given_local=${2:-}
[[ -z $given_sweep || -n $given_local ]] || fail "usage: $0 [SWEEP LOCAL_OUT]"
array_timeout=${SLURM_TEST_TIMEOUT:-300}
pg=("$(command -v node)" "$root/packages/cli/dist/bin.js")

[[ -f ${pg[1]} ]] || fail "${pg[1]} is missing: build the CLI first (pnpm build)"
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  [[ $EUID -eq 0 ]] || fail "needs Debian's slurm-wlm and munge (apt-get install slurm-wlm munge), or root to install them"
  say "installing slurm-wlm and munge"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi
[[ $EUID -eq 0 ]] || fail "runs the Slurm daemons as root (SlurmUser=root): run it as root"

work=$(mktemp -d /tmp/pg-slurm.XXXXXX)
chmod 755 "$work"
pids=()
job=
show_logs() {
  for log in "$work"/log/* "$work"/slurm/slurm/*.out; do
    [[ -f $log ]] || continue
    echo "----- $log (last 40 lines)" >&2
    tail -n 40 "$log" >&2
  done
}
cleanup() {
  local status=$?
  [[ $status -ne 0 ]] && show_logs
  # Cancel the array while the controller still runs, so that no task outlives the test.
  if [[ -n $job ]]; then
    scancel "$job" 2>/dev/null || true
    for _ in $(seq 100); do [[ -z $(squeue -h -j "$job" 2>/dev/null) ]] && break; sleep 0.1; done
  fi
  # Only the processes this script started, by their id.
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# wait_for SECONDS WHAT COMMAND...: polls COMMAND every half second until it succeeds, failing
# at once if a daemon this script started has died.
wait_for() {
  local seconds=$1 what=$2
  shift 2
  for _ in $(seq $((seconds * 2))); do
    "$@" >/dev/null 2>&1 && return 0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || fail "a daemon (pid $pid) exited while waiting for $what"; done
    sleep 0.5
  done
  fail "timed out after ${seconds} s waiting for $what"
}

# munge: its own key and socket, run as the munge user (it refuses world-writable or foreign-owned folders).
mkdir -p "$work/munge" "$work/log" "$work/state" "$work/spool"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chown -R munge:munge "$work/munge"
chmod 711 "$work/munge" # munged wants its socket's folder searchable by every user
chmod 400 "$work/munge/munge.key"
touch "$work/log/munged.log" && chown munge:munge "$work/log/munged.log"
socket="$work/munge/munge.socket.2"
setpriv --reuid=munge --regid=munge --init-groups munged -F --socket="$socket" --key-file="$work/munge/munge.key" \
  --log-file="$work/log/munged.log" --pid-file="$work/munge/munged.pid" --seed-file="$work/munge/munged.seed" 2>"$work/log/munged.stderr" &
pids+=($!)
wait_for 20 "munged to answer on $socket" bash -c "munge -S '$socket' -n | unmunge -S '$socket'"
say "munged is up"

# One controller and one node, this machine, described as slurmd sees it.
node=$(hostname -s)
export SLURM_CONF="$work/slurm.conf"
cat >"$SLURM_CONF" <<CONF
ClusterName=pgtest
SlurmctldHost=$node
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
$(slurmd -C | head -n 1) State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
# In the foreground (-D), so that their process ids are ours to stop; their output goes to log/.
slurmctld -D -i -f "$SLURM_CONF" >"$work/log/slurmctld.stderr" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" -N "$node" >"$work/log/slurmd.stderr" 2>&1 &
pids+=($!)
wait_for 60 "node $node to be idle (sinfo)" bash -c "sinfo -h -n '$node' -o %T | grep -qx idle"
say "slurmctld and slurmd are up; node $node idle"

if [[ -n $given_sweep ]]; then
  sweep=$given_sweep
  local_out=$given_local
else
  # The sweep: 2 settings x 2 seeds of a run small enough for a test.
  sweep="$work/tiny.sweep.yaml"
  local_out="$work/local"
  cat >"$sweep" <<SWEEP
name: slurm-test
config: $root/packages/cli/test/fixtures/tiny.yaml
set:
  logging.wandb_enabled: false
grid:
  network.hidden_dim: [8, 12]
seeds: [1, 2]
SWEEP
  say "local sweep, 2 at a time"
  "${pg[@]}" sweep "$sweep" --jobs 2 --out "$local_out" >"$work/log/local-sweep.log" 2>&1 || fail "the local sweep failed (see above)"
fi

say "the same sweep as a Slurm job array"
"${pg[@]}" sweep slurm "$sweep" --out "$work/slurm" --cpus 1 --mem 500M --time 10:00 --script "$work/array.sbatch" >/dev/null
job=$(sbatch --parsable "$work/array.sbatch")
say "submitted job array $job: $(grep -- '--array' "$work/array.sbatch")"
wait_for "$array_timeout" "job array $job to finish (squeue)" bash -c "[[ -z \$(squeue -h -j '$job' 2>/dev/null) ]]"
say "job array $job finished"

"${pg[@]}" sweep list "$sweep" --out "$work/slurm"
node "$root/.ci/slurm/same-results.mjs" "$local_out" "$work/slurm" || fail "the Slurm runs differ from the local ones"
say "passed: every array task's run complete and bit-identical to the local run"
